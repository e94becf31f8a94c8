"use client";

import { Line } from "@react-three/drei";
import { sub, type Vec3 } from "../../lib/structure/vector";

export interface DrawnPathway {
  index: number;
  startCart: Vec3;
  endCart: Vec3;
}

/** The first (shortest) pathway stands out; the others are drawn thinner so they stay legible together. */
const HIGHLIGHT = { color: "#d6247c", lineWidth: 5 };
const OTHER = { color: "#1f6fb2", lineWidth: 2 };

/**
 * Each pathway's representative hop as a straight line from its start to its end site, in the
 * viewer's frame (Cartesian Å, cell centre at the origin). A hop may leave the drawn cell: its end
 * site is the periodic image the ion actually reaches.
 */
export function PathwayLines({ pathways, centre }: { pathways: DrawnPathway[]; centre: Vec3 }) {
  return (
    <group>
      {pathways.map((p) => {
        const style = p.index === 0 ? HIGHLIGHT : OTHER;
        return <Line key={p.index} points={[sub(p.startCart, centre), sub(p.endCart, centre)]} color={style.color} lineWidth={style.lineWidth} dashed={p.index !== 0} dashSize={0.25} gapSize={0.15} />;
      })}
    </group>
  );
}
