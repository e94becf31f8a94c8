"use client";

import shared from "../data-table/data-table.module.css";
import { UrlFilterForm, type TableFilterProps } from "../data-table/url-filter-form";
import { PATHWAY_FILTER_FIELDS, RANGE_FILTER_FIELDS } from "./pathway-filter-fields";
import styles from "./pathways-table.module.css";
import { RangeFilters } from "./range-filters";

/**
 * Filters for the pathways table: the structure's elements, formula and space group, and a range
 * for every numeric column (folded away unless one is set).
 */
export function PathwayFilterForm(props: TableFilterProps) {
  const get = (k: string) => props.params.get(k) ?? "";
  const anyRange = RANGE_FILTER_FIELDS.some((f) => props.params.has(f));
  return (
    <UrlFilterForm label="Filter pathways" fields={PATHWAY_FILTER_FIELDS} errorId="pathway-filter-error" className={styles.filters} {...props}>
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
    </UrlFilterForm>
  );
}
