/**
 * CSV lines written by PostgreSQL: every exported table's rows are turned into finished CSV text
 * by the query itself (one text value per row, read through a cursor), so Node neither parses
 * numbers nor maps rows nor formats cells, it only passes text on. The cells follow csv.ts's csvCell rule for rule: numbers plain,
 * NULL / NaN / ±Infinity empty, booleans true/false, text defused against spreadsheet formulas
 * and quoted per RFC 4180, timestamps as ISO 8601 UTC with milliseconds, lines ending CRLF.
 * The query's filters are drizzle SQL with every value bound as a parameter (DECLARE takes them
 * as any statement does; nothing is spliced into the text but this file's own constants).
 *
 * Numbers are PostgreSQL's own float8 text (shortest round-trip digits, as with the default
 * extra_float_digits the rows were read with before). It differs from JavaScript's String(n)
 * only in where exponents start and how they are spelled (1e-05 against 0.00001, 1e+15 against
 * 1000000000000000): the same number either way.
 */
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { PgDialect, type AnyPgColumn } from "drizzle-orm/pg-core";
import pg from "pg";
import type { Database } from "../../db/client";
import { csvTextStream } from "./csv";

/** One exported column: its header and the selected column it shows (`element`: 1-based index into an array column). */
export interface SqlCsvColumn<Key extends string> {
  header: string;
  key: Key;
  element?: number;
}

const dialect = new PgDialect();

/** A regular expression as a PostgreSQL string literal (constants of this file only, never input). */
function pattern(re: string): SQL {
  if (re.includes("'")) throw new Error("a CSV pattern must not contain a quote");
  return sql.raw(`'${re}'`);
}

/** csv.ts's FORMULA_START (a bracket expression body): text a spreadsheet would run as a formula. */
const FORMULA_START = "=+\\-@\\t\\r";

/** What JavaScript's String.prototype.trim removes (WhiteSpace and LineTerminator), as a bracket expression body. */
const JS_TRIMMED = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff";

/** Characters that make csv.ts quote a cell wherever they are. */
const QUOTED = '",\\r\\n';

/**
 * Text csv.ts writes as it is (the one test most cells need): no formula start, no quote, comma
 * or line break, nothing its trim would remove at either end. Formula starts include tab and CR,
 * so one character that passes the first bracket is no trimmed character either.
 */
const PLAIN = pattern(`^[^${FORMULA_START}${JS_TRIMMED}${QUOTED}]([^${QUOTED}]*[^${JS_TRIMMED}${QUOTED}])?$`);

const STARTS_FORMULA = pattern(`^[${FORMULA_START}]`);

/**
 * csv.ts quotes a cell holding a quote, comma or line break, or one its trim would change. The
 * test runs on the text before the formula apostrophe: that apostrophe hides a leading tab or CR
 * (formula starts), so those two do not count as leading whitespace here.
 */
const NEEDS_QUOTES = pattern(`[${QUOTED}]|[${JS_TRIMMED}]$|^[${JS_TRIMMED.replace("\\t", "").replace("\\r", "")}]`);

function textCell(text: SQL): SQL {
  const defused = sql`case when ${text} ~ ${STARTS_FORMULA} then '''' || ${text} else ${text} end`;
  return sql`case when ${text} ~ ${PLAIN} then ${text} when ${text} ~ ${NEEDS_QUOTES} then '"' || replace(${defused}, '"', '""') || '"' else ${defused} end`;
}

/**
 * The CSV cell of a value of SQL type `type`, NULL for an empty cell. float8: NaN and infinities
 * are empty like JavaScript's non-finite numbers (x - x is 0 for finite x only), and `+ 0` turns
 * -0 into 0 as String(-0) does.
 */
export function csvCellSql(value: SQL, type: string): SQL {
  switch (type) {
    case "integer":
    case "serial":
    case "smallint":
    case "boolean":
      return sql`${value}::text`;
    case "double precision":
      return sql`case when ${value} - ${value} = 0 then (${value} + 0)::text end`;
    case "text":
      return textCell(value);
    case "text[]":
      return textCell(sql`array_to_string(${value}, ' ', '')`);
    case "timestamp with time zone":
      return sql`to_char(${value} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    default:
      throw new Error(`no CSV cell for SQL type ${type}`);
  }
}

/** The CSV line (with its CRLF) of cells that are NULL when empty (|| with coalesce: concat() looks up every argument's type on every row). */
export function csvLineSql(cells: readonly SQL[]): SQL {
  return sql`${sql.join(
    cells.map((cell) => sql`coalesce(${cell}, '')`),
    sql` || ',' || `,
  )} || E'\\r\\n'`;
}

/**
 * The lines of one query read through a cursor, `batchSize` rows a fetch, each fetch joined into
 * one string. One statement for the whole download (bound parameters, one plan, one pass over the
 * joins) on a connection of its own, in a read-only transaction the cursor lives in. While one
 * batch is consumed the next is fetched (the database works while Node sends), never more: memory
 * holds two batches at most. Ending early (a cancelled download) waits for the fetch in flight,
 * rolls back (closing the cursor) and gives the connection back; a failed one is discarded.
 */
export async function* cursorTextBatches(
  pool: pg.Pool,
  query: { sql: string; params: unknown[] },
  batchSize: number,
): AsyncGenerator<string> {
  const client = await pool.connect();
  let failure: Error | undefined;
  const fetch = () => client.query<[string]>({ text: `fetch forward ${batchSize} from csv_export`, rowMode: "array" });
  let pending: Promise<pg.QueryResult<[string]>> | undefined;
  try {
    await client.query("begin transaction read only");
    await client.query(`declare csv_export no scroll cursor for ${query.sql}`, query.params);
    pending = fetch();
    for (;;) {
      const { rows } = await pending;
      if (rows.length === 0) return;
      let text = "";
      for (const row of rows) text += row[0];
      if (rows.length < batchSize) {
        yield text;
        return;
      }
      pending = fetch();
      yield text;
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
 * The CSV download of a query: the header line, then the lines PostgreSQL writes for its rows
 * (the selected columns are renamed to their selection keys by position, so column names repeated
 * across joined tables do not clash), read through a cursor and streamed as the consumer pulls.
 * `db` must run on a pool: the download takes a connection of its own while it lasts.
 */
export function sqlCsvStream<Selection extends Record<string, AnyPgColumn>>(
  db: Database,
  spec: SqlCsvExport<Selection>,
): ReadableStream<Uint8Array> {
  const pool = (db as Database & { $client?: unknown }).$client;
  if (!(pool instanceof pg.Pool)) throw new Error("a CSV download reads on a connection of its own: give it a database on a pool");
  const names = sql.join(
    Object.keys(spec.selection).map((k) => sql.identifier(k)),
    sql`, `,
  );
  const ref = (key: string) => sql`r.${sql.identifier(key)}`;
  const line = csvLineSql(
    spec.columns.map((c) => {
      const type = spec.selection[c.key].getSQLType();
      if (c.element === undefined) return csvCellSql(ref(c.key), type);
      if (!Number.isInteger(c.element) || !type.endsWith("[]")) throw new Error(`${c.key}[${c.element}] is no array element`);
      return csvCellSql(sql`${ref(c.key)}[${sql.raw(String(c.element))}]`, type.slice(0, -2));
    }),
  );
  const query = dialect.sqlToQuery(sql`select ${line} from ${spec.query} as r(${names}) order by ${ref(spec.orderBy)}`);
  return csvTextStream(
    spec.columns.map((c) => c.header),
    cursorTextBatches(pool, query, spec.batchSize),
  );
}
