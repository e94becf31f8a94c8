/**
 * Union-find over the nodes of a periodic graph that also tracks, for every component, the
 * lattice of translations under which it is connected to its own images.
 *
 * Each node stores the integer cell offset of its chosen copy relative to its parent's copy;
 * path compression folds these into the offset to the root. Joining two nodes already in one
 * component closes a cycle: the sum of offsets around it is a lattice translation T such that
 * the component contains a path from a site to its image at +T. The rank of the set of such T
 * (0–3) is the number of independent periodic directions the component extends along, i.e. its
 * dimensionality (this is the rank-determination view of Larsen et al., Phys. Rev. Mater. 3,
 * 034003 (2019)). Integer vectors make the independence tests exact.
 */
export class PeriodicUnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;
  /** Offset (x, y, z) of node i's copy relative to its parent's copy. */
  private readonly offset: Int32Array;
  /** Independent cycle translations per root (only for components that have any). */
  private readonly basis = new Map<number, number[][]>();
  /** Offset of the last find()'s node relative to its root. */
  private readonly found = new Int32Array(3);
  /** Highest rank any component has reached so far. */
  maxRank = 0;

  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
    this.size = new Int32Array(n).fill(1);
    this.offset = new Int32Array(3 * n);
  }

  /** Root of x; afterwards foundOffset() is x's offset relative to that root. Iterative, with path compression. */
  find(x: number): number {
    const parent = this.parent;
    const off = this.offset;
    let root = x;
    let ox = 0, oy = 0, oz = 0;
    while (parent[root] !== root) {
      ox += off[3 * root];
      oy += off[3 * root + 1];
      oz += off[3 * root + 2];
      root = parent[root];
    }
    this.found[0] = ox;
    this.found[1] = oy;
    this.found[2] = oz;
    // Second pass: point every node on the path at the root with its full offset.
    let node = x;
    while (parent[node] !== root && node !== root) {
      const next = parent[node];
      const nx = off[3 * node], ny = off[3 * node + 1], nz = off[3 * node + 2];
      off[3 * node] = ox;
      off[3 * node + 1] = oy;
      off[3 * node + 2] = oz;
      parent[node] = root;
      ox -= nx;
      oy -= ny;
      oz -= nz;
      node = next;
    }
    return root;
  }

  /** Offset of the node of the last find() relative to its root. */
  foundOffset(): [number, number, number] {
    return [this.found[0], this.found[1], this.found[2]];
  }

  /**
   * Adds the edge from node i in the home cell to node j in cell (tx, ty, tz).
   * Returns the root of the merged component.
   */
  union(i: number, j: number, tx: number, ty: number, tz: number): number {
    let ri = this.find(i);
    const oix = this.found[0], oiy = this.found[1], oiz = this.found[2];
    let rj = this.find(j);
    // With ri's copy at the origin, the edge reaches j at oi + t, so rj's copy sits at oi + t − oj.
    let dx = oix + tx - this.found[0];
    let dy = oiy + ty - this.found[1];
    let dz = oiz + tz - this.found[2];
    if (ri === rj) {
      if (dx !== 0 || dy !== 0 || dz !== 0) this.addTranslation(ri, [dx, dy, dz]);
      return ri;
    }
    if (this.size[ri] < this.size[rj]) {
      [ri, rj] = [rj, ri];
      dx = -dx;
      dy = -dy;
      dz = -dz;
    }
    this.parent[rj] = ri;
    this.offset[3 * rj] = dx;
    this.offset[3 * rj + 1] = dy;
    this.offset[3 * rj + 2] = dz;
    this.size[ri] += this.size[rj];
    // Translations are properties of the whole component and do not depend on which copy is the root.
    const moved = this.basis.get(rj);
    if (moved) {
      this.basis.delete(rj);
      for (const v of moved) this.addTranslation(ri, v);
    }
    return ri;
  }

  /** Rank (0–3) of the periodic translations of the component containing x. */
  rank(x: number): number {
    return this.basis.get(this.find(x))?.length ?? 0;
  }

  private addTranslation(root: number, v: number[]): void {
    let b = this.basis.get(root);
    if (!b) {
      b = [];
      this.basis.set(root, b);
    }
    if (b.length === 3 || !independentOf(b, v)) return;
    b.push(v);
    if (b.length > this.maxRank) this.maxRank = b.length;
  }
}

/** Whether integer vector v is linearly independent of the (independent) vectors in b. Exact for integers. */
function independentOf(b: number[][], v: number[]): boolean {
  if (b.length === 0) return v[0] !== 0 || v[1] !== 0 || v[2] !== 0;
  const u = b[0];
  const cx = u[1] * v[2] - u[2] * v[1];
  const cy = u[2] * v[0] - u[0] * v[2];
  const cz = u[0] * v[1] - u[1] * v[0];
  if (b.length === 1) return cx !== 0 || cy !== 0 || cz !== 0;
  const w = b[1];
  return w[0] * cx + w[1] * cy + w[2] * cz !== 0;
}
