import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { barriers } from "../../db/schema/barriers";
import { measures } from "../../db/schema/measures";
import { pathways } from "../../db/schema/pathways";
import { structures } from "../../db/schema/structures";
import { PATHWAY_SORT_KEYS, pathwayListSchema, pathwayOrderBy, pathwayWhere, type PathwayListQuery, type PathwaySortKey } from "../../server/services/pathway-filters";
import { fromPathways, listPathways } from "../../server/services/pathway-queries";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

/**
 * listPathways reads a page's ids over the tables its filters and sort need (in an index's order
 * where there is one, missing values appended after) and counts the same way. This compares it with
 * the plain statement it replaces (every table joined, ORDER BY … NULLS LAST, id, OFFSET/LIMIT, and a
 * count over the same joins) on a small database where results are missing, partly missing (NULL
 * within a row) and tied, for every sort key, both directions, every page, and filters on each table.
 */

let t: TestDatabase;

/** The list as one statement over every join: the definition the faster queries must match. */
async function referenceList(db: Database, q: PathwayListQuery) {
  const where = pathwayWhere(q);
  const rows = await fromPathways(db)
    .where(where)
    .orderBy(...pathwayOrderBy(q.sort as PathwaySortKey, q.dir))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await db
    .select({ total: count() })
    .from(pathways)
    .innerJoin(structures, eq(structures.id, pathways.structureId))
    .leftJoin(measures, eq(measures.pathwayId, pathways.id))
    .leftJoin(barriers, eq(barriers.pathwayId, pathways.id))
    .where(where);
  return { rows, total };
}

// 7 structures, 90 pathways (ids not in structure order), measures on 3 of 4 (some without the
// charge-based measures), barriers on 2 of 3; few distinct values, so sorts tie often.
const FIXTURE = [
  `insert into structures (id, source, formula, reduced_formula, chemsys, elements, nsites, nelements, density, volume,
                           spacegroup_number, spacegroup_symbol, structure, fingerprint)
   select i, 'upload', (array['Ca4 F8', 'Li4 F4', 'K1 Mg1 F3', 'Ba2 F4', 'Ca1 F2', 'Sr4 F8', 'Li1 Cl1'])[i],
          (array['CaF2', 'LiF', 'KMgF3', 'BaF2', 'CaF2', 'SrF2', 'LiCl'])[i], 'x',
          (array['{Ca,F}', '{F,Li}', '{F,K,Mg}', '{Ba,F}', '{Ca,F}', '{F,Sr}', '{Cl,Li}'])[i]::text[],
          4 + i, 2, 3.0 + i / 10.0, 100 + i, (array[225, 225, 221, 225, 62, 221, 225])[i],
          (array['Fm-3m', 'Fm-3m', 'Pm-3m', 'Fm-3m', 'Pnma', 'Pm-3m', 'Fm-3m'])[i], '{}'::jsonb, md5('s' || i)
     from generate_series(1, 7) i`,
  `insert into pathways (id, structure_id, index, length, start_frac, midpoint_frac, end_frac, start_cart, midpoint_cart, end_cart,
                         start_orbit, end_orbit, multiplicity, hops_per_ion, ion_fraction, clearance, nsites_777,
                         nsites_101010, nsites_121212, ion, max_length)
   select (i * 37) % 97, 1 + i % 7, i / 7, 1.5 + (i * 7 % 10) / 4.0, '{0,0,0}', '{0,0,0}', '{0,0,0}', '{0,0,0}', '{0,0,0}', '{0,0,0}',
          0, 0, 1 + i % 3, case when i % 5 = 0 then null else (i * 3 % 4) / 2.0 end, 0.5, (i * 13 % 7) / 3.0, 1, 1, 1, 'F', 5
     from generate_series(1, 90) i`,
  `insert into measures (pathway_id, oxidation_state, dimensionality, dimensionality_cumlengths, ewald_energy,
                         ionic_radii_overlap_cations, ionic_radii_overlap_anions, skipped)
   select id, -1, id * 3 % 4, (id * 3 % 4 + 1) % 4, case when id % 5 = 0 then null else (id * 11 % 9) / 10.0 end,
          case when id % 5 = 0 then null else (id % 3) / 10.0 end, case when id % 5 = 0 then null else -(id % 4) / 10.0 end,
          case when id % 5 = 0 then 'no charge-balanced oxidation states' end
     from pathways where id % 4 <> 0`,
  `insert into barriers (pathway_id, idpp_energies, idpp_barrier, relaxed_energies, relaxed_barrier, relaxed_reverse_barrier,
                         relaxed_converged, relaxed_climbing_image, energy_start, energy_midpoint, energy_end, energy_barrier, neb_images)
   select id, '[]', (id * 5 % 9) / 10.0, '[]', (id * 17 % 7) / 10.0, (id * 2 % 5) / 10.0, id % 2 = 0, true,
          -(id % 3) / 10.0, (id % 4) / 10.0, 0, (id * 5 % 6) / 10.0, 9
     from pathways where id % 3 <> 0`,
];

