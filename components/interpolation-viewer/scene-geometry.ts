/**
 * Geometry of the interpolation view, in Cartesian Å with the hop's centre at the origin: where
 * the atoms and the moving ion are in one image, which atoms are the moving ion's neighbours, and
 * how far the camera must stand back to see the drawn neighbourhood.
 */
import { norm, scale, sub, add, type Vec3 } from "../../lib/structure/vector";
import type { ViewerScene } from "./scene-types";

/** Atoms closer than this to the moving ion are highlighted as its neighbours, Å. */
export const NEIGHBOUR_RADIUS_A = 3;

/** Middle of the hop's end points: the view is centred there so the hop stays in the middle. */
export function hopCentre(scene: ViewerScene): Vec3 {
  const trail = scene.trail as Vec3[];
  return scale(add(trail[0], trail[trail.length - 1]), 0.5);
}

export interface Neighbour {
  /** Index into scene.atoms. */
  atomIndex: number;
  species: string;
  distanceA: number;
}

/** Atoms within `radius` of the moving ion in image k, nearest first. */
export function neighboursAt(scene: ViewerScene, k: number, radius = NEIGHBOUR_RADIUS_A): Neighbour[] {
  const ion = scene.trail[k] as Vec3;
  const out: Neighbour[] = [];
  scene.atoms.forEach((atom, atomIndex) => {
    const d = norm(sub(atom.positions[k] as Vec3, ion));
    if (d <= radius) out.push({ atomIndex, species: atom.species, distanceA: d });
  });
  return out.sort((a, b) => a.distanceA - b.distanceA);
}

/** Largest distance of any drawn point from the hop's centre, to frame the camera. */
export function sceneRadius(scene: ViewerScene, centre: Vec3): number {
  let r = 1;
  for (const atom of scene.atoms) for (const p of atom.positions) r = Math.max(r, norm(sub(p as Vec3, centre)));
  return r;
}
