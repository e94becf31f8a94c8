import { describe, expect, it } from "vitest";
import { findDistinctPathways } from "../pathways/distinct-hops";
import { supercellSizes } from "../pathways/supercell-sizes";
import type { Lattice } from "../structure/lattice";
import { inverseLattice } from "../structure/lattice";
import { caF2, k2NiF4, kMgF3, liF } from "../structure/reference-crystals";
import type { Structure } from "../structure/structure";
import type { Vec3 } from "../structure/vector";
import { vecMat } from "../structure/vector";
import { buildHopImages, type HopImages } from "./hop-images";
import { buildHopSupercell } from "./hop-supercell";

const A = 5.4626;
/** Fluorite bond lengths by geometry: Ca–F = a√3/4, F–F = a/2, Ca–Ca = a/√2. */
const FLUORITE_BONDS: Record<string, number> = { "Ca|F": (A * Math.sqrt(3)) / 4, "F|F": A / 2, "Ca|Ca": A / Math.SQRT2 };

/** Minimum-image distance by brute force over the 27 neighbouring cells (independent of the pair list). */
function distance(lattice: Lattice, x: Vec3, y: Vec3): number {
  const inv = inverseLattice(lattice);
  const f = vecMat([y[0] - x[0], y[1] - x[1], y[2] - x[2]], inv).map((v) => v - Math.round(v));
  let best = Infinity;
  for (let i = -1; i <= 1; i++)
    for (let j = -1; j <= 1; j++)
      for (let k = -1; k <= 1; k++) {
        const c = vecMat([f[0] + i, f[1] + j, f[2] + k], lattice);
        best = Math.min(best, Math.hypot(c[0], c[1], c[2]));
      }
  return best;
}

/** Smallest distance / bond length over all pairs of all images. */
function worstRatio(r: HopImages, bond: (a: string, b: string) => number): number {
  let worst = Infinity;
  for (const img of r.images)
    for (let a = 0; a < img.length; a++)
      for (let b = a + 1; b < img.length; b++) worst = Math.min(worst, distance(r.lattice, img[a], img[b]) / bond(r.species[a], r.species[b]));
  return worst;
}

const fluoriteBond = (a: string, b: string) => FLUORITE_BONDS[[a, b].sort().join("|")];
const finite = (r: HopImages) => r.images.every((im) => im.every((x) => x.every(Number.isFinite)));

describe("buildHopImages: fluorite, shortest hop (a/2) in a 7 Å supercell", () => {
  const s = caF2(A);
  const hop = findDistinctPathways(s)[0];
  const r = buildHopImages(s, hop);

  it("is the 2×2×2 cell minus the vacancy: nsites_777 − 1 atoms, the ion first", () => {
    expect(r.multipliers).toEqual([2, 2, 2]);
    expect(r.species.length).toBe(supercellSizes(s.lattice, 12).nsites777 - 1);
    expect(r.species[0]).toBe("F");
    expect(r.species.filter((x) => x === "F").length).toBe(63);
    expect(r.images.length).toBe(7);
    expect(r.converged).toBe(true);
  });

  it("keeps the end points: the two sites of the hop, everything else where the crystal has it", () => {
    const cell = buildHopSupercell(s, hop, 7, 0.1);
    expect(r.images[0]).toEqual(cell.start);
    expect(r.images[6]).toEqual(cell.end);
    const move = r.images[6][0].map((x, c) => x - r.images[0][0][c]);
    expect(Math.hypot(...move)).toBeCloseTo(hop.lengthA, 9);
  });

  it("has no NaN and no pair closer than half its bond length", () => {
    expect(finite(r)).toBe(true);
    expect(worstRatio(r, fluoriteBond)).toBeGreaterThanOrEqual(0.5);
    expect(r.minDistanceRatio).toBeGreaterThanOrEqual(1);
  });

  it("leaves the ion's own site and its destination empty", () => {
    const from = r.images[0][0], to = r.images[6][0];
    r.images.forEach((img, k) => {
      for (let a = 1; a < img.length; a++) {
        expect(distance(r.lattice, img[a], from)).toBeGreaterThan(1);
        expect(distance(r.lattice, img[a], to)).toBeGreaterThan(1);
      }
      if (k > 0) expect(distance(r.lattice, img[0], from)).toBeGreaterThan(0.1);
      if (k < 6) expect(distance(r.lattice, img[0], to)).toBeGreaterThan(0.1);
    });
  });

  it("puts the middle image at the hop's midpoint (the hop is mirror-symmetric about it)", () => {
    const mid = r.images[0][0].map((x, c) => (x + r.images[6][0][c]) / 2);
    r.images[3][0].forEach((x, c) => expect(x).toBeCloseTo(mid[c], 6));
    // and the band is not simply the straight line everywhere: the neighbours moved
    const moved = r.images[3].slice(1).some((x, a) => Math.hypot(...x.map((v, c) => v - r.images[0][a + 1][c])) > 1e-3);
    expect(moved).toBe(true);
  });

  it("reports non-convergence on a capped iteration count, still with a clean band", () => {
    const capped = buildHopImages(s, hop, { maxIterations: 3 });
    expect(capped.converged).toBe(false);
    expect(capped.iterations).toBe(3);
    expect(capped.warnings.some((w) => w.includes("not converged"))).toBe(true);
    expect(finite(capped)).toBe(true);
    expect(worstRatio(capped, fluoriteBond)).toBeGreaterThanOrEqual(0.5);
  });
});

