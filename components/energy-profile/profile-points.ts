/**
 * The two energy profiles of a hop on one reaction-coordinate axis (0 = start, 1 = end), relative
 * to the start energy (both profiles share the start position, so they share that energy).
 *
 * IDPP points sit at the moving ion's arc length along its trail, known exactly. The relaxed
 * (NEB) positions are not stored, only their energies; spring forces keep NEB images close to
 * equally spaced in arc length, so they are placed at i/(M−1).
 */
import type { Vec3 } from "../../lib/structure/vector";

export interface ProfilePoint {
  /** Reaction coordinate, 0…1. */
  x: number;
  /** Energy relative to the start, eV. */
  e: number;
  /** Index of the point in its own profile (the image number for IDPP). */
  k: number;
}

/** Arc-length fraction of each point of a polyline. */
export function arcFractions(trail: Vec3[]): number[] {
  const cumulative = [0];
  for (let k = 1; k < trail.length; k++) {
    const [a, b] = [trail[k - 1], trail[k]];
    cumulative.push(cumulative[k - 1] + Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]));
  }
  const total = cumulative[cumulative.length - 1];
  return cumulative.map((c, k) => (total > 0 ? c / total : k / Math.max(1, trail.length - 1)));
}

export function idppProfile(energies: number[], trail: Vec3[]): ProfilePoint[] {
  const x = arcFractions(trail);
  return energies.map((e, k) => ({ x: x[k] ?? k / (energies.length - 1), e: e - energies[0], k }));
}

export function relaxedProfile(energies: number[], reference: number): ProfilePoint[] {
  return energies.map((e, k) => ({ x: k / (energies.length - 1), e: e - reference, k }));
}

/** The image whose reaction coordinate is nearest x. */
export function nearestImage(imageX: number[], x: number): number {
  let best = 0;
  imageX.forEach((xi, k) => {
    if (Math.abs(xi - x) < Math.abs(imageX[best] - x)) best = k;
  });
  return best;
}
