import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cubicCif } from "./cubic-cif";
import { runCli } from "./run-cli";

const dir = mkdtempSync(join(tmpdir(), "hopscape-paths-"));
const rocksaltLiF = cubicCif("LiF", "F m -3 m", "4.027", [
  ["Li1", 0, 0, 0],
  ["F1", 0.5, 0.5, 0.5],
]);

describe("hopscape paths", () => {
  it("gives rocksalt LiF's three F hops up to 5 Å with the contract's keys", () => {
    const file = join(dir, "LiF.cif");
    writeFileSync(file, rocksaltLiF);
    const r = runCli(["paths", file, "--json", "--images", "3"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.ion).toBe("F");
    expect(out.maxLength).toBe(5);
    expect(out.structure.reducedFormula).toBe("LiF");
    // a/√2, a and a·√(3/2) for the fcc F sublattice with a = 4.027 Å.
    expect(out.pathways.map((p: { length: number }) => p.length)).toEqual([
      expect.closeTo(2.8475, 3),
      expect.closeTo(4.027, 3),
      expect.closeTo(4.932, 3),
    ]);
    const first = out.pathways[0];
    for (const key of ["index", "length", "start", "midpoint", "end", "startOrbit", "endOrbit", "multiplicity", "clearance", "nsites777", "nsites101010", "nsites121212"]) {
      expect(first).toHaveProperty(key);
    }
    // floor(7/4.027)+1 = 2 per axis → 8 × 8 sites; floor(10/4.027)+1 = 3 → 27 × 8; floor(12/4.027)+1 = 3 (12/4.027 = 2.98).
    expect(first.nsites777).toBe(64);
    expect(first.nsites101010).toBe(216);
    expect(first.nsites121212).toBe(216);
    // 4 F per cell, 12 nearest F neighbours each, each hop counted once: 24.
    expect(first.multiplicity).toBe(24);
    expect(first.images.trail).toHaveLength(5);
    expect(r.stderr).toMatch(/IDPP images/);
  });

  it("respects --limit and --max-length, and refuses a nonsense option", () => {
    const file = join(dir, "LiF-limit.cif");
    writeFileSync(file, rocksaltLiF);
    const r = runCli(["paths", file, "--json", "--limit", "1", "--max-length", "4.5", "--images", "0"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).pathways).toHaveLength(1);
    const bad = runCli(["paths", file, "--max-length", "abc"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--max-length must be a number/);
  });
});
