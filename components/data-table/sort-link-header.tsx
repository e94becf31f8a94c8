import Link from "next/link";
import { withParams } from "./table-url";

type Dir = "asc" | "desc";

/**
 * A column header that sorts the table at `basePath` by its key: the first click sorts ascending,
 * a click on the active column flips the direction; aria-sort tells assistive technology the order.
 */
export function SortLinkHeader(props: {
  basePath: string;
  label: string;
  sortKey: string;
  activeKey: string;
  dir: Dir;
  params: URLSearchParams;
  numeric?: boolean;
  title?: string;
}) {
  const active = props.activeKey === props.sortKey;
  const nextDir: Dir = active && props.dir === "asc" ? "desc" : "asc";
  const href = props.basePath + withParams(props.params, { sort: props.sortKey, dir: nextDir, page: null });
  return (
    <th
      scope="col"
      className={props.numeric ? "num" : undefined}
      aria-sort={active ? (props.dir === "asc" ? "ascending" : "descending") : "none"}
      title={props.title}
    >
      <Link href={href} scroll={false}>
        {props.label}
        {active ? (props.dir === "asc" ? " ▲" : " ▼") : ""}
      </Link>
    </th>
  );
}
