import { describe, expect, it } from "vitest";
import { latticeFromParameters } from "../structure/lattice";
import type { Structure } from "../structure/structure";
import { add, matVec, sub } from "../structure/vector";
import { analyzeSymmetry } from "./analyze";

// Wurtzite ZnO (P6_3mc, 186): hexagonal, so a transposed rotation would not map it onto itself.
const wurtzite: Structure = {
  lattice: latticeFromParameters({ a: 3.25, b: 3.25, c: 5.21, alpha: 90, beta: 90, gamma: 120 }),
  sites: [
    { species: "Zn", frac: [1 / 3, 2 / 3, 0] },
    { species: "Zn", frac: [2 / 3, 1 / 3, 0.5] },
    { species: "O", frac: [1 / 3, 2 / 3, 0.382] },
    { species: "O", frac: [2 / 3, 1 / 3, 0.882] },
  ],
};

describe("analyzeSymmetry", () => {
  it("finds P6_3mc for wurtzite with operations that map every atom onto an atom of its species", () => {
    const d = analyzeSymmetry(wurtzite);
    expect(d.number).toBe(186);
    expect(d.operations).toHaveLength(12);
    for (const op of d.operations) {
      for (const site of wurtzite.sites) {
        const image = add(matVec(op.rotation, site.frac), op.translation);
        const hit = wurtzite.sites.some(
          (t) => t.species === site.species && sub(image, t.frac).every((v) => Math.abs(v - Math.round(v)) < 1e-6),
        );
        expect(hit).toBe(true);
      }
    }
  });
});
