import { asc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pathways } from "../../db/schema/pathways";
import { structures } from "../../db/schema/structures";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/test-database";
import { csvCell, csvLine, type CsvValue } from "./csv";
import type { SqlCsvColumn } from "./csv-sql";
import { PATHWAY_CSV_COLUMNS, pathwaysCsvStream } from "./pathway-csv";
import { pathwayFilterSchema, pathwayWhere } from "./pathway-filters";
import { fromPathways } from "./pathway-queries";
import { STRUCTURE_CSV_COLUMNS, STRUCTURE_CSV_SELECTION, structuresCsvStream } from "./structure-csv";
import { structureFilterSchema, structureWhere } from "./structure-filters";

/**
 * The CSV downloads (csv-sql.ts) against the rows read with drizzle and written with
 * csvCell (how they were written before): every cell the same text, or (numbers only) the same
 * number spelled with another exponent form. The fixture holds text that needs defusing and
 * quoting, NULLs, non-finite and extreme numbers.
 */

const TEXTS = ["=HYPERLINK(\"http://x\")", " lead", "trail\u00a0", "two\nlines", "a,b", "-1+2", "@x", "\tx", "", "Ca₂F — ü", 'q"uote'];

const FIXTURE = [
  `insert into structures (id, source, formula, reduced_formula, chemsys, elements, nsites, nelements, density, volume,
                           spacegroup_number, spacegroup_symbol, structure, fingerprint, final_energy, e_above_hull)
   select i, 'upload', case when i % 3 = 0 then ($1::text[])[1 + i % cardinality($1::text[])] else 'Ca4 F8' end, 'CaF2', 'Ca-F',
          case when i % 4 = 0 then '{=Ca,F}' else '{Ca,F}' end::text[], 4 + i, 2, 3.0 + i / 10.0, 100 + i, 225,
          case when i % 5 = 0 then ($1::text[])[1 + i % cardinality($1::text[])] else 'F m -3 m' end, '{}'::jsonb, md5('s' || i),
          (array[-1.5e-5, 1e15, 'NaN', '-Infinity', -0.0, 1e21, 2.5e-7, null])[1 + i % 8]::float8, 9.137495220239215e-05
     from generate_series(1, 40) i`,
  `insert into pathways (id, structure_id, index, length, start_frac, midpoint_frac, end_frac, start_cart, midpoint_cart, end_cart,
                         start_orbit, end_orbit, multiplicity, hops_per_ion, ion_fraction, clearance, nsites_777,
                         nsites_101010, nsites_121212, ion, max_length, start_wyckoff, images_error)
   select i, 1 + i % 40, i / 40, 1.5 + i / 7.0, '{0,0,0}', '{0,0,0}', '{0,0,0}', array[-i / 3.0, 1e-5 * i, 0.1 + 0.2]::float8[], '{0,0,0}',
          array[2.0135, 'Infinity', -0.0]::float8[], 0, 0, 1 + i % 3, case when i % 5 = 0 then null else (i * 3 % 4) / 2.0 end, 0.5,
          (i * 13 % 7) / 3.0, 1, 1, 1, case when i % 7 = 0 then ($1::text[])[1 + i % cardinality($1::text[])] else 'F' end, 5,
          case when i % 2 = 0 then ($1::text[])[1 + i % cardinality($1::text[])] end, case when i % 9 = 0 then ($1::text[])[1 + i % cardinality($1::text[])] end
     from generate_series(1, 120) i`,
  `insert into measures (pathway_id, oxidation_state, dimensionality, dimensionality_cumlengths, ewald_energy,
                         ionic_radii_overlap_cations, ionic_radii_overlap_anions, skipped)
   select id, -1, id % 4, 1, case when id % 5 = 0 then null else -(id * 11 % 9) / 1e5 end, 0.1, -0.2,
          case when id % 5 = 0 then ($1::text[])[1 + id % cardinality($1::text[])] end
     from pathways where id % 4 <> 0`,
  `insert into barriers (pathway_id, idpp_energies, idpp_barrier, relaxed_energies, relaxed_barrier, relaxed_reverse_barrier,
                         relaxed_converged, relaxed_climbing_image, energy_start, energy_midpoint, energy_end, energy_barrier, neb_images)
   select id, '[]', id / 1e6, '[]', case when id % 6 = 1 then 'NaN' else id / 7.0 end, -id * 1e-16, id % 2 = 0,
          true, -id * 1e3, 1.7976931348623157e308, -0.0, case when id % 4 = 1 then 'Infinity' else 4.9e-324 * id end, 7
     from pathways where id % 3 <> 0`,
];

