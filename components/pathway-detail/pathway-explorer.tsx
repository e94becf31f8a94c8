"use client";

import { useEffect, useMemo, useState, type ReactNode } from "react";
import type { Vec3 } from "../../lib/structure/vector";
import { EnergyProfile } from "../energy-profile/energy-profile";
import { idppProfile, relaxedProfile } from "../energy-profile/profile-points";
import { ImageControls } from "../interpolation-viewer/image-controls";
import { InterpolationViewerLoader } from "../interpolation-viewer/interpolation-viewer-loader";
import { NEIGHBOUR_RADIUS_A, neighboursAt } from "../interpolation-viewer/scene-geometry";
import type { ViewerScene } from "../interpolation-viewer/scene-types";
import { MOVING_ION_COLOUR } from "../interpolation-viewer/moving-ion-colour";
import { ViewerKey } from "../interpolation-viewer/viewer-key";
import styles from "./pathway-detail.module.css";

/** Time per image while playing: slow enough to follow the ion, fast enough to see the hop as motion. */
const PLAY_STEP_MS = 450;

/**
 * The hop explorer: one "current image" shared by the 3D viewer, the slider and play button, and
 * the energy profile (whose marker follows it and whose points set it). `aside` (the measures and
 * barriers) is laid out under the profile.
 */
export function PathwayExplorer(props: {
  scene: ViewerScene;
  idppEnergies: number[] | null;
  relaxedEnergies: number[] | null;
  aside: ReactNode;
}) {
  const { scene } = props;
  const count = scene.trail.length;
  const [image, setImage] = useState(0);
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => setImage((k) => (k + 1) % count), PLAY_STEP_MS);
    return () => clearInterval(timer);
  }, [playing, count]);

  const neighbours = useMemo(() => neighboursAt(scene, image), [scene, image]);
  const neighbourSet = useMemo(() => new Set(neighbours.map((n) => n.atomIndex)), [neighbours]);
  const trail = scene.trail as Vec3[];
  const species = useMemo(() => [...new Set(scene.atoms.map((a) => a.species))], [scene]);
  const idpp = useMemo(() => (props.idppEnergies ? idppProfile(props.idppEnergies, trail) : null), [props.idppEnergies, trail]);
  const relaxed = useMemo(
    () => (props.relaxedEnergies && props.idppEnergies ? relaxedProfile(props.relaxedEnergies, props.idppEnergies[0]) : null),
    [props.relaxedEnergies, props.idppEnergies],
  );
  // A user's choice of image stops the animation, as in any player.
  const choose = (k: number) => {
    setPlaying(false);
    setImage(k);
  };

  return (
    <div className={styles.explorer}>
      <section aria-label="Images of the hop in 3D">
        <InterpolationViewerLoader scene={scene} image={image} neighbours={neighbourSet} />
        <ImageControls
          count={count}
          image={image}
          onImage={choose}
          playing={playing}
          onPlaying={setPlaying}
          ion={scene.ion}
          position={trail[image]}
          neighbours={neighbours}
          neighbourRadiusA={NEIGHBOUR_RADIUS_A}
        />
        <ViewerKey ion={scene.ion} species={species} movingColour={MOVING_ION_COLOUR} neighbourRadiusA={NEIGHBOUR_RADIUS_A} />
      </section>
      <div className={styles.side}>
        <section className="panel" aria-labelledby="profile-heading">
          <h2 id="profile-heading" className={styles.panelHeading}>
            Energy profile
          </h2>
          {idpp ? (
            <EnergyProfile idpp={idpp} relaxed={relaxed} image={image} onImage={choose} />
          ) : (
            <p className="muted">No BVSE profile yet: the barriers stage has not run on this pathway.</p>
          )}
        </section>
        {props.aside}
      </div>
    </div>
  );
}
