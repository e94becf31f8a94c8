import type { Vec3 } from "../structure/vector";

/**
 * `count` points along a polyline, end points kept, equally spaced in arc length: a band of IDPP
 * positions redistributed for an NEB with more images than IDPP had, keeping its shape.
 */
export function resamplePath(path: Vec3[], count: number): Vec3[] {
  if (path.length < 2) throw new Error("resample: need at least two points");
  if (count < 2) throw new Error(`resample: need at least two output points, got ${count}`);
  const cumulative = [0];
  for (let k = 1; k < path.length; k++) {
    const [a, b] = [path[k - 1], path[k]];
    cumulative.push(cumulative[k - 1] + Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]));
  }
  const total = cumulative[cumulative.length - 1];
  if (!(total > 0)) throw new Error("resample: the path has zero length");
  let seg = 1;
  return Array.from({ length: count }, (_, i) => {
    if (i === 0) return [...path[0]] as Vec3;
    if (i === count - 1) return [...path[path.length - 1]] as Vec3;
    const s = (i / (count - 1)) * total;
    while (seg < path.length - 1 && cumulative[seg] < s) seg++;
    const [a, b] = [path[seg - 1], path[seg]];
    const len = cumulative[seg] - cumulative[seg - 1];
    const t = len > 0 ? (s - cumulative[seg - 1]) / len : 0;
    return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), a[2] + t * (b[2] - a[2])] as Vec3;
  });
}
