import { describe, expect, it } from "vitest";
import { electronegativity } from "../elements/elements";
import { latticeVolume } from "../structure/lattice";
import { caF2, k2NiF4 } from "../structure/reference-crystals";
import type { Structure } from "../structure/structure";
import { makeSupercell } from "../structure/supercell";
import { type Vec3, norm, vecMat } from "../structure/vector";
import { analyzeSymmetry } from "./analyze";
import { sanitizeStructure } from "./sanitize";

/** Lengths of the three shortest independent lattice vectors, by enumerating small integer combinations. */
function successiveMinima(lattice: Structure["lattice"]): number[] {
  const vs: { v: Vec3; n: number }[] = [];
  for (let i = -3; i <= 3; i++)
    for (let j = -3; j <= 3; j++)
      for (let k = -3; k <= 3; k++) if (i || j || k) vs.push({ v: vecMat([i, j, k], lattice), n: 0 });
  vs.forEach((x) => (x.n = norm(x.v)));
  vs.sort((a, b) => a.n - b.n);
  const chosen: Vec3[] = [];
  for (const { v } of vs) {
    const independent =
      chosen.length === 0 ||
      (chosen.length === 1 && norm([chosen[0][1] * v[2] - chosen[0][2] * v[1], chosen[0][2] * v[0] - chosen[0][0] * v[2], chosen[0][0] * v[1] - chosen[0][1] * v[0]]) > 1e-6) ||
      (chosen.length === 2 && Math.abs(latticeVolume([chosen[0], chosen[1], v])) > 1e-6);
    if (independent) chosen.push(v);
    if (chosen.length === 3) break;
  }
  return chosen.map(norm);
}

const lengths = (s: Structure) => s.lattice.map(norm).sort((a, b) => a - b);

describe("sanitizeStructure", () => {
  it("gives the primitive fluorite cell from the conventional cell and from a supercell", () => {
    for (const input of [caF2(5.4626), makeSupercell(caF2(5.4626), [2, 1, 3])]) {
      const s = sanitizeStructure(input);
      expect(s.sites).toHaveLength(3);
      // fcc primitive cell: a quarter of the conventional volume, three vectors a/√2 long.
      expect(latticeVolume(s.lattice)).toBeCloseTo(5.4626 ** 3 / 4, 8);
      for (const l of lengths(s)) expect(l).toBeCloseTo(5.4626 / Math.SQRT2, 8);
    }
  });

  it("reduces the lattice: its vectors are the shortest independent lattice vectors", () => {
    for (const input of [k2NiF4(), makeSupercell(k2NiF4(), [[1, 1, 0], [0, 1, 0], [0, 0, 1]])]) {
      const s = sanitizeStructure(input);
      expect(s.sites).toHaveLength(7); // body-centred K2NiF4: half of the 14-atom conventional cell
      const minima = successiveMinima(s.lattice);
      lengths(s).forEach((l, i) => expect(l).toBeCloseTo(minima[i], 8));
      expect(analyzeSymmetry(s).number).toBe(139);
    }
  });

  it("wraps coordinates into [0, 1) and sorts sites by electronegativity, then position", () => {
    const s = sanitizeStructure(k2NiF4());
    expect(s.sites.every((x) => x.frac.every((v) => v >= 0 && v < 1))).toBe(true);
    const en = s.sites.map((x) => electronegativity(x.species)!);
    expect([...en].sort((a, b) => a - b)).toEqual(en);
    expect(s.sites.map((x) => x.species)).toEqual(["K", "K", "Ni", "F", "F", "F", "F"]);
    const ks = s.sites.filter((x) => x.species === "K").map((x) => x.frac);
    expect(ks[0][0] <= ks[1][0]).toBe(true);
  });

  it("is deterministic: another atom order gives the identical result", () => {
    const s = k2NiF4();
    const reversed = { lattice: s.lattice, sites: [...s.sites].reverse() };
    expect(sanitizeStructure(reversed)).toEqual(sanitizeStructure(s));
  });

  it("keeps an oxidation state shared by all sites of an element, drops labels", () => {
    const s = caF2();
    const charged = { ...s, sites: s.sites.map((x) => ({ ...x, label: "x", oxidationState: x.species === "Ca" ? 2 : -1 })) };
    const out = sanitizeStructure(charged);
    expect(out.sites.map((x) => x.oxidationState)).toEqual([2, -1, -1]);
    expect(out.sites.every((x) => x.label === undefined)).toBe(true);
  });
});
