/**
 * The table downloads read from PostgreSQL: one statement per download read through a cursor, its
 * columns arriving as PostgreSQL's own text (no type parsing in Node) and written into CSV lines by
 * Node while PostgreSQL computes the next batch, so the two processes share the work. The cells
 * are csv.ts's csvCell rule for rule: numbers plain, NULL / NaN / ±Infinity empty, booleans
 * true/false, text through csvCell itself, timestamps as ISO 8601 UTC with milliseconds, lines
 * ending CRLF. The query's filters are drizzle SQL with every value bound as a parameter (DECLARE
 * takes them as any statement does; nothing is spliced into the text but this file's own constants).
 *
 * Numbers are PostgreSQL's own float8 text (shortest round-trip digits, as with the default
 * extra_float_digits the rows were read with before). It differs from JavaScript's String(n)
 * only in where exponents start and how they are spelled (1e-05 against 0.00001, 1e+15 against
 * 1000000000000000): the same number either way.
 *
 * Cells needing no work in Node (numbers, booleans, timestamps) are joined by PostgreSQL: a run of
 * them arrives as one text value already separated by commas, a string fewer per cell for Node to
 * read (strings per row, not characters, are what Node's share costs).
 */
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { PgDialect, type AnyPgColumn } from "drizzle-orm/pg-core";
import pg from "pg";
import { poolOf, type Database } from "../../db/client";
import { csvCell, csvTextStream } from "./csv";

/** One exported column: its header and the selected column it shows (`element`: 1-based index into an array column). */
export interface SqlCsvColumn<Key extends string> {
  header: string;
  key: Key;
  element?: number;
}

/** A value of SQL type `type` to export. */
export interface CsvSqlValue {
  value: SQL;
  type: string;
}

/** Finished CSV text of one selected value (never NULL: NULLs are turned into "" before). */
export type CsvTextCell = (text: string) => string;

/** Every column as the text PostgreSQL sent: nothing parsed. */
export const RAW_TEXT = { getTypeParser: () => (text: string) => text };

const dialect = new PgDialect();

/**
 * A value as the text of its CSV cell, NULL for an empty cell, for the types PostgreSQL's text is
 * the cell itself; undefined for text, which Node writes. `+ 0` turns -0 into 0 as String(-0) does.
 */
