import { elementColour } from "../structure-viewer/jmol-colours";
import legend from "../structure-viewer/structure-viewer.module.css";
import styles from "./interpolation-viewer.module.css";

/** What the colours of the interpolation view mean. */
export function ViewerKey(props: { ion: string; species: string[]; movingColour: string; neighbourRadiusA: number }) {
  return (
    <ul className={styles.key} aria-label="Key">
      <li>
        <span className={legend.swatch} style={{ background: props.movingColour }} aria-hidden="true" />
        moving {props.ion} (line and dots: its path over all images)
      </li>
      <li>
        <span className={legend.swatch} style={{ background: "#ffd27a" }} aria-hidden="true" />
        glowing: within {props.neighbourRadiusA} Å of it
      </li>
      {props.species.map((s) => (
        <li key={s}>
          <span className={legend.swatch} style={{ background: elementColour(s) }} aria-hidden="true" />
          {s}
        </li>
      ))}
    </ul>
  );
}
