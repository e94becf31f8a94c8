"use client";

import type { Vec3 } from "../../lib/structure/vector";
import styles from "./interpolation-viewer.module.css";
import type { Neighbour } from "./scene-geometry";

const coord = (x: number) => x.toFixed(3);

/**
 * The image slider and play button, and in words where the moving ion is and what surrounds it:
 * the text is live for screen readers and carries the position in data attributes for tests.
 */
export function ImageControls(props: {
  count: number;
  image: number;
  onImage: (k: number) => void;
  playing: boolean;
  onPlaying: (playing: boolean) => void;
  ion: string;
  position: Vec3;
  neighbours: Neighbour[];
  neighbourRadiusA: number;
}) {
  const { count, image, position } = props;
  const role = image === 0 ? " (start)" : image === count - 1 ? " (end)" : "";
  return (
    <div>
      <div className={styles.controls}>
        <button type="button" className="button secondary" onClick={() => props.onPlaying(!props.playing)} aria-pressed={props.playing}>
          {props.playing ? "Pause" : "Play"}
        </button>
        <label>
          Image
          <input type="range" min={0} max={count - 1} step={1} value={image} onChange={(e) => props.onImage(Number(e.target.value))} />
        </label>
      </div>
      <p
        className={styles.status}
        aria-live="polite"
        data-testid="moving-ion-position"
        data-image={image}
        data-position={position.map(coord).join(",")}
      >
        Image {image} of {count} (0 to {count - 1}){role}: {props.ion} at {position.map(coord).join(", ")} Å
      </p>
      <p className={styles.neighbours} data-testid="moving-ion-neighbours">
        {props.neighbours.length === 0
          ? `No atom within ${props.neighbourRadiusA} Å of the moving ion.`
          : `Within ${props.neighbourRadiusA} Å: ` + props.neighbours.map((n) => `${n.species} ${n.distanceA.toFixed(2)} Å`).join(", ")}
      </p>
    </div>
  );
}
