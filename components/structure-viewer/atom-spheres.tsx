"use client";

import type { ThreeEvent } from "@react-three/fiber";
import { useMemo } from "react";
import { MeshStandardMaterial, SphereGeometry } from "three";
import type { Structure } from "../../lib/structure/structure";
import { siteRadiusA } from "./atom-radius";
import type { DrawnAtom } from "./cell-geometry";
import { elementColour } from "./jmol-colours";

/**
 * Spheres are drawn at this fraction of the ionic radius: at full size neighbouring ions touch
 * and hide the framework (and any diffusion channel) behind them.
 */
const RADIUS_SCALE = 0.5;

export function AtomSpheres(props: {
  structure: Structure;
  atoms: DrawnAtom[];
  hovered: number | null;
  onHover: (atomIndex: number | null) => void;
}) {
  const { structure, atoms, hovered, onHover } = props;
  // Fewer facets for big cells keeps software (SwiftShader) rendering interactive.
  const geometry = useMemo(() => (atoms.length > 300 ? new SphereGeometry(1, 14, 10) : new SphereGeometry(1, 32, 20)), [atoms.length]);
  const materials = useMemo(() => {
    const bySpecies = new Map<string, MeshStandardMaterial>();
    for (const site of structure.sites)
      if (!bySpecies.has(site.species))
        bySpecies.set(site.species, new MeshStandardMaterial({ color: elementColour(site.species), roughness: 0.45, metalness: 0.05 }));
    return bySpecies;
  }, [structure]);
  const highlight = useMemo(() => new MeshStandardMaterial({ color: "#ffd000", emissive: "#664d00", roughness: 0.3 }), []);
  const radii = useMemo(() => structure.sites.map((s) => siteRadiusA(s) * RADIUS_SCALE), [structure]);

  return (
    <group>
      {atoms.map((atom, i) => {
        const site = structure.sites[atom.siteIndex];
        return (
          <mesh
            key={i}
            geometry={geometry}
            material={hovered === i ? highlight : materials.get(site.species)}
            position={atom.position}
            scale={radii[atom.siteIndex]}
            onPointerOver={(e: ThreeEvent<PointerEvent>) => {
              // Only the front-most sphere under the pointer counts.
              e.stopPropagation();
              onHover(i);
            }}
            onPointerOut={() => onHover(null)}
          />
        );
      })}
    </group>
  );
}
