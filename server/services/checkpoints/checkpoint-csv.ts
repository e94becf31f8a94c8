import { csvCell } from "../csv";

/**
 * How a checkpoint's CSV cells hold PostgreSQL values so that a restore is exact, yet the files still
 * open safely in a spreadsheet:
 * - every value is PostgreSQL's own text form (`col::text` in a UTC, ISO session): timestamps keep
 *   their microseconds, doubles their shortest exact digits, jsonb is JSON text, arrays are array
 *   literals like `{0.5,0,0}`; a restore casts the text back to the column's type;
 * - SQL NULL is an empty unquoted cell, the empty string a quoted empty cell `""`;
 * - numbers of integer and float columns are written as numbers (a spreadsheet reads `-1.25` as a
 *   number, so it needs no escape);
 * - other text starting with = + - @ tab or CR gets csv.ts's leading apostrophe, and text starting with
 *   an apostrophe gets one more, so the rule back is simply: drop one leading apostrophe if present.
 */
const NUMBER_TYPES = new Set(["smallint", "integer", "bigint", "real", "double precision"]);

export const isNumberType = (type: string) => NUMBER_TYPES.has(type);

/** One cell of a checkpoint CSV from a value's PostgreSQL text (null for SQL NULL). */
export function checkpointCell(text: string | null, type: string): string {
  if (text === null) return "";
  if (text === "") return '""';
  if (isNumberType(type)) {
    const n = Number(text);
    // Integers past 2^53 and NaN/Infinity go the text way, which keeps them exactly.
    const integer = type !== "real" && type !== "double precision";
    if (Number.isFinite(n) && (!integer || Number.isSafeInteger(n))) return csvCell(n);
  }
  return csvCell(text.startsWith("'") ? `'${text}` : text);
}

export const checkpointLine = (texts: readonly (string | null)[], types: readonly string[]) =>
  texts.map((t, i) => checkpointCell(t, types[i])).join(",") + "\r\n";

/** The header line: column names (plain identifiers, escaped like any text). */
export const checkpointHeader = (names: readonly string[]) => names.map((n) => csvCell(n)).join(",") + "\r\n";

/** A parsed cell back to the PostgreSQL text it came from (null for SQL NULL). */
export function cellText(raw: string, quoted: boolean): string | null {
  if (raw === "") return quoted ? "" : null;
  return raw.startsWith("'") ? raw.slice(1) : raw;
}

/**
 * RFC 4180 records of a CSV (CRLF or LF line ends, quoted fields may hold commas, quotes and line
 * breaks), each cell already turned back into its PostgreSQL text by `cellText`.
 */
export function* parseCheckpointCsv(text: string): Generator<(string | null)[]> {
  let i = 0;
  const n = text.length;
  while (i < n) {
    const record: (string | null)[] = [];
    for (;;) {
      let raw = "";
      let quoted = false;
      if (text[i] === '"') {
        quoted = true;
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) throw new Error("unterminated quoted field in checkpoint CSV");
          raw += text.slice(i, q);
          if (text[q + 1] === '"') {
            raw += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
      } else {
        let j = i;
        while (j < n && text[j] !== "," && text[j] !== "\r" && text[j] !== "\n") j++;
        raw = text.slice(i, j);
        i = j;
      }
      record.push(cellText(raw, quoted));
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "\r" && text[i + 1] === "\n") i += 2;
      else if (text[i] === "\n" || text[i] === "\r") i++;
      else if (i < n) throw new Error(`unexpected character after a quoted field at offset ${i} of checkpoint CSV`);
      break;
    }
    yield record;
  }
}
