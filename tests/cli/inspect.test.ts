import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cubicCif } from "./cubic-cif";
import { runCli } from "./run-cli";

const dir = mkdtempSync(join(tmpdir(), "hopscape-inspect-"));
// Fluorite as a CIF would give it: asymmetric unit, space-group name only, values with uncertainties.
const fluoriteCif = cubicCif("CaF2", "F m -3 m", "5.4626(2)", [
  ["F1", 0.25, 0.25, 0.25],
  ["Ca1", 0, 0, 0],
]);

describe("hopscape inspect", () => {
  it("prints the contract's JSON keys for fluorite, per site in the file's expanded order", () => {
    const file = join(dir, "CaF2.cif");
    writeFileSync(file, fluoriteCif);
    const r = runCli(["inspect", file, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(
      ["density", "formula", "lattice", "nsites", "oxidationStates", "reducedFormula", "spacegroup"].sort(),
    );
    expect(out.formula).toBe("Ca4F8");
    expect(out.reducedFormula).toBe("CaF2");
    expect(out.nsites).toBe(12);
    expect(out.spacegroup).toEqual({ number: 225, symbol: "F m -3 m" });
    expect(out.lattice.a).toBeCloseTo(5.4626, 6);
    expect(out.lattice.alpha).toBeCloseTo(90, 9);
    expect(out.lattice.volume).toBeCloseTo(5.4626 ** 3, 6);
    // Z = 4 CaF2 (78.075 g/mol) in a 5.4626 Å cube: 4·78.075/(N_A·163.0e-24) = 3.181 g/cm³.
    expect(out.density).toBeCloseTo(3.181, 2);
    // The asymmetric unit lists F first, so the expanded file order starts with the 8 fluorines.
    expect(out.oxidationStates).toEqual([-1, -1, -1, -1, -1, -1, -1, -1, 2, 2, 2, 2]);
  });

  it("prints a human-readable summary without --json", () => {
    const file = join(dir, "CaF2-text.cif");
    writeFileSync(file, fluoriteCif);
    const r = runCli(["inspect", file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/space group\s+F m -3 m \(225\)/);
  });

  it("refuses a malformed file with a clear message and a non-zero exit", () => {
    const file = join(dir, "broken.cif");
    writeFileSync(file, "data_broken\n_cell_length_a 5\nloop_\n_atom_site_label\n");
    const r = runCli(["inspect", file, "--json"]);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^hopscape inspect: .+/);
    expect(r.stderr).not.toMatch(/TypeError|at .*\.ts:\d+/);
  });

  it("refuses an unknown command", () => {
    const r = runCli(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command/);
  });
});
