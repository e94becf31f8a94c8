import { describe, expect, it } from "vitest";
import { caF2 } from "../structure/reference-crystals";
import { findDistinctPathways } from "../pathways/distinct-hops";
import { buildHopSupercell } from "./hop-supercell";
import { addPairForces, imageObjective, relaxIdpp } from "./idpp";
import { linearBand } from "./initial-band";
import { buildPairList } from "./pair-list";

describe("IDPP core", () => {
  const s = caF2();
  const cell = buildHopSupercell(s, findDistinctPathways(s)[0], 7, 0.1);
  const pairs = buildPairList(cell.lattice, cell.start, cell.end, 6);
  const band = linearBand(cell.start, cell.end, 5);

  it("forces are minus the gradient of the objective (central differences)", () => {
    // The middle image, with every atom nudged so that no force vanishes by symmetry.
    const x = band[3].map((v, c) => v + 0.05 * Math.sin(1.7 * c));
    const f = new Float64Array(x.length);
    const floors = new Float64Array(pairs.count);
    addPairForces(x, f, 0, 0.5, pairs, floors);
    const h = 1e-6;
    for (const c of [0, 1, 2, 30, 151, x.length - 1]) {
      const up = x.slice(), down = x.slice();
      up[c] += h;
      down[c] -= h;
      const numeric = -(imageObjective(up, 0, 0.5, pairs) - imageObjective(down, 0, 0.5, pairs)) / (2 * h);
      expect(f[c]).toBeCloseTo(numeric, 7);
    }
  });

  it("the relaxation lowers the objective of the middle image and leaves the end points alone", () => {
    const floors = new Float64Array(pairs.count).fill(0.5);
    const r = relaxIdpp(band, pairs, floors);
    expect(r.converged).toBe(true);
    expect(imageObjective(r.band[3], 0, 0.5, pairs)).toBeLessThan(imageObjective(band[3], 0, 0.5, pairs));
    expect(r.band[0]).toEqual(band[0]);
    expect(r.band[6]).toEqual(band[6]);
  });

  it("pair list: every pair within the cutoff at the start is listed once, with its distance", () => {
    // The ion at its start site sees four Ca at a√3/4 and six F at a/2, one of which is the hop's
    // destination, removed from the supercell: five F pairs remain.
    const near = [] as number[];
    for (let p = 0; p < pairs.count; p++) if (pairs.i[p] === 0 && pairs.d0[p] < 2.8) near.push(pairs.d0[p]);
    near.sort((a, b) => a - b);
    expect(near.length).toBe(4 + 5);
    near.slice(0, 4).forEach((d) => expect(d).toBeCloseTo((5.4626 * Math.sqrt(3)) / 4, 9));
    near.slice(4).forEach((d) => expect(d).toBeCloseTo(5.4626 / 2, 9));
  });
});