/** RFC 4180 records (quoted cells may hold commas, quotes and line breaks), CRLF line ends required. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = "";
    if (text[i] === '"') {
      for (i++; ; i++) {
        if (text[i] === '"' && text[i + 1] === '"') (cell += '"'), i++;
        else if (text[i] === '"') break;
        else cell += text[i];
      }
      i++;
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\r") cell += text[i++];
    }
    record.push(cell);
    if (text[i] === ",") i++;
    else {
      expect(text.slice(i, i + 2)).toBe("\r\n");
      i += 2;
      records.push(record);
      record = [];
    }
  }
  return records;
}

/** The cells csvCell writes for the row read with drizzle. */
function expectedCells<Row extends Record<string, unknown>>(columns: readonly SqlCsvColumn<string>[], row: Row): string[] {
  return columns.map((c) => {
    const v = row[c.key] as CsvValue;
    return csvCell(c.element === undefined ? v : (v as unknown as number[])[c.element - 1]);
  });
}

/**
 * The download byte for byte as csvCell would write it, but for numbers PostgreSQL spells with
 * another exponent form (the same number: checked). Returns how many cells were spelled so.
 */
function expectSameCsv(raw: string, columns: readonly SqlCsvColumn<string>[], want: string[][]): number {
  const got = parseCsv(raw);
  expect(got[0]).toEqual(columns.map((c) => c.header));
  expect(got.length - 1).toBe(want.length);
  let respelled = 0;
  const lines = want.map((cells, r) =>
    cells.map((w, c) => {
      const g = got[r + 1][c];
      if (g === parseCsv(`${w}\r\n`)[0][0]) return w;
      const context = { row: r, column: columns[c].header, got: g, want: w };
      expect({ ...context, number: /^-?\d/.test(w) && Number(g) }).toEqual({ ...context, number: Number(w) });
      respelled++;
      return g;
    }),
  );
  expect(raw).toBe(csvLine(columns.map((c) => c.header)) + lines.map((cells) => cells.join(",") + "\r\n").join(""));
  return respelled;
}

const text = (s: ReadableStream<Uint8Array>) => new Response(s).text();

describe("CSV downloads read as PostgreSQL's text", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    for (const statement of FIXTURE) await t.pool.query(statement, statement.includes("$1") ? [TEXTS] : []);
  });
  afterAll(async () => {
    await t?.drop();
  });

  const PATHWAY_FILTERS: Record<string, string>[] = [
    {},
    { relaxedBarrierMax: "0.4" },
    { formula: "Ca4", lengthMin: "3" },
    { elements: "Ca,F", ewaldEnergyMax: "0" },
    { structureId: "3" },
    { formula: "'; drop table pathways; --" },
    { formula: "=HYPERLINK" },
  ];

  it("pathways: the rows the filters select, every cell as csvCell writes it", async () => {
    let respelled = 0;
    for (const raw of PATHWAY_FILTERS) {
      const filters = pathwayFilterSchema.parse(raw);
      const rows = await fromPathways(t.db).where(pathwayWhere(filters)).orderBy(asc(pathways.id));
      respelled += expectSameCsv(await text(pathwaysCsvStream(t.db, filters)), PATHWAY_CSV_COLUMNS, rows.map((r) => expectedCells(PATHWAY_CSV_COLUMNS, r)));
    }
    const all = await text(pathwaysCsvStream(t.db, pathwayFilterSchema.parse({})));
    for (const hard of ["'=HYPERLINK(\"\"http://x\"\")", '"two\nlines"', '" lead"', "'-1+2", "'@x", "'\tx", '"a,b"', ",,"]) expect(all).toContain(hard);
    expect(respelled).toBeGreaterThan(0); // the fixture has numbers JavaScript spells without an exponent
    expect((await t.pool.query("select count(*)::int as n from pathways")).rows[0].n).toBe(120);
  });

  it("structures: the rows the filters select, every cell as csvCell writes it", async () => {
    for (const raw of [{}, { elements: "Ca" }, { formula: "lead" }, { spacegroup: "225" }]) {
      const filters = structureFilterSchema.parse(raw);
      const rows = await t.db.select(STRUCTURE_CSV_SELECTION).from(structures).where(structureWhere(filters)).orderBy(asc(structures.id));
      expectSameCsv(await text(structuresCsvStream(t.db, filters)), STRUCTURE_CSV_COLUMNS, rows.map((r) => expectedCells(STRUCTURE_CSV_COLUMNS, r)));
    }
  });
});
