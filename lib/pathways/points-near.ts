import { inverseLattice } from "../structure/lattice";
import { createNeighborIndex, type NeighborIndex } from "../structure/neighbors";
import type { Structure } from "../structure/structure";
import type { Vec3 } from "../structure/vector";
import { vecMat } from "../structure/vector";

/** One periodic image of a site near a point: the site index, its lattice image and where it is. */
export interface NearbyImage {
  site: number;
  image: Vec3;
  cart: Vec3;
  distance: number;
}

/** Every site image within a radius of a Cartesian point, nearest first. */
export type PointSearch = (pointCart: Vec3, radiusA: number) => NearbyImage[];

/**
 * Repeated "what is near this point" queries on one structure, over lib/structure/neighbors.ts.
 * The cell-list index is built on first use and rebuilt, with twice the radius, only when a query
 * asks for more than it covers.
 */
export function pointSearch(s: Structure): PointSearch {
  const inv = inverseLattice(s.lattice);
  let index: NeighborIndex | null = null;
  return (point, radiusA) => {
    if (!index || radiusA > index.cutoffA) index = createNeighborIndex(s, Math.max(radiusA, 2 * (index?.cutoffA ?? 0)));
    return index.around(vecMat(point, inv), radiusA).map((n) => ({
      site: n.index,
      image: n.image,
      cart: [point[0] + n.vectorA[0], point[1] + n.vectorA[1], point[2] + n.vectorA[2]] as Vec3,
      distance: n.distanceA,
    }));
  };
}
