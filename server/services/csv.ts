/**
 * CSV writing for every table the platform exports: RFC 4180 quoting, protection against
 * spreadsheet formula injection, and a pull-driven stream so memory stays flat however many
 * rows a download has.
 */

export type CsvValue = string | number | boolean | Date | null | undefined | readonly string[];

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvValue;
}

/**
 * Text that starts with one of these is run as a formula by Excel, LibreOffice or Google
 * Sheets (tab and CR because some of them strip leading whitespace before looking).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell. Numbers are written as numbers: a negative energy "-1.25" is data a spreadsheet
 * parses as a number, never a formula, and quoting it would turn it into text. Text that could
 * start a formula gets a leading apostrophe, the escape spreadsheets themselves use.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  let text = value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.join(" ") : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: readonly CsvValue[]): string => cells.map(csvCell).join(",") + "\r\n";

/**
 * A byte stream of CSV: the header line, then one line per row of each batch. `batches` is
 * pulled only when the consumer wants more, so a slow client holds back the database reads
 * instead of piling rows up in memory.
 */
export function csvStream<Row>(columns: readonly CsvColumn<Row>[], batches: AsyncIterable<Row[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvLine(columns.map((c) => c.header))));
        return;
      }
      try {
        const next = await iterator.next();
        if (next.done) {
          controller.close();
          return;
        }
        let chunk = "";
        for (const row of next.value) chunk += csvLine(columns.map((c) => c.value(row)));
        controller.enqueue(encoder.encode(chunk));
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/**
 * Keyset pagination over an increasing integer key: each batch starts after the last key of the
 * one before (null: from the start), so every batch is an index range scan however deep into the table it is (OFFSET
 * would rescan all earlier rows).
 */
export async function* keysetBatches<Row>(
  fetchAfter: (afterKey: number | null, limit: number) => Promise<Row[]>,
  keyOf: (row: Row) => number,
  batchSize: number,
): AsyncGenerator<Row[]> {
  let after: number | null = null;
  for (;;) {
    const rows = await fetchAfter(after, batchSize);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = keyOf(rows[rows.length - 1]);
  }
}
