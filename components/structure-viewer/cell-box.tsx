"use client";

import { useMemo } from "react";
import type { Structure } from "../../lib/structure/structure";
import { cellEdges } from "./cell-geometry";

/** The unit cell's twelve edges as thin lines. */
export function CellBox({ structure }: { structure: Structure }) {
  const positions = useMemo(() => cellEdges(structure), [structure]);
  return (
    <lineSegments>
      <bufferGeometry>
        <bufferAttribute attach="attributes-position" args={[positions, 3]} />
      </bufferGeometry>
      <lineBasicMaterial color="#34495e" />
    </lineSegments>
  );
}
