"use client";

import type { FormEvent } from "react";
import styles from "./structures-table.module.css";
import { FILTER_FIELDS, withParams } from "./table-url";

/**
 * Filters for the structures table. Uncontrolled inputs seeded from the URL; submitting writes
 * them back to the URL (which triggers the query) and returns to the first page.
 */
export function FilterForm(props: { params: URLSearchParams; onNavigate: (search: string) => void; error?: string }) {
  const get = (k: string) => props.params.get(k) ?? "";

  function apply(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const changes: Record<string, string> = {};
    for (const f of FILTER_FIELDS) changes[f] = String(data.get(f) ?? "").trim();
    props.onNavigate(withParams(props.params, { ...changes, page: null }));
  }

  function clear() {
    const none = Object.fromEntries(FILTER_FIELDS.map((f) => [f, null]));
    props.onNavigate(withParams(props.params, { ...none, page: null }));
  }

  return (
    <form className={`panel ${styles.filters}`} onSubmit={apply} role="search" aria-label="Filter structures">
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
      <div className={styles.filterButtons}>
        <button type="submit" className="button">
          Apply
        </button>
        <button type="button" className="button secondary" onClick={clear}>
          Clear
        </button>
      </div>
      <p id="filter-error" aria-live="polite" className={props.error ? `error ${styles.fullRow}` : styles.fullRow}>
        {props.error ?? ""}
      </p>
    </form>
  );
}
