"use client";

import type { FormEvent } from "react";
import { withParams } from "../structures-table/table-url";
import { PATHWAY_FILTER_FIELDS, RANGE_FILTER_FIELDS } from "./pathway-filter-fields";
import shared from "../structures-table/structures-table.module.css";
import styles from "./pathways-table.module.css";
import { RangeFilters } from "./range-filters";

/**
 * Filters for the pathways table: the structure's elements, formula and space group, and a range
 * for every numeric column (folded away unless one is set). Submitting writes them to the URL,
 * which triggers the query, and returns to the first page.
 */
export function PathwayFilterForm(props: { params: URLSearchParams; onNavigate: (search: string) => void; error?: string }) {
  const get = (k: string) => props.params.get(k) ?? "";
  const anyRange = RANGE_FILTER_FIELDS.some((f) => props.params.has(f));

  function apply(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const changes: Record<string, string> = {};
    for (const f of PATHWAY_FILTER_FIELDS) changes[f] = String(data.get(f) ?? "").trim();
    props.onNavigate(withParams(props.params, { ...changes, page: null }));
  }

  function clear() {
    const none = Object.fromEntries(PATHWAY_FILTER_FIELDS.map((f) => [f, null]));
    props.onNavigate(withParams(props.params, { ...none, page: null }));
  }

  return (
    <form className={`panel ${styles.filters}`} onSubmit={apply} role="search" aria-label="Filter pathways">
      <div className={styles.textFilters}>
        <label>
          Structure contains all elements
          <input name="elements" defaultValue={get("elements")} placeholder="Ca, F" aria-describedby="pathway-filter-error" />
        </label>
        <label>
          Formula contains
          <input name="formula" defaultValue={get("formula")} placeholder="CaF2" />
        </label>
        <label>
          Space group
          <input name="spacegroup" defaultValue={get("spacegroup")} placeholder="225 or Fm-3m" className={shared.medium} />
        </label>
        <label>
          Structure id
          <input name="structureId" type="number" min={1} defaultValue={get("structureId")} className={shared.narrow} />
        </label>
      </div>
      <details open={anyRange} className={styles.rangeDetails}>
        <summary>Ranges of lengths, measures and barriers</summary>
        <RangeFilters get={get} />
      </details>
      <div className={shared.filterButtons}>
        <button type="submit" className="button">
          Apply
        </button>
        <button type="button" className="button secondary" onClick={clear}>
          Clear
        </button>
      </div>
      <p id="pathway-filter-error" aria-live="polite" className={props.error ? "error" : styles.emptyError}>
        {props.error ?? ""}
      </p>
    </form>
  );
}
