import { describe, expect, it } from "vitest";
import { latticeFromParameters } from "../structure/lattice";
import type { Site } from "../structure/structure";
import { expandAsymmetricUnit } from "./expand";
import { parseSymmetryOperation } from "./operation-xyz";
import { spaceGroupFromName } from "./space-groups";

const cubic = (a: number) => latticeFromParameters({ a, b: a, c: a, alpha: 90, beta: 90, gamma: 90 });
const count = (sites: Site[], species: string) => sites.filter((s) => s.species === species).length;

describe("expandAsymmetricUnit", () => {
  it("builds fluorite CaF2 from Ca 4a and F 8c (Fm-3m, ITA multiplicities)", () => {
    const s = expandAsymmetricUnit(cubic(5.4631), spaceGroupFromName("Fm-3m").operations, [
      { species: "Ca", frac: [0, 0, 0], label: "Ca1" },
      { species: "F", frac: [0.25, 0.25, 0.25], label: "F1" },
    ]);
    expect(count(s.sites, "Ca")).toBe(4);
    expect(count(s.sites, "F")).toBe(8);
    expect(s.sites.every((x) => x.frac.every((v) => v >= 0 && v < 1))).toBe(true);
    expect(s.sites.filter((x) => x.species === "F").every((x) => x.label === "F1")).toBe(true);
  });

  it("builds rutile TiO2 from Ti 2a and O 4f (P4_2/mnm)", () => {
    const lattice = latticeFromParameters({ a: 4.594, b: 4.594, c: 2.959, alpha: 90, beta: 90, gamma: 90 });
    const s = expandAsymmetricUnit(lattice, spaceGroupFromName("P 42/m n m").operations, [
      { species: "Ti", frac: [0, 0, 0] },
      { species: "O", frac: [0.3053, 0.3053, 0] },
    ]);
    expect(count(s.sites, "Ti")).toBe(2);
    expect(count(s.sites, "O")).toBe(4);
    const ti2 = s.sites.find((x) => x.species === "Ti" && x.frac[0] > 0.1)!;
    expect(ti2.frac).toEqual([0.5, 0.5, 0.5]);
  });

  it("puts the 4a site of I4_1/a where the origin choice says (ITA group 88)", () => {
    const lattice = latticeFromParameters({ a: 5.2, b: 5.2, c: 11.3, alpha: 90, beta: 90, gamma: 90 });
    const choice2 = spaceGroupFromName("I 41/a :2").operations;
    const choice1 = spaceGroupFromName("I 41/a :1").operations;
    // 4a is (0, 1/4, 1/8) in origin choice 2 and (0, 0, 0) in choice 1: 4 atoms each.
    expect(expandAsymmetricUnit(lattice, choice2, [{ species: "Li", frac: [0, 0.25, 0.125] }]).sites).toHaveLength(4);
    expect(expandAsymmetricUnit(lattice, choice1, [{ species: "Li", frac: [0, 0, 0] }]).sites).toHaveLength(4);
    // The other choice's 4a point is a general-ish position there: more images.
    expect(expandAsymmetricUnit(lattice, choice1, [{ species: "Li", frac: [0, 0.25, 0.125] }]).sites.length).toBeGreaterThan(4);
  });

  it("merges images across the cell boundary by periodic distance", () => {
    const ops = [parseSymmetryOperation("x,y,z"), parseSymmetryOperation("-x,-y,-z")];
    // Inversion sends 0.0001 to 0.9999: 0.001 Å apart through the boundary, 4.999 Å apart inside the cell.
    const s = expandAsymmetricUnit(cubic(5), ops, [{ species: "F", frac: [0.0001, 0.5, 0.5] }]);
    expect(s.sites).toHaveLength(1);
    const t = expandAsymmetricUnit(cubic(5), ops, [{ species: "F", frac: [0.01, 0.5, 0.5] }]);
    expect(t.sites).toHaveLength(2);
  });

  it("keeps the first site when a file repeats an atom under another label", () => {
    const s = expandAsymmetricUnit(cubic(5), [parseSymmetryOperation("x,y,z")], [
      { species: "F", frac: [0.1, 0.2, 0.3], label: "F1" },
      { species: "F", frac: [0.1, 0.2, 1.3], label: "F2" },
    ]);
    expect(s.sites).toEqual([{ species: "F", frac: [0.1, 0.2, expect.closeTo(0.3, 12)], label: "F1" }]);
  });

  it("refuses two species on one position, naming both sites", () => {
    expect(() =>
      expandAsymmetricUnit(cubic(5), spaceGroupFromName("Fm-3m").operations, [
        { species: "Ca", frac: [0, 0, 0], label: "Ca1" },
        { species: "Sr", frac: [0.5, 0.5, 0], label: "Sr1" },
      ]),
    ).toThrow(/'Ca1' \(Ca\) and 'Sr1' \(Sr\) occupy the same position/);
  });
});

describe("expandAsymmetricUnit on large cells", () => {
  it("handles a 32 000-atom P1 cell quickly and still merges duplicates", () => {
    // A 20×20×20 supercell of fluorite's 4-atom primitive motif, listed twice: the copies must merge.
    const n = 20;
    const a = 3.86;
    const lattice = latticeFromParameters({ a: n * a, b: n * a, c: n * a, alpha: 60, beta: 60, gamma: 60 });
    const sites: Site[] = [];
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        for (let k = 0; k < n; k++) {
          sites.push({ species: "Ca", frac: [i / n, j / n, k / n] });
          sites.push({ species: "F", frac: [(i + 0.25) / n, (j + 0.25) / n, (k + 0.25) / n] });
          sites.push({ species: "F", frac: [(i + 0.75) / n, (j + 0.75) / n, (k + 0.75) / n] });
          sites.push({ species: "Li", frac: [(i + 0.5) / n, (j + 0.5) / n, (k + 0.5) / n] });
        }
    const shifted = sites.map((s) => ({ ...s, frac: [s.frac[0] + 1 - 1e-5, s.frac[1], s.frac[2]] as Site["frac"] }));
    const start = performance.now();
    const s = expandAsymmetricUnit(lattice, [parseSymmetryOperation("x,y,z")], [...sites, ...shifted]);
    expect(s.sites).toHaveLength(4 * n ** 3);
    expect(performance.now() - start).toBeLessThan(10_000);
  });
});
