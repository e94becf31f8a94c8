"use client";

import { Line } from "@react-three/drei";
import { useMemo } from "react";
import { MeshStandardMaterial, SphereGeometry } from "three";
import { sub, type Vec3 } from "../../lib/structure/vector";

/** Radius of the trail's marks, Å: small beside any ion so the neighbourhood stays visible. */
const TRAIL_MARK_RADIUS_A = 0.14;

/** The moving ion's positions over all images as small translucent spheres joined by a line. */
export function HopTrail({ trail, centre, colour }: { trail: Vec3[]; centre: Vec3; colour: string }) {
  const points = useMemo(() => trail.map((p) => sub(p, centre)), [trail, centre]);
  const geometry = useMemo(() => new SphereGeometry(TRAIL_MARK_RADIUS_A, 16, 12), []);
  const material = useMemo(() => new MeshStandardMaterial({ color: colour, transparent: true, opacity: 0.45, depthWrite: false }), [colour]);
  return (
    <group>
      <Line points={points} color={colour} lineWidth={2} transparent opacity={0.8} />
      {points.map((p, k) => (
        <mesh key={k} geometry={geometry} material={material} position={p} />
      ))}
    </group>
  );
}
