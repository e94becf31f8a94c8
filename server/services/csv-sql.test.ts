import { asc, gt, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { structures } from "../../db/schema/structures";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/test-database";
import { csvCell } from "./csv";
import { csvCellSql, keysetTextBatches, sqlCsvStream } from "./csv-sql";
import { STRUCTURE_CSV_COLUMNS, STRUCTURE_CSV_SELECTION } from "./structure-csv";

describe("keysetTextBatches", () => {
  it("asks for each batch after the last key of the previous one, reading one ahead, and stops on a short batch", async () => {
    const keys = Array.from({ length: 7 }, (_, i) => (i + 1) * 10);
    const calls: (number | null)[] = [];
    const batches = keysetTextBatches(async (after, limit) => {
      calls.push(after);
      const rows = keys.filter((k) => after === null || k > after).slice(0, limit);
      return { text: rows.length ? rows.join(";") : null, last: rows.at(-1) ?? null, n: rows.length };
    }, 3);
    const first = await batches.next();
    expect(first.value).toBe("10;20;30");
    expect(calls).toEqual([null, 30]); // the second batch is read while the first is sent
    const rest: string[] = [];
    for await (const b of batches) rest.push(b);
    expect(rest).toEqual(["40;50;60", "70"]);
    expect(calls).toEqual([null, 30, 60]);
  });

  it("ending early waits for the batch read ahead, and a failed read ahead does not escape", async () => {
    let settled = false;
    const batches = keysetTextBatches(async (after) => {
      if (after === null) return { text: "a", last: 1, n: 1 };
      await new Promise((r) => setTimeout(r, 20));
      settled = true;
      throw new Error("connection lost");
    }, 1);
    expect((await batches.next()).value).toBe("a");
    await batches.return(undefined);
    expect(settled).toBe(true);
  });
});

describe("CSV cells written by PostgreSQL", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.drop();
  });

  async function cell(value: unknown, type: string, cast: string): Promise<string> {
    const r = await t.db.execute<{ c: string | null }>(sql`select ${csvCellSql(sql`${sql.param(value)}::${sql.raw(cast)}`, type)} as c`);
    return r.rows[0].c ?? "";
  }

  it("writes text exactly as csvCell: formula starts defused, RFC 4180 quoting, what trim removes quoted", async () => {
    const texts = [
      "plain", "", "Ca F", "F m -3 m", "a,b", 'say "hi"', "two\nlines", "cr\rin", "=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)",
      "\tx", "\rx", "=a,b", " lead", "trail ", "\u00a0nbsp", "nbsp\u00a0", "\u2028ls", "ls\u2028", "\ufeffbom", "x\u3000",
      "\u2005em", "\u200bzw", "\u000bvt", "\fff", "'quoted'", "Ca₂F₄ — ü", "-", "=", " ", "\t", "\u00a0", "a\u2009b", "x\\y",
    ];
    for (const text of texts) expect([text, await cell(text, "text", "text")]).toEqual([text, csvCell(text)]);
    for (const arr of [["Ca", "F"], ["=x", "y"], ["a b", "c,d"], [" x"]]) {
      expect(await cell(arr, "text[]", "text[]")).toBe(csvCell(arr));
    }
  });

  it("writes numbers as the same numbers (exponents may be spelled differently), non-finite ones and -0 as csvCell", async () => {
    const numbers = ["0", "-0", "1", "-1.25", "0.1", "0.30000000000000004", "1e-5", "-8.208693079359008e-05", "2.639536944570864e-7",
      "1e-7", "123456.789", "1e15", "1e21", "1.7976931348623157e308", "5e-324", "-2.2250738585072014e-308", "NaN", "Infinity", "-Infinity"];
    for (const text of numbers) {
      const got = await cell(text, "double precision", "float8");
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

  it("a cancelled download stops reading and gives its connection back to the pool", async () => {
    await t.pool.query(`insert into structures (source, formula, reduced_formula, chemsys, elements, nsites, nelements, density, volume,
                           spacegroup_number, spacegroup_symbol, structure, fingerprint)
       select 'upload', 'Ca F2', 'CaF2', 'Ca-F', '{Ca,F}', 3, 2, 3.1, 40, 225, 'F m -3 m', '{}'::jsonb, md5('s' || i)
         from generate_series(1, 50) i`);
    const queries: string[] = [];
    const stream = sqlCsvStream(
      {
        ...t.db,
        execute: (q: Parameters<typeof t.db.execute>[0]) => {
          queries.push("batch");
          return t.db.execute(q);
        },
      } as typeof t.db,
      {
        selection: STRUCTURE_CSV_SELECTION,
        columns: STRUCTURE_CSV_COLUMNS,
        key: "id",
        batch: (after, limit) =>
          t.db
            .select(STRUCTURE_CSV_SELECTION)
            .from(structures)
            .where(after === null ? undefined : gt(structures.id, after))
            .orderBy(asc(structures.id))
            .limit(limit),
        batchSize: 5,
      },
    );
    const reader = stream.getReader();
    await reader.read(); // header
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first.split("\r\n").length - 1).toBe(5);
    await reader.cancel();
    expect(queries.length).toBe(2); // the first batch and the one read ahead, no more
    expect(t.pool.totalCount - t.pool.idleCount).toBe(0);
    expect(t.pool.waitingCount).toBe(0);
  });
});
