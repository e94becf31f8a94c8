import { describe, expect, it } from "vitest";
import { type Lattice, fracToCart } from "../structure/lattice";
import { type Vec3, norm, sub } from "../structure/vector";
import { type PeriodicEdge, larsenDimensionality } from "./dimensionality";

// Expected dimensionalities follow from the construction of each graph (how many independent
// lattice directions its bonds repeat along), as defined by Larsen et al., PRM 3, 034003 (2019).
const e = (i: number, j: number, image: Vec3 = [0, 0, 0]): PeriodicEdge => ({ i, j, image });

describe("larsenDimensionality: hand-built graphs", () => {
  it("isolated molecules are 0D, also when a molecule straddles the cell boundary", () => {
    const r = larsenDimensionality({ nodeCount: 4, edges: [e(0, 1), e(2, 3, [1, 0, 0]), e(3, 2, [-1, 0, 0])] });
    expect(r.dimensionality).toBe(0);
    expect(r.components).toHaveLength(2);
  });

  it("an isolated atom and a graph without edges are 0D", () => {
    expect(larsenDimensionality({ nodeCount: 3, edges: [] }).dimensionality).toBe(0);
    expect(larsenDimensionality({ nodeCount: 0, edges: [] }).dimensionality).toBe(0);
  });

  it("a zigzag chain along [110] is 1D", () => {
    const r = larsenDimensionality({ nodeCount: 2, edges: [e(0, 1), e(1, 0, [1, 1, 0])] });
    expect(r.dimensionality).toBe(1);
  });

  it("a chain whose period is two cells is still 1D", () => {
    const r = larsenDimensionality({ nodeCount: 2, edges: [e(0, 1, [1, 0, 0]), e(1, 0, [1, 0, 0])] });
    expect(r.dimensionality).toBe(1);
  });

  it("a triangle closing along [110] plus a bond along [001] is 2D, not 3D", () => {
    const r = larsenDimensionality({ nodeCount: 3, edges: [e(0, 1), e(1, 2, [1, 0, 0]), e(2, 0, [0, 1, 0]), e(0, 0, [0, 0, 1])] });
    expect(r.dimensionality).toBe(2);
  });

  it("a square net is 2D, and parallel copies of a bond do not add directions", () => {
    const r = larsenDimensionality({
      nodeCount: 1,
      edges: [e(0, 0, [1, 0, 0]), e(0, 0, [0, 1, 0]), e(0, 0, [-1, 0, 0]), e(0, 0, [1, 1, 0]), e(0, 0, [2, -1, 0])],
    });
    expect(r.dimensionality).toBe(2);
  });

  it("a 3D network is 3D; mixed components report the maximum and their own values", () => {
    const r = larsenDimensionality({
      nodeCount: 5,
      edges: [
        // 0–1–2: the triangle closes with translation [110]; with the self-bonds along [001] and [010]
        // the cycles span three independent directions.
        e(0, 1),
        e(1, 2, [1, 0, 0]),
        e(2, 0, [0, 1, 0]),
        e(0, 0, [0, 0, 1]),
        e(1, 1, [0, 1, 0]),
        // 3: a chain along c; 4: isolated.
        e(3, 3, [0, 0, 1]),
      ],
    });
    expect(r.dimensionality).toBe(3);
    const dims = r.components.map((c) => [c.nodes.join(","), c.dimensionality]);
    expect(dims).toEqual(expect.arrayContaining([["0,1,2", 3], ["3", 1], ["4", 0]]));
  });

  it("rejects non-integer images and out-of-range nodes", () => {
    expect(() => larsenDimensionality({ nodeCount: 1, edges: [e(0, 0, [0.5, 0, 0])] })).toThrow();
    expect(() => larsenDimensionality({ nodeCount: 1, edges: [e(0, 1)] })).toThrow();
  });
});

/** All bonds shorter than cutoff between the given fractional sites, by brute force over neighbouring cells. */
function distanceGraph(lattice: Lattice, frac: Vec3[], cutoff: number): PeriodicEdge[] {
  const edges: PeriodicEdge[] = [];
  for (let i = 0; i < frac.length; i++) {
    for (let j = 0; j < frac.length; j++) {
      for (let x = -1; x <= 1; x++) {
        for (let y = -1; y <= 1; y++) {
          for (let z = -1; z <= 1; z++) {
            const d = norm(sub(fracToCart(lattice, [frac[j][0] + x, frac[j][1] + y, frac[j][2] + z]), fracToCart(lattice, frac[i])));
            if (d > 1e-8 && d < cutoff) edges.push(e(i, j, [x, y, z]));
          }
        }
      }
    }
  }
  return edges;
}

describe("larsenDimensionality: fluorite F sublattice", () => {
  // CaF2, Fm-3m, a = 5.4626 Å: the 8 F of the conventional cell form a simple cubic
  // net with nearest-neighbour distance a/2 = 2.731 Å (Wyckoff 8c).
  const a = 5.4626;
  const fcc: Vec3[] = [
    [0, 0, 0],
    [0, 0.5, 0.5],
    [0.5, 0, 0.5],
    [0.5, 0.5, 0],
  ];
  const fSites: Vec3[] = [0.25, 0.75].flatMap((s) => fcc.map((p) => [p[0] + s, p[1] + s, p[2] + s] as Vec3));

  it("nearest-neighbour F–F hops percolate in 3D", () => {
    const lattice: Lattice = [
      [a, 0, 0],
      [0, a, 0],
      [0, 0, a],
    ];
    const r = larsenDimensionality({ nodeCount: 8, edges: distanceGraph(lattice, fSites, 2.8) });
    expect(r.dimensionality).toBe(3);
    expect(r.components).toHaveLength(1);
    // Below the F–F distance no hop exists: isolated ions.
    expect(larsenDimensionality({ nodeCount: 8, edges: distanceGraph(lattice, fSites, 2.7) }).dimensionality).toBe(0);
  });

  it("stretching c (layers pulled apart) leaves 2D sheets", () => {
    const lattice: Lattice = [
      [a, 0, 0],
      [0, a, 0],
      [0, 0, 2.4 * a],
    ];
    // Along c the F–F distance becomes 1.2a = 6.6 Å while in-plane stays a/2.
    const r = larsenDimensionality({ nodeCount: 8, edges: distanceGraph(lattice, fSites, 2.8) });
    expect(r.dimensionality).toBe(2);
  });
});
