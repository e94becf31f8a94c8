import { describe, expect, it } from "vitest";
import { checkpointHeader, checkpointLine, parseCheckpointCsv } from "./checkpoint-csv";

const roundTrip = (rows: (string | null)[][], types: string[]) =>
  [...parseCheckpointCsv(checkpointHeader(types.map((_, i) => `c${i}`)) + rows.map((r) => checkpointLine(r, types)).join(""))].slice(1);

describe("checkpoint CSV cells", () => {
  const tricky = [
    "=HYPERLINK(\"http://x\")", "+1", "-x", "@SUM(A1)", "\tlead tab", "\rlead cr", "'quoted", "'=already", "''two",
    "", " spaced ", "a,b", 'say "hi"', "line\r\nbreak", "lf\nonly", "plain", "{1,2}", "null", "ünïcode",
  ];

  it("gives back every text exactly, nulls apart from empty strings", () => {
    const rows = tricky.map((t) => [t, null, t]);
    expect(roundTrip(rows, ["text", "text", "jsonb"])).toEqual(rows);
  });

  it("writes no text cell a spreadsheet would run as a formula", () => {
    for (const t of tricky) {
      const cell = checkpointLine([t], ["text"]).replace(/\r\n$/, "").replace(/^"/, "");
      expect(cell, t).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it("writes numbers of number columns as numbers and keeps non-finite and huge values exact", () => {
    const types = ["double precision", "double precision", "integer", "bigint", "double precision", "real"];
    const row = ["-1.25", "1e-07", "-3", "9007199254740993", "-Infinity", "NaN"];
    expect(checkpointLine(row, types)).toBe("-1.25,1e-7,-3,9007199254740993,'-Infinity,NaN\r\n");
    // 1e-7 is the same double as PostgreSQL's 1e-07: the cast back restores it exactly.
    expect(roundTrip([row], types)).toEqual([["-1.25", "1e-7", "-3", "9007199254740993", "-Infinity", "NaN"]]);
  });

  it("refuses a broken quoted field", () => {
    expect(() => [...parseCheckpointCsv('a\r\n"open')]).toThrow(/unterminated/);
  });
});
