import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli";

const dir = mkdtempSync(join(tmpdir(), "hopscape-inspect-limits-"));

/** A VASP 5 POSCAR with a cubic cell of edge `a` Å and the given direct coordinates. */
function poscar(a: number, species: string, frac: Array<[number, number, number]>): string {
  return [`test ${species}`, "1.0", `${a} 0 0`, `0 ${a} 0`, `0 0 ${a}`, species, String(frac.length), "Direct", ...frac.map((f) => f.join(" ")), ""].join("\n");
}

/** Runs `hopscape inspect` on a file with this text and returns what a user sees. */
function inspect(name: string, text: string, env: Record<string, string> = {}) {
  const file = join(dir, name);
  writeFileSync(file, text);
  return runCli(["inspect", file], env);
}

describe("hopscape inspect on files beyond the structure limits", () => {
  it("names the two sites and their distance when atoms are too close", () => {
    const r = inspect("close.vasp", poscar(5, "F", [[0, 0, 0], [0.06, 0, 0]]));
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim()).toBe("hopscape inspect: site 1 (F) and site 2 (F) are 0.300 Å apart; atoms closer than 0.5 Å are refused");
  });

  it("refuses a degenerate lattice by its volume", () => {
    const r = inspect("flat.vasp", poscar(0.8, "F", [[0, 0, 0]]));
    expect(r.stderr.trim()).toBe("hopscape inspect: the lattice is degenerate (volume 0.512 Å³; at least 1 Å³ is needed)");
  });

  it("refuses more sites than HOPSCAPE_MAX_SITES allows", () => {
    const grid: Array<[number, number, number]> = [];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) grid.push([i / 3, j / 3, 0]);
    const r = inspect("grid.vasp", poscar(9, "F", grid), { HOPSCAPE_MAX_SITES: "8" });
    expect(r.stderr.trim()).toBe("hopscape inspect: the structure has 9 sites; the limit is 8 (set HOPSCAPE_MAX_SITES to change it)");
    // Raised to 9 the file passes the limits (nine fluorines alone have no oxidation states, so inspect fails later).
    expect(inspect("grid.vasp", poscar(9, "F", grid), { HOPSCAPE_MAX_SITES: "9" }).stderr).not.toMatch(/sites; the limit is/);
  });

  it("names the symbol and the site of an unknown element", () => {
    const r = inspect("x.json", JSON.stringify({ lattice: { matrix: [[4, 0, 0], [0, 4, 0], [0, 0, 4]] }, sites: [{ species: [{ element: "Xx", occu: 1 }], abc: [0, 0, 0], label: "Xx1" }] }));
    expect(r.stderr.trim()).toBe("hopscape inspect: JSON: document: site 'Xx1' (1) has the unknown element 'Xx'");
  });
});
