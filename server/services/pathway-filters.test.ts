import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { pathwayFilterSchema, pathwayFilterTables, pathwayListSchema, pathwayOrderBy, pathwayWhere } from "./pathway-filters";

const dialect = new PgDialect();
const toQuery = (raw: Record<string, unknown>) => {
  const where = pathwayWhere(pathwayFilterSchema.parse(raw));
  return where ? dialect.sqlToQuery(where) : null;
};

describe("pathway list query", () => {
  it("reads range bounds for pathway, measure and barrier columns from the URL's strings", () => {
    const q = pathwayListSchema.parse({ lengthMax: "4", relaxedBarrierMax: "0.5", dimensionalityMin: "2", clearanceMin: "" });
    expect(q).toMatchObject({ lengthMax: 4, relaxedBarrierMax: 0.5, dimensionalityMin: 2, sort: "structure", dir: "asc", page: 1, pageSize: 25 });
    expect(q.clearanceMin).toBeUndefined();
  });

  it("refuses sort keys, bounds and page sizes outside the whitelist", () => {
    expect(pathwayListSchema.safeParse({ sort: "images" }).success).toBe(false);
    expect(pathwayListSchema.safeParse({ lengthMax: "4; drop table pathways" }).success).toBe(false);
    expect(pathwayListSchema.safeParse({ pageSize: "1000" }).success).toBe(false);
    expect(pathwayListSchema.safeParse({ elements: "Ca,Xx" }).success).toBe(false);
  });

  it("binds every bound as a parameter and reuses the structures' text filters", () => {
    const q = toQuery({ formula: "x'; drop table pathways; --", lengthMax: "4", relaxedBarrierMin: "0.1", structureId: "7" })!;
    expect(q.sql).not.toContain("drop table");
    expect(q.sql).toContain('"barriers"."relaxed_barrier" >= $');
    expect(q.sql).toContain('"pathways"."length" <= $');
    expect(q.params).toEqual(expect.arrayContaining([4, 0.1, 7]));
  });

  it("sorts missing results last in both directions, with the id as tie-breaker", () => {
    for (const dir of ["asc", "desc"] as const) {
      const sql = pathwayOrderBy("relaxedBarrier", dir).map((s) => dialect.sqlToQuery(s).sql).join(", ");
      expect(sql).toBe(`"barriers"."relaxed_barrier" ${dir} nulls last, "pathways"."id" ${dir}`);
    }
  });

  it("names the tables a filter reads, so a count or a page's keys can leave the others out", () => {
    const tables = (raw: Record<string, unknown>) => [...pathwayFilterTables(pathwayFilterSchema.parse(raw))].sort();
    expect(tables({})).toEqual([]);
    expect(tables({ relaxedBarrierMax: "0.4", dimensionalityMin: "2" })).toEqual(["barriers", "measures"]);
    expect(tables({ elements: "Ca", lengthMax: "4" })).toEqual(["pathways", "structures"]);
    expect(tables({ structureId: "3", ewaldEnergyMin: "" })).toEqual(["pathways"]);
    expect(tables({ spacegroup: "225", energyBarrierMin: "0" })).toEqual(["barriers", "structures"]);
  });
});
