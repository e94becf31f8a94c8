import { columnLabel, PATHWAY_COLUMNS, type ColumnGroup } from "./pathway-columns";
import { rangeField } from "./pathway-filter-fields";
import styles from "./pathways-table.module.css";

const BOUNDS = [
  { end: "Min", words: "at least" },
  { end: "Max", words: "at most" },
] as const;

const GROUP_TITLES: Record<ColumnGroup, string> = { pathway: "Pathway", measures: "Measures", barriers: "Barriers" };

/**
 * A min and max input for every numeric column, grouped by the stage that computes it. Inputs are
 * uncontrolled and seeded from the URL; the parent form reads them on submit. The step is "any"
 * so fractional bounds on integer-valued columns are accepted as typed (the server compares them).
 */
export function RangeFilters({ get }: { get: (field: string) => string }) {
  return (
    <div className={styles.rangeGroups}>
      {(Object.keys(GROUP_TITLES) as ColumnGroup[]).map((group) => (
        <fieldset key={group} className={styles.rangeGroup}>
          <legend>{GROUP_TITLES[group]}</legend>
          {PATHWAY_COLUMNS.filter((c) => c.group === group).map((c) => (
            <div key={c.key} className={styles.rangeRow}>
              <span className={styles.rangeLabel} id={`range-${c.key}`}>
                {columnLabel(c)}
              </span>
              {BOUNDS.map((b) => (
                <input
                  key={b.end}
                  name={rangeField(c.key, b.end)}
                  type="number"
                  step="any"
                  defaultValue={get(rangeField(c.key, b.end))}
                  aria-label={`${columnLabel(c)} ${b.words}`}
                  placeholder={b.end.toLowerCase()}
                />
              ))}
            </div>
          ))}
        </fieldset>
      ))}
    </div>
  );
}