function numberLikeSql({ value, type }: CsvSqlValue): SQL | undefined {
  switch (type) {
    case "integer":
    case "serial":
    case "smallint":
    case "boolean":
      return sql`${value}::text`;
    case "double precision":
      return sql`(${value} + 0)::text`;
    case "timestamp with time zone":
      return sql`to_char(${value} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    case "text":
    case "text[]":
      return undefined;
    default:
      throw new Error(`no CSV cell for SQL type ${type}`);
  }
}

/** PostgreSQL's text of a non-finite float8, an empty cell as JavaScript's non-finite numbers are. */
const NON_FINITE = new Set(["NaN", "Infinity", "-Infinity"]);

/**
 * A run of number-like cells joined by PostgreSQL. Only NaN and ±Infinity need changing (their
 * text is the only one holding N or I: exponents are a lower-case e, timestamps hold T and Z).
 */
const numberRunCell: CsvTextCell = (text) =>
  text.includes("N") || text.includes("I") ? text.split(",").map((cell) => (NON_FINITE.has(cell) ? "" : cell)).join(",") : text;

/** A text cell: arrays joined by spaces (NULL elements empty) as csvCell joins them, in SQL, then csvCell. */
const textCell: CsvTextCell = (text) => csvCell(text);

/**
 * What to select for a row of `values` and how Node writes each selected value: text values one
 * a column, each run of number-like ones one column joined by PostgreSQL (|| with coalesce:
 * concat() looks up every argument's type on every row).
 */
export function csvRowSql(values: readonly CsvSqlValue[]): { select: SQL; cells: CsvTextCell[] } {
  const selected: SQL[] = [];
  const cells: CsvTextCell[] = [];
  let run: SQL[] = [];
  const endRun = () => {
    if (run.length === 0) return;
    selected.push(sql.join(run.map((cell) => sql`coalesce(${cell}, '')`), sql` || ',' || `));
    cells.push(numberRunCell);
    run = [];
  };
  for (const v of values) {
    const numberLike = numberLikeSql(v);
    if (numberLike) {
      run.push(numberLike);
      continue;
    }
    endRun();
    selected.push(v.type === "text[]" ? sql`array_to_string(${v.value}, ' ', '')` : v.value);
    cells.push(textCell);
  }
  endRun();
  return { select: sql.join(selected, sql`, `), cells };
}

/** The CSV lines (each with its CRLF) of rows selected by csvRowSql, written by its cells. */
export function csvLines(rows: readonly (string | null)[][], cells: readonly CsvTextCell[]): string {
  let text = "";
  for (const row of rows) {
    for (let i = 0; i < cells.length; i++) {
      const value = row[i];
      if (i > 0) text += ",";
      if (value !== null) text += cells[i](value);
    }
    text += "\r\n";
  }
  return text;
}

/**
 * The CSV lines of one query read through a cursor, `batchSize` rows a fetch, each fetch written
 * into one string by `cells` (one a selected column). One statement for the whole download (bound
 * parameters, one plan, one pass over the joins) on a connection of its own, in a read-only
 * transaction the cursor lives in. The next batch is asked for before this one is written, so
 * PostgreSQL computes it while Node writes and sends, never more: memory holds two batches at most.
 * Ending early (a cancelled download) waits for the fetch in flight, rolls back (closing the
 * cursor) and gives the connection back; a failed one is discarded.
 */
export async function* cursorCsvBatches(
  pool: pg.Pool,
  query: { sql: string; params: unknown[] },
  batchSize: number,
  cells: readonly CsvTextCell[],
): AsyncGenerator<string> {
  const client = await pool.connect();
  let failure: Error | undefined;
  const fetch = () =>
    client.query<(string | null)[]>({ text: `fetch forward ${batchSize} from csv_export`, rowMode: "array", types: RAW_TEXT });
  let pending: Promise<pg.QueryResult<(string | null)[]>> | undefined;
  try {
    await client.query("begin transaction read only");
    await client.query(`declare csv_export no scroll cursor for ${query.sql}`, query.params);
    for (let next = fetch(); ; ) {
      pending = next;
      const { rows } = await next;
      if (rows.length === 0) return;
      if (rows.length < batchSize) {
        yield csvLines(rows, cells);
        return;
      }
      pending = next = fetch();
      yield csvLines(rows, cells);
    }
  } catch (err) {
    failure = err as Error;
    throw err;
  } finally {
    if (!failure) {
      try {
        await pending?.catch(() => undefined);
        await client.query("rollback");
      } catch (err) {
        failure = err as Error;
      }
    }
    client.release(failure);
  }
}

export interface SqlCsvExport<Selection extends Record<string, AnyPgColumn>> {
  /** The columns the query selects, in the order it selects them (a drizzle select of this object). */
  selection: Selection;
  columns: readonly SqlCsvColumn<keyof Selection & string>[];
  /** The rows to export (filtered), selecting `selection`. */
  query: SQLWrapper;
  /** The selected column the download is ordered by. */
  orderBy: keyof Selection & string;
  /** Rows per fetch: large enough to amortise the round trip, small enough to keep memory flat. */
  batchSize: number;
}

/**
 * The CSV download of a query: the header line, then its rows' lines (the selected columns are
 * renamed to their selection keys by position, so column names repeated across joined tables do
 * not clash), read through a cursor and streamed as the consumer pulls. `db` must run on a pool:
 * the download takes a connection of its own while it lasts.
 */
export function sqlCsvStream<Selection extends Record<string, AnyPgColumn>>(
  db: Database,
  spec: SqlCsvExport<Selection>,
): ReadableStream<Uint8Array> {
  const pool = poolOf(db);
  if (!pool) throw new Error("a CSV download reads on a connection of its own: give it a database on a pool");
  const names = sql.join(
    Object.keys(spec.selection).map((k) => sql.identifier(k)),
    sql`, `,
  );
  const ref = (key: string) => sql`r.${sql.identifier(key)}`;
  const row = csvRowSql(
    spec.columns.map((c) => {
      const type = spec.selection[c.key].getSQLType();
      if (c.element === undefined) return { value: ref(c.key), type };
      if (!Number.isInteger(c.element) || !type.endsWith("[]")) throw new Error(`${c.key}[${c.element}] is no array element`);
      return { value: sql`${ref(c.key)}[${sql.raw(String(c.element))}]`, type: type.slice(0, -2) };
    }),
  );
  const query = dialect.sqlToQuery(sql`select ${row.select} from ${spec.query} as r(${names}) order by ${ref(spec.orderBy)}`);
  return csvTextStream(
    spec.columns.map((c) => c.header),
    cursorCsvBatches(pool, query, spec.batchSize, row.cells),
  );
}
