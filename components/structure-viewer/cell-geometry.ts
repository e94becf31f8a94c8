/**
 * What the viewer draws, in Cartesian Å with the cell centred on the origin: one sphere per site
 * plus periodic images of sites that lie on a cell face, edge or corner (so a cubic cell shows
 * all eight corner atoms, as crystallographers draw it), and the twelve edges of the cell.
 */
import { fracToCart } from "../../lib/structure/lattice";
import type { Structure } from "../../lib/structure/structure";
import { add, norm, scale, sub, type Vec3 } from "../../lib/structure/vector";

export interface DrawnAtom {
  /** Index of the site in structure.sites (images share their site's index). */
  siteIndex: number;
  position: Vec3;
  isImage: boolean;
}

/** Fractional coordinates this close to 0 count as on the boundary. */
const BOUNDARY_TOLERANCE = 1e-3;
/** Above this many sites boundary images would mostly add clutter and draw calls. */
const MAX_SITES_WITH_IMAGES = 400;

export function cellCentre(s: Structure): Vec3 {
  return fracToCart(s.lattice, [0.5, 0.5, 0.5]);
}

export function drawnAtoms(s: Structure): DrawnAtom[] {
  const centre = cellCentre(s);
  const withImages = s.sites.length <= MAX_SITES_WITH_IMAGES;
  const atoms: DrawnAtom[] = [];
  s.sites.forEach((site, siteIndex) => {
    const f = site.frac.map((x) => x - Math.floor(x)).map((x) => (x > 1 - BOUNDARY_TOLERANCE ? 0 : x)) as Vec3;
    // Each coordinate near 0 may also be drawn at 1: every combination of those shifts.
    const shifts = f.map((x) => (withImages && x < BOUNDARY_TOLERANCE ? [0, 1] : [0]));
    for (const da of shifts[0])
      for (const db of shifts[1])
        for (const dc of shifts[2]) {
          const frac: Vec3 = [f[0] + da, f[1] + db, f[2] + dc];
          atoms.push({ siteIndex, position: sub(fracToCart(s.lattice, frac), centre), isImage: da + db + dc > 0 });
        }
  });
  return atoms;
}

/** Start and end points of the 12 cell edges, flattened for a line-segments buffer. */
export function cellEdges(s: Structure): Float32Array {
  const centre = cellCentre(s);
  const corner = (a: number, b: number, c: number) => sub(fracToCart(s.lattice, [a, b, c]), centre);
  const out: number[] = [];
  for (const [p, q] of [
    [[0, 0, 0], [1, 0, 0]], [[0, 1, 0], [1, 1, 0]], [[0, 0, 1], [1, 0, 1]], [[0, 1, 1], [1, 1, 1]],
    [[0, 0, 0], [0, 1, 0]], [[1, 0, 0], [1, 1, 0]], [[0, 0, 1], [0, 1, 1]], [[1, 0, 1], [1, 1, 1]],
    [[0, 0, 0], [0, 0, 1]], [[1, 0, 0], [1, 0, 1]], [[0, 1, 0], [0, 1, 1]], [[1, 1, 0], [1, 1, 1]],
  ] as const)
    out.push(...corner(p[0], p[1], p[2]), ...corner(q[0], q[1], q[2]));
  return new Float32Array(out);
}

/** Length of the cell's longest body diagonal, to frame the camera. */
export function cellSpan(s: Structure): number {
  const [a, b, c] = s.lattice;
  const diagonal = (sa: number, sb: number, sc: number) => norm(add(add(scale(a, sa), scale(b, sb)), scale(c, sc)));
  return Math.max(diagonal(1, 1, 1), diagonal(1, 1, -1), diagonal(1, -1, 1), diagonal(-1, 1, 1));
}
