import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { structureFilterSchema, structureListSchema, structureWhere } from "./structure-filters";

const dialect = new PgDialect();
const toQuery = (raw: Record<string, unknown>) => {
  const where = structureWhere(structureFilterSchema.parse(raw));
  return where ? dialect.sqlToQuery(where) : null;
};

describe("structure list query", () => {
  it("reads the URL's strings into typed values with defaults", () => {
    expect(structureListSchema.parse({ elements: "Ca, F", nsitesMax: "20", page: "2", formula: "" })).toEqual({
      elements: ["Ca", "F"],
      nsitesMax: 20,
      page: 2,
      sort: "created",
      dir: "desc",
      pageSize: 25,
    });
  });

  it("refuses sort keys, directions, page sizes and elements outside the whitelist", () => {
    expect(structureListSchema.safeParse({ sort: "fingerprint" }).success).toBe(false);
    expect(structureListSchema.safeParse({ dir: "sideways" }).success).toBe(false);
    expect(structureListSchema.safeParse({ pageSize: "1000" }).success).toBe(false);
    expect(structureListSchema.safeParse({ elements: "Ca,Xx" }).success).toBe(false);
  });

  it("has no condition without filters", () => {
    expect(toQuery({})).toBeNull();
  });

  it("binds every user value as a parameter, never as SQL text", () => {
    const q = toQuery({ elements: "Ca,F", formula: "x'; drop table structures; --", nsitesMin: "2", spacegroup: "P 21/c" })!;
    expect(q.sql).not.toContain("drop table");
    expect(q.sql).not.toContain("P21/c");
    expect(q.params).toEqual(expect.arrayContaining(["%x';droptablestructures;--%", 2, "P21/c"]));
    // The element list travels as one array parameter (a PostgreSQL array literal).
    expect(q.params).toContain('{"Ca","F"}');
  });

  it("matches LIKE wildcards literally and space groups by number", () => {
    expect(toQuery({ formula: "50%_" })!.params).toContain("%50\\%\\_%");
    const bySymbol = toQuery({ spacegroup: "225" })!;
    expect(bySymbol.sql).toContain('"spacegroup_number" = $1');
    expect(bySymbol.params).toEqual([225]);
  });
});