describe("buildHopImages: hard cases", () => {
  it("fluorite hop through the Ca of a filled cube: bent off the cation, no clash", () => {
    const s = caF2(A);
    const through = findDistinctPathways(s).find((p) => p.clearanceA < 1e-6)!;
    const r = buildHopImages(s, through);
    expect(r.warnings.some((w) => w.includes("bent"))).toBe(true);
    expect(finite(r)).toBe(true);
    expect(worstRatio(r, fluoriteBond)).toBeGreaterThanOrEqual(0.5);
  });

  it("every hop of LiF, KMgF3 and K2NiF4 gives a finite, clash-free band", () => {
    const crystals: Structure[] = [liF(4.027), kMgF3(3.978), k2NiF4()];
    for (const s of crystals) {
      for (const hop of findDistinctPathways(s, { limit: 3 })) {
        const r = buildHopImages(s, hop, { minDistanceFraction: 0.5 });
        expect(finite(r)).toBe(true);
        expect(r.minDistanceRatio).toBeGreaterThanOrEqual(1);
        // Independent check against the crystal's own shortest distances per species pair.
        const bonds = new Map<string, number>();
        const sites = s.sites;
        for (let a = 0; a < sites.length; a++)
          for (let b = a; b < sites.length; b++)
            for (let i = -1; i <= 1; i++)
              for (let j = -1; j <= 1; j++)
                for (let k = -1; k <= 1; k++) {
                  const d = Math.hypot(...vecMat([sites[b].frac[0] - sites[a].frac[0] + i, sites[b].frac[1] - sites[a].frac[1] + j, sites[b].frac[2] - sites[a].frac[2] + k], s.lattice));
                  const key = [sites[a].species, sites[b].species].sort().join("|");
                  if (d > 1e-6 && d < (bonds.get(key) ?? Infinity)) bonds.set(key, d);
                }
        expect(worstRatio(r, (x, y) => bonds.get([x, y].sort().join("|"))!)).toBeGreaterThanOrEqual(0.5 - 1e-9);
      }
    }
  });

  it("supercell follows floor(L/|a_i|) + 1 per axis", () => {
    const s = k2NiF4();
    const hop = findDistinctPathways(s)[0];
    expect(buildHopImages(s, hop, { maxIterations: 1 }).multipliers).toEqual([2, 2, 1]);
    expect(buildHopImages(s, hop, { minSupercellLength: 10, maxIterations: 1 }).multipliers).toEqual([3, 3, 1]);
  });
});
