import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/test-database";
import { csvCell } from "./csv";
import { csvLines, csvRowSql, cursorCsvBatches, RAW_TEXT } from "./csv-sql";
import { structuresCsvStream } from "./structure-csv";
import { structureFilterSchema } from "./structure-filters";

describe("CSV downloads read through a cursor", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.drop();
  });

  /** The line of values of SQL type `type` as a download writes it (without CRLF): selected as csvRowSql says, read as text, written by its cells. */
  async function line(values: unknown[], type: string, cast: string): Promise<string> {
    const row = csvRowSql(values.map((v) => ({ value: sql`${sql.param(v)}::${sql.raw(cast)}`, type })));
    const query = new PgDialect().sqlToQuery(sql`select ${row.select}`);
    const r = await t.pool.query<(string | null)[]>({ text: query.sql, values: query.params, rowMode: "array", types: RAW_TEXT });
    return csvLines(r.rows, row.cells).slice(0, -2);
  }
  const cell = (value: unknown, type: string, cast: string) => line([value], type, cast);

  it("writes text with csvCell (arrays joined as it joins them)", async () => {
    const texts = [
      "plain", "", "Ca F", "F m -3 m", "a,b", 'say "hi"', "two\nlines", "cr\rin", "=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)",
      "\tx", "\rx", "=a,b", " lead", "trail ", "\u00a0nbsp", "nbsp\u00a0", "\u2028ls", "ls\u2028", "\ufeffbom", "x\u3000",
      "\u2005em", "\u200bzw", "\u000bvt", "\fff", "'quoted'", "Ca₂F₄ — ü", "-", "=", " ", "\t", "\u00a0", "a\u2009b", "x\\y",
    ];
    for (const text of texts) expect([text, await cell(text, "text", "text")]).toEqual([text, csvCell(text)]);
    for (const arr of [["Ca", "F"], ["=x", "y"], ["a b", "c,d"], [" x"], ["a", null, "b"], []]) {
      expect(await cell(arr, "text[]", "text[]")).toBe(csvCell(arr.map((e) => e ?? "")));
    }
  });

  it("writes numbers as the same numbers (exponents may be spelled differently), non-finite ones and -0 as csvCell", async () => {
    const numbers = ["0", "-0", "1", "-1.25", "0.1", "0.30000000000000004", "1e-5", "-8.208693079359008e-05", "2.639536944570864e-7",
      "1e-7", "123456.789", "1e15", "1e21", "1.7976931348623157e308", "5e-324", "-2.2250738585072014e-308", "NaN", "Infinity", "-Infinity"];
    const run = (await line(numbers, "double precision", "float8")).split(","); // one run, joined by PostgreSQL
    for (const [i, text] of numbers.entries()) {
      const got = run[i];
      expect(await cell(text, "double precision", "float8")).toBe(got);
      const want = csvCell(Number(text));
      expect([text, got === "" ? "" : Number(got)]).toEqual([text, want === "" ? "" : Number(want)]);
      expect(got.startsWith("-0") && Number(got) === 0).toBe(false);
    }
    for (const n of [0, -7, 2147483647]) expect(await cell(n, "integer", "int4")).toBe(csvCell(n));
    expect(await cell(true, "boolean", "bool")).toBe("true");
    expect(await cell(false, "boolean", "bool")).toBe("false");
    expect(await cell(null, "double precision", "float8")).toBe("");
    expect(await cell(null, "text", "text")).toBe("");
    // Microseconds PostgreSQL keeps are cut to the milliseconds a JavaScript Date holds, as reading the rows did.
    expect(await cell("2024-01-02 03:04:05.678999+00", "timestamp with time zone", "timestamptz")).toBe(csvCell(new Date("2024-01-02T03:04:05.678Z")));
    expect(await cell("2026-11-25 17:29:01.371+01", "timestamp with time zone", "timestamptz")).toBe("2026-11-25T16:29:01.371Z");
  });

  const lines = (n: number) => ({ sql: "select i from generate_series(1, $1::int) i order by i", params: [n] });
  const asText = [(text: string) => text];
  const free = () => ({ busy: t.pool.totalCount - t.pool.idleCount, waiting: t.pool.waitingCount });

  it("reads a query's lines through a cursor, a batch a fetch and one fetch ahead, on a connection it gives back", async () => {
    const batches = cursorCsvBatches(t.pool, lines(7), 3, asText);
    const first = await batches.next();
    expect(first.value).toBe("1\r\n2\r\n3\r\n");
    expect(free().busy).toBe(1);
    const rest: string[] = [];
    for await (const b of batches) rest.push(b);
    expect(rest).toEqual(["4\r\n5\r\n6\r\n", "7\r\n"]);
    expect(free()).toEqual({ busy: 0, waiting: 0 });
    const exact: string[] = [];
    for await (const b of cursorCsvBatches(t.pool, lines(6), 3, asText)) exact.push(b);
    expect(exact).toEqual(["1\r\n2\r\n3\r\n", "4\r\n5\r\n6\r\n"]);
    expect(free()).toEqual({ busy: 0, waiting: 0 });
  });

  it("a cancelled download stops reading, closes its transaction and gives its connection back to the pool", async () => {
    await t.pool.query(`insert into structures (source, formula, reduced_formula, chemsys, elements, nsites, nelements, density, volume,
                           spacegroup_number, spacegroup_symbol, structure, fingerprint)
       select 'upload', 'Ca F2', 'CaF2', 'Ca-F', '{Ca,F}', 3, 2, 3.1, 40, 225, 'F m -3 m', '{}'::jsonb, md5('s' || i)
         from generate_series(1, 12000) i`);
    const reader = structuresCsvStream(t.db, structureFilterSchema.parse({})).getReader();
    await reader.read(); // header
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first.split("\r\n").length - 1).toBe(5000);
    expect(free().busy).toBe(1);
    await reader.cancel();
    expect(free()).toEqual({ busy: 0, waiting: 0 });
    const open = await t.pool.query("select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'");
    expect(open.rows[0].n).toBe(0);
  });

  it("a query failing mid-download errors the stream and discards its connection", async () => {
    const failing = { sql: "select 1 / (3 - i) from generate_series(1, 10) i order by i", params: [] };
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const b of cursorCsvBatches(t.pool, failing, 1, asText)) seen.push(b);
      })(),
    ).rejects.toThrow(/division by zero/);
    expect(seen.length).toBeLessThanOrEqual(2);
    expect(free()).toEqual({ busy: 0, waiting: 0 });
  });
});
