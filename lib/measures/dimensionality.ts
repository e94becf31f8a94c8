import type { Vec3 } from "../structure/vector";
import { PeriodicUnionFind } from "./periodic-union-find";

/**
 * An edge of a periodic graph: node i in the home cell is bonded to node j in the cell displaced
 * by `image` (integer lattice translation). An edge and its reverse (j, i, −image) are the same bond;
 * giving either or both is fine.
 */
export interface PeriodicEdge {
  i: number;
  j: number;
  image: Vec3;
}

/** A periodic graph: `nodeCount` nodes (the sites of one unit cell) and bonds between their images. */
export interface PeriodicGraph {
  nodeCount: number;
  edges: PeriodicEdge[];
}

export interface DimensionalityResult {
  /** The largest dimensionality of any component, 0–3 (0 for a graph without nodes). */
  dimensionality: number;
  /** Each connected component of the unit-cell quotient graph: its nodes and its dimensionality. */
  components: { nodes: number[]; dimensionality: number }[];
}

/**
 * Dimensionality of a periodic bonded network in the sense of Larsen et al., Phys. Rev. Materials 3,
 * 034003 (2019): a component is kD if it extends periodically along k independent lattice directions.
 *
 * Method: rank determination. Larsen et al. (and Ashton et al.'s topology-scaling algorithm) count
 * components of the graph in a small supercell and compare with the unit cell; the count grows as
 * n^(3−k) for a kD component. Equivalently and exactly, a component is kD when the translations that
 * close its cycles (walks from a site to one of its own images) span a rank-k lattice. We build that
 * lattice with a union-find carrying cell offsets, one pass over the edges, O(E·α(N)), with no
 * supercell and no floating point.
 */
export function larsenDimensionality(graph: PeriodicGraph): DimensionalityResult {
  const uf = new PeriodicUnionFind(graph.nodeCount);
  for (const e of graph.edges) {
    if (e.i < 0 || e.j < 0 || e.i >= graph.nodeCount || e.j >= graph.nodeCount) {
      throw new Error(`dimensionality: edge (${e.i}, ${e.j}) refers to a node outside 0..${graph.nodeCount - 1}`);
    }
    const [x, y, z] = e.image;
    if (!Number.isInteger(x) || !Number.isInteger(y) || !Number.isInteger(z)) {
      throw new Error("dimensionality: edge image offsets must be integers");
    }
    uf.union(e.i, e.j, x, y, z);
  }
  const byRoot = new Map<number, number[]>();
  for (let n = 0; n < graph.nodeCount; n++) {
    const r = uf.find(n);
    const list = byRoot.get(r);
    if (list) list.push(n);
    else byRoot.set(r, [n]);
  }
  const components = [...byRoot.entries()].map(([root, nodes]) => ({ nodes, dimensionality: uf.rank(root) }));
  return { dimensionality: uf.maxRank, components };
}
