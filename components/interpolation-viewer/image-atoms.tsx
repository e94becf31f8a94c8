"use client";

import { useMemo } from "react";
import { MeshStandardMaterial, SphereGeometry } from "three";
import { sub, type Vec3 } from "../../lib/structure/vector";
import { siteRadiusA } from "../structure-viewer/atom-radius";
import { elementColour } from "../structure-viewer/jmol-colours";
import type { ViewerScene } from "./scene-types";

/** Spheres at this fraction of the ionic radius, as in the unit-cell viewer: at full size the ions hide the channel. */
const RADIUS_SCALE = 0.5;

const radiusOf = (species: string) => siteRadiusA({ species, frac: [0, 0, 0] }) * RADIUS_SCALE;

/**
 * The supercell's atoms near the hop, in image k. The moving ion's neighbours glow (emissive)
 * in their own element colour, so the species stays readable while the contact is visible.
 */
export function ImageAtoms(props: { scene: ViewerScene; image: number; centre: Vec3; neighbours: ReadonlySet<number> }) {
  const { scene, image, centre, neighbours } = props;
  const geometry = useMemo(() => new SphereGeometry(1, 24, 16), []);
  const materials = useMemo(() => {
    const plain = new Map<string, MeshStandardMaterial>();
    const lit = new Map<string, MeshStandardMaterial>();
    for (const a of scene.atoms) {
      if (plain.has(a.species)) continue;
      const color = elementColour(a.species);
      // See-through, so the hop inside the crowd of neighbours stays visible from any angle.
      plain.set(a.species, new MeshStandardMaterial({ color, roughness: 0.5, metalness: 0.05, transparent: true, opacity: 0.55 }));
      lit.set(a.species, new MeshStandardMaterial({ color, emissive: "#ff9d00", emissiveIntensity: 0.55, roughness: 0.3 }));
    }
    return { plain, lit };
  }, [scene]);
  const radii = useMemo(() => scene.atoms.map((a) => radiusOf(a.species)), [scene]);
  return (
    <group>
      {scene.atoms.map((atom, i) => (
        <mesh
          key={i}
          geometry={geometry}
          material={(neighbours.has(i) ? materials.lit : materials.plain).get(atom.species)}
          position={sub(atom.positions[image] as Vec3, centre)}
          scale={radii[i]}
        />
      ))}
    </group>
  );
}

/** The moving ion of image k: its element's size, in a colour no element has, so it cannot be mistaken. */
export function MovingIon(props: { species: string; position: Vec3; centre: Vec3; colour: string }) {
  const geometry = useMemo(() => new SphereGeometry(1, 32, 20), []);
  const material = useMemo(() => new MeshStandardMaterial({ color: props.colour, emissive: props.colour, emissiveIntensity: 0.35, roughness: 0.3 }), [props.colour]);
  return <mesh geometry={geometry} material={material} position={sub(props.position, props.centre)} scale={radiusOf(props.species)} />;
}
