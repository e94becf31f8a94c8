import type { Structure } from "../../lib/structure/structure";
import { elementColour } from "./jmol-colours";
import styles from "./structure-viewer.module.css";

/** One swatch per element present, with its number of sites in the cell. */
export function ElementLegend({ structure }: { structure: Structure }) {
  const counts = new Map<string, number>();
  for (const s of structure.sites) counts.set(s.species, (counts.get(s.species) ?? 0) + 1);
  return (
    <ul className={styles.legend} aria-label="Elements">
      {[...counts].map(([symbol, n]) => (
        <li key={symbol}>
          <span className={styles.swatch} style={{ background: elementColour(symbol) }} aria-hidden="true" />
          {symbol} <span className="muted">×{n}</span>
        </li>
      ))}
    </ul>
  );
}
