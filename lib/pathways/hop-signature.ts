import type { Structure } from "../structure/structure";
import type { Vec3 } from "../structure/vector";
import { lerp, vecMat } from "../structure/vector";
import type { PointSearch } from "./points-near";

/** Distances closer than this (Å) count as equal when ordering by geometry. */
export const SIGNATURE_TOLERANCE_A = 1e-3;
const SIGNATURE_RADIUS_A = 4;
const SIGNATURE_COUNT = 16;

/** The species and distances of the atoms nearest a point, nearest first: what the point "sees". */
export type PointSignature = Array<{ species: string; distance: number }>;

/**
 * Rotation-, origin-, setting- and order-independent description of a hop, used to order pathways
 * of equal length: how many equivalent hops each ion has, then what the midpoint, the quarter points
 * and the two end sites see. Quarter points and ends are stored as unordered pairs (smaller first),
 * because a hop and its reverse are the same pathway.
 */
export interface HopSignature {
  hopsPerIon: number;
  midpoint: PointSignature;
  quarters: [PointSignature, PointSignature];
  ends: [PointSignature, PointSignature];
}

export function pointSignature(s: Structure, near0: PointSearch, point: Vec3): PointSignature {
  const near = near0(point, SIGNATURE_RADIUS_A).map((n) => ({
    species: s.sites[n.site].species,
    distance: n.distance,
  }));
  // Within a shell of equal distances, order by species so round-off cannot reorder the list.
  let start = 0;
  for (let i = 1; i <= near.length; i++) {
    if (i === near.length || near[i].distance - near[i - 1].distance > SIGNATURE_TOLERANCE_A / 10) {
      const shell = near.slice(start, i).sort((a, b) => (a.species < b.species ? -1 : a.species > b.species ? 1 : 0));
      near.splice(start, shell.length, ...shell);
      start = i;
    }
  }
  return near.slice(0, SIGNATURE_COUNT);
}

export function comparePointSignatures(a: PointSignature, b: PointSignature): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const dd = a[i].distance - b[i].distance;
    if (Math.abs(dd) > SIGNATURE_TOLERANCE_A) return dd;
    if (a[i].species !== b[i].species) return a[i].species < b[i].species ? -1 : 1;
  }
  return a.length - b.length;
}

const orderedPair = (x: PointSignature, y: PointSignature): [PointSignature, PointSignature] =>
  comparePointSignatures(x, y) <= 0 ? [x, y] : [y, x];

/** Signature of the hop from `startFrac` to `endFrac` (fractional in `s`, end unwrapped). */
export function hopSignature(s: Structure, near: PointSearch, startFrac: Vec3, endFrac: Vec3, hopsPerIon: number): HopSignature {
  const at = (t: number) => vecMat(lerp(startFrac, endFrac, t), s.lattice);
  return {
    hopsPerIon,
    midpoint: pointSignature(s, near, at(0.5)),
    quarters: orderedPair(pointSignature(s, near, at(0.25)), pointSignature(s, near, at(0.75))),
    ends: orderedPair(pointSignature(s, near, at(0)), pointSignature(s, near, at(1))),
  };
}

export function compareHopSignatures(a: HopSignature, b: HopSignature): number {
  if (Math.abs(a.hopsPerIon - b.hopsPerIon) > 1e-9) return a.hopsPerIon - b.hopsPerIon;
  return (
    comparePointSignatures(a.midpoint, b.midpoint) ||
    comparePointSignatures(a.quarters[0], b.quarters[0]) ||
    comparePointSignatures(a.quarters[1], b.quarters[1]) ||
    comparePointSignatures(a.ends[0], b.ends[0]) ||
    comparePointSignatures(a.ends[1], b.ends[1])
  );
}