beforeAll(async () => {
  t = await createTestDatabase();
  for (const statement of FIXTURE) await t.pool.query(statement);
  await t.pool.query("analyze");
});
afterAll(async () => {
  await t?.drop();
});

/** Every page of a query (and one past the end) through both, compared row by row with the totals. */
async function expectSamePages(raw: Record<string, unknown>) {
  const first = pathwayListSchema.parse({ ...raw, pageSize: 10 });
  const reference = await referenceList(t.db, first);
  const pages = Math.ceil(reference.total / 10) + 1;
  const all: unknown[] = [];
  await Promise.all(
    Array.from({ length: pages }, async (_, i) => {
      const q = { ...first, page: i + 1 };
      const [got, want] = await Promise.all([listPathways(t.db, q), referenceList(t.db, q)]);
      expect({ query: raw, page: q.page, total: got.total, rows: got.rows }).toEqual({ query: raw, page: q.page, ...want });
      all[i] = got.rows;
    }),
  );
  // The pages together are every row exactly once.
  const ids = all.flat().map((r) => (r as { id: number }).id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBe(reference.total);
}

const FILTERS: Record<string, unknown>[] = [
  {},
  { relaxedBarrierMax: 0.4 },
  { dimensionalityMin: 2 },
  { relaxedBarrierMax: 0.4, dimensionalityMin: 2 },
  { ewaldEnergyMin: 0.3, energyBarrierMax: 0.3 },
  { elements: "F", formula: "Ca" },
  { spacegroup: "225", relaxedBarrierMin: 0.2 },
  { structureId: 2 },
  { lengthMax: 3, dimensionalityMax: 2 },
  { hopsPerIonMin: 0.5 },
];

describe("pathways list pages read over the narrow queries", () => {
  it("the fixture has missing, partly missing and tied values", async () => {
    const r = await t.pool.query(`select
        (select count(*)::int from pathways p where not exists (select 1 from barriers b where b.pathway_id = p.id)) as no_barrier,
        (select count(*)::int from pathways p where not exists (select 1 from measures m where m.pathway_id = p.id)) as no_measures,
        (select count(*)::int from measures where ewald_energy is null) as null_ewald,
        (select count(*)::int - count(distinct relaxed_barrier)::int from barriers) as barrier_ties`);
    const f = r.rows[0];
    for (const k of ["no_barrier", "no_measures", "null_ewald", "barrier_ties"]) expect(f[k], k).toBeGreaterThan(5);
  });

  it("gives the same rows, order and total for every sort key in both directions", async () => {
    for (const sort of PATHWAY_SORT_KEYS) for (const dir of ["asc", "desc"]) await expectSamePages({ sort, dir });
  });

  it("gives the same rows, order and total under filters on each table, sorted by results and by the structure", async () => {
    const sorts = ["relaxedBarrier", "energyBarrier", "ewaldEnergy", "dimensionality", "hopsPerIon", "length", "structure", "formula", "spacegroup"];
    for (const filter of FILTERS) {
      for (const sort of sorts) for (const dir of ["asc", "desc"]) await expectSamePages({ ...filter, sort, dir });
    }
  });

  it("agrees for other page sizes and far past the last page", async () => {
    for (const pageSize of [25, 50]) {
      for (const page of [1, 2, 3, 4, 1000]) {
        const q = pathwayListSchema.parse({ sort: "relaxedBarrier", dir: "desc", page, pageSize });
        const [got, want] = await Promise.all([listPathways(t.db, q), referenceList(t.db, q)]);
        expect({ rows: got.rows, total: got.total }).toEqual(want);
      }
    }
  });
});
