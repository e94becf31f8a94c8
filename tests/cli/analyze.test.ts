import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readStructuresFromPath } from "../../cli/commands/inspect";
import { analyzeStructure } from "../../lib/analysis/analyze-structure";
import { cubicCif } from "./cubic-cif";
import { runCli } from "./run-cli";

const dir = mkdtempSync(join(tmpdir(), "hopscape-analyze-"));
const fluorite = cubicCif("CaF2", "F m -3 m", "5.4626", [
  ["Ca1", 0, 0, 0],
  ["F1", 0.25, 0.25, 0.25],
]);
const file = join(dir, "CaF2.cif");
writeFileSync(file, fluorite);

const PATH_KEYS = ["index", "length", "start", "midpoint", "end", "startOrbit", "endOrbit", "multiplicity", "clearance", "nsites777", "nsites101010", "nsites121212"];
const MEASURE_KEYS = ["oxidationState", "dimensionality", "dimensionalityCumlengths", "ewaldEnergy", "ionicRadiiOverlapCations", "ionicRadiiOverlapAnions"];
const BARRIER_KEYS = ["idpp", "relaxed", "energyStart", "energyMidpoint", "energyEnd", "energyBarrier"];

describe("hopscape analyze", () => {
  it("prints the contract's JSON for fluorite, the same numbers as analyzeStructure, progress on stderr", () => {
    const r = runCli(["analyze", file, "--json", "--limit", "2", "--grid", "0.2"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["structure", "ion", "percolation", "pathways"]);
    expect(out.ion).toBe("F");
    expect(out.structure.reducedFormula).toBe("CaF2");
    expect(out.percolation.gridSpacing).toBe(0.2);
    expect(Object.keys(out.percolation.framework)).toEqual(["1D", "2D", "3D"]);
    expect(out.pathways).toHaveLength(2);
    for (const p of out.pathways) {
      for (const key of PATH_KEYS) expect(p).toHaveProperty(key);
      expect(Object.keys(p.measures)).toEqual(MEASURE_KEYS);
      for (const key of BARRIER_KEYS) expect(p.barrier).toHaveProperty(key);
      expect(p.barrier.idpp).toHaveProperty("energies");
      expect(p.barrier.idpp).toHaveProperty("barrier");
      for (const key of ["energies", "barrier", "reverseBarrier"]) expect(p.barrier.relaxed).toHaveProperty(key);
    }
    // Same code path: the library call on the same file gives the same numbers (serialised as the CLI does).
    const direct = analyzeStructure(readStructuresFromPath(file)[0], { ion: "F", maxLength: 5, limit: 2, nImages: 5, gridSpacingA: 0.2 });
    expect(out).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(r.stderr).toMatch(/4\/4 analyze: percolation/);
  });

  it("prints a table without --json and refuses a nonsense grid", () => {
    const r = runCli(["analyze", file, "--limit", "1"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Ca4F8 \(F m -3 m\): 1 distinct F hop/);
    expect(r.stdout).toMatch(/percolation \(framework BVSE, grid 0\.2 Å\): 1D 0\.\d{3}/);
    expect(r.stdout).toMatch(/^\s+0\s+2\.7313\s+24\s+-1\s+3\s+3\s/m);
    const bad = runCli(["analyze", file, "--grid", "0"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--grid must be between/);
  });
});
