"use client";

import type { FormEvent, ReactNode } from "react";
import styles from "./data-table.module.css";
import { withParams } from "./table-url";

/** What a table gives its filter form: the URL's query string, how to replace it, and the server's refusal. */
export interface TableFilterProps {
  params: URLSearchParams;
  onNavigate: (search: string) => void;
  error?: string;
}

interface UrlFilterFormOwnProps {
  label: string;
  fields: readonly string[];
  /** Inputs can point at the error with aria-describedby. */
  errorId: string;
  className: string;
  children: ReactNode;
}

/**
 * A table's filter form. Inputs are uncontrolled and seeded from the URL by the caller; submitting
 * writes every field in `fields` back to the URL (which triggers the query) and returns to the
 * first page, and Clear removes them all.
 */
export function UrlFilterForm(props: TableFilterProps & UrlFilterFormOwnProps) {
  function apply(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const changes = Object.fromEntries(props.fields.map((f) => [f, String(data.get(f) ?? "").trim()]));
    props.onNavigate(withParams(props.params, { ...changes, page: null }));
  }

  function clear() {
    const none = Object.fromEntries(props.fields.map((f) => [f, null]));
    props.onNavigate(withParams(props.params, { ...none, page: null }));
  }

  return (
    <form className={`panel ${styles.filterForm} ${props.className}`} onSubmit={apply} role="search" aria-label={props.label}>
      {props.children}
      <div className={styles.filterButtons}>
        <button type="submit" className="button">
          Apply
        </button>
        <button type="button" className="button secondary" onClick={clear}>
          Clear
        </button>
      </div>
      <p id={props.errorId} aria-live="polite" className={`${props.error ? "error " : ""}${styles.errorLine}`}>
        {props.error ?? ""}
      </p>
    </form>
  );
}
