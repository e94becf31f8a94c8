"use client";

/**
 * 3D view of a hop's image band: the supercell's atoms near the hop in the current image, the
 * moving ion (highlighted) and its trail over all images, its neighbours within a few Å glowing,
 * and the supercell's edges. The image shown is the parent's state (slider, play, profile clicks).
 * Loaded only in the browser (interpolation-viewer-loader.tsx): WebGL does not exist on the server.
 */
import { OrbitControls } from "@react-three/drei";
import { Canvas } from "@react-three/fiber";
import { useMemo } from "react";
import { add, scale, sub, type Vec3 } from "../../lib/structure/vector";
import { CellBox } from "../structure-viewer/cell-box";
import { cellCentre } from "../structure-viewer/cell-geometry";
import { HopTrail } from "./hop-trail";
import { ImageAtoms, MovingIon } from "./image-atoms";
import styles from "./interpolation-viewer.module.css";
import { MOVING_ION_COLOUR } from "./moving-ion-colour";
import { hopCentre, sceneRadius } from "./scene-geometry";
import type { ViewerScene } from "./scene-types";


export default function InterpolationViewer(props: { scene: ViewerScene; image: number; neighbours: ReadonlySet<number> }) {
  const { scene, image, neighbours } = props;
  const centre = useMemo(() => hopCentre(scene), [scene]);
  const radius = useMemo(() => sceneRadius(scene, centre), [scene, centre]);
  // The supercell as a structure with no sites: the unit-cell viewer's box, moved so the hop is central.
  const cell = useMemo(() => ({ lattice: scene.lattice, sites: [] }), [scene]);
  const cellOffset = useMemo(() => sub(cellCentre(cell), centre), [cell, centre]);
  const trail = scene.trail as Vec3[];

  // From slightly above, across the hop: a direction not parallel to a typical axis-aligned hop.
  const camera = scale([0.55, 0.45, 0.7], radius * 2.6 / Math.hypot(0.55, 0.45, 0.7));
  const light = add(camera, [2, 4, 0]);

  return (
    <div className={styles.frame} data-testid="interpolation-viewer">
      <Canvas
        gl={{ preserveDrawingBuffer: true, antialias: true }}
        dpr={[1, 2]}
        frameloop="demand"
        camera={{ position: camera, fov: 40, near: 0.05, far: radius * 40 }}
      >
        <color attach="background" args={["#f8fafc"]} />
        <ambientLight intensity={0.9} />
        <directionalLight position={light} intensity={2.2} />
        <directionalLight position={[-6, -2, -4]} intensity={0.6} />
        <ImageAtoms scene={scene} image={image} centre={centre} neighbours={neighbours} />
        <HopTrail trail={trail} centre={centre} colour={MOVING_ION_COLOUR} />
        <MovingIon species={scene.ion} position={trail[image]} centre={centre} colour={MOVING_ION_COLOUR} />
        <group position={cellOffset}>
          <CellBox structure={cell} />
        </group>
        <OrbitControls makeDefault enableDamping={false} />
      </Canvas>
    </div>
  );
}
