"use client";

/**
 * Interactive 3D view of one unit cell: atoms as spheres in Jmol colours sized by ionic radius,
 * the cell's edges, orbit/zoom/pan with the mouse, and the hovered atom named below the view.
 * Loaded only in the browser (see structure-viewer-loader.tsx): WebGL does not exist on the server.
 */
import { OrbitControls } from "@react-three/drei";
import { Canvas } from "@react-three/fiber";
import { useMemo, useState } from "react";
import type { Structure } from "../../lib/structure/structure";
import { AtomSpheres } from "./atom-spheres";
import { CellBox } from "./cell-box";
import { cellCentre, cellSpan, drawnAtoms } from "./cell-geometry";
import { ElementLegend } from "./element-legend";
import { PathwayLines, type DrawnPathway } from "./pathway-lines";
import styles from "./structure-viewer.module.css";

export default function StructureViewer({ structure, pathways = [] }: { structure: Structure; pathways?: DrawnPathway[] }) {
  const atoms = useMemo(() => drawnAtoms(structure), [structure]);
  const span = useMemo(() => cellSpan(structure), [structure]);
  const [hovered, setHovered] = useState<number | null>(null);
  const hoveredSite = hovered === null ? null : atoms[hovered];
  const site = hoveredSite ? structure.sites[hoveredSite.siteIndex] : null;

  // Looking from slightly above the a–c diagonal shows all three axes; the distance fits the
  // longest body diagonal into a 40° field of view with some margin.
  const distance = span * 1.6;
  const dir = [0.55, 0.4, 0.73];

  return (
    <div className={styles.wrap}>
      <div className={styles.frame} data-testid="structure-viewer">
        <Canvas
          gl={{ preserveDrawingBuffer: true, antialias: true }}
          dpr={[1, 2]}
          frameloop="demand"
          camera={{ position: [dir[0] * distance, dir[1] * distance, dir[2] * distance], fov: 40, near: 0.05, far: distance * 20 }}
          onPointerMissed={() => setHovered(null)}
        >
          <color attach="background" args={["#f8fafc"]} />
          <ambientLight intensity={0.9} />
          <directionalLight position={[4, 6, 8]} intensity={2.2} />
          <directionalLight position={[-6, -2, -4]} intensity={0.6} />
          <AtomSpheres structure={structure} atoms={atoms} hovered={hovered} onHover={setHovered} />
          <CellBox structure={structure} />
          <PathwayLines pathways={pathways} centre={cellCentre(structure)} />
          <OrbitControls makeDefault enableDamping={false} />
        </Canvas>
      </div>
      <p className={styles.hoverInfo} aria-live="polite" data-testid="viewer-hover">
        {site && hoveredSite ? (
          <>
            <strong>{site.species}</strong>
            {site.oxidationState !== undefined ? <sup>{formatCharge(site.oxidationState)}</sup> : null} — site{" "}
            {hoveredSite.siteIndex + 1}
            {site.label ? ` (${site.label})` : ""}
            {hoveredSite.isImage ? ", periodic image" : ""}
          </>
        ) : (
          <span className="muted">Drag to rotate, scroll to zoom, right-drag to pan; point at an atom to name it.</span>
        )}
      </p>
      <ElementLegend structure={structure} />
    </div>
  );
}

function formatCharge(ox: number): string {
  if (ox === 0) return "0";
  const magnitude = Math.abs(ox) === 1 ? "" : String(Math.abs(ox));
  return magnitude + (ox > 0 ? "+" : "−");
}
