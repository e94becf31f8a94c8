import type { ReactNode } from "react";
import styles from "../structure-detail/structure-detail.module.css";

/** Term / value pairs in the structure page's fact-list style. */
export function DefinitionList({ items, label }: { items: [string, ReactNode][]; label?: string }) {
  return (
    <dl className={styles.facts} aria-label={label}>
      {items.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
