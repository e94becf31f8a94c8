/**
 * CSV writing for every table the platform exports: RFC 4180 quoting, protection against
 * spreadsheet formula injection, and a pull-driven stream so memory stays flat however many
 * rows a download has. csv-sql.ts reads the table downloads from PostgreSQL into these cells.
 */

export type CsvValue = string | number | boolean | Date | null | undefined | readonly string[];

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
 * A byte stream of CSV: the header line, then each chunk of finished CSV lines. `chunks` is
 * pulled only when the consumer wants more, so a slow client holds back the database reads
 * instead of piling text up in memory, and a cancelled download stops them.
 */
export function csvTextStream(headers: readonly string[], chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvLine(headers)));
        return;
      }
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
