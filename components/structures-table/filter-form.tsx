"use client";

import styles from "../data-table/data-table.module.css";
import { UrlFilterForm, type TableFilterProps } from "../data-table/url-filter-form";

const FILTER_FIELDS = ["elements", "formula", "nsitesMin", "nsitesMax", "spacegroup"] as const;

/** Filters for the structures table, seeded from the URL. */
export function FilterForm(props: TableFilterProps) {
  const get = (k: string) => props.params.get(k) ?? "";
  return (
    <UrlFilterForm label="Filter structures" fields={FILTER_FIELDS} errorId="filter-error" className={styles.filters} {...props}>
      <label>
        Contains all elements
        <input name="elements" defaultValue={get("elements")} placeholder="Ca, F" aria-describedby="filter-error" />
      </label>
      <label>
        Formula contains
        <input name="formula" defaultValue={get("formula")} placeholder="CaF2" />
      </label>
      <label>
        Sites ≥
        <input name="nsitesMin" type="number" min={0} defaultValue={get("nsitesMin")} className={styles.narrow} />
      </label>
      <label>
        Sites ≤
        <input name="nsitesMax" type="number" min={0} defaultValue={get("nsitesMax")} className={styles.narrow} />
      </label>
      <label>
        Space group
        <input name="spacegroup" defaultValue={get("spacegroup")} placeholder="225 or Fm-3m" className={styles.medium} />
      </label>
    </UrlFilterForm>
  );
}
