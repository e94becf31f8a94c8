import Link from "next/link";
import { withParams } from "./table-url";
import styles from "./data-table.module.css";

const PAGE_SIZES = [10, 25, 50, 100];

/** Previous / next page links of the table at `basePath`, and the rows-per-page choice. */
export function PageLinks(props: {
  basePath: string;
  page: number;
  pageCount: number;
  pageSize: number;
  params: URLSearchParams;
  onPageSize: (size: number) => void;
}) {
  const { page, pageCount, params } = props;
  const href = (p: number) => props.basePath + withParams(params, { page: p === 1 ? null : p });
  return (
    <nav className={styles.pagination} aria-label="Pages">
      {page > 1 ? <Link href={href(page - 1)} rel="prev">← Previous</Link> : <span className="muted">← Previous</span>}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <Link href={href(page + 1)} rel="next">Next →</Link> : <span className="muted">Next →</span>}
      <label className={styles.pageSize}>
        Rows per page{" "}
        <select value={props.pageSize} onChange={(e) => props.onPageSize(Number(e.target.value))}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
    </nav>
  );
}
