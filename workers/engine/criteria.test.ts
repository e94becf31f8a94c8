import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { pathways, structures } from "../../db/schema/index";
import { compileCriteria, compilePriority, criteriaColumnsOf, mergeCriteriaColumns } from "./criteria";

const dialect = new PgDialect();
const columns = criteriaColumnsOf(structures, ["fingerprint"]);
const compile = (criteria: Parameters<typeof compileCriteria>[0], params: Record<string, unknown> = {}) =>
  dialect.sqlToQuery(compileCriteria(criteria, columns, params));

describe("criteria compiled to SQL", () => {
  it("binds every value as a parameter, cast to the column's type", () => {
    const q = compile(
      [
        { column: "elements", op: "contains", value: { param: "ion" } },
        { column: "nsites", op: "lte", value: 40 },
        { column: "spacegroup_number", op: "in", value: [225, 221] },
        { column: "reduced_formula", op: "ne", value: "x'; drop table structures; --" },
      ],
      { ion: "F" },
    );
    expect(q.sql).toBe(
      '("structures"."elements" @> cast($1 as text[])) and ("structures"."nsites" <= cast($2 as integer))' +
        ' and ("structures"."spacegroup_number" = any(cast($3 as integer[])))' +
        ' and ("structures"."reduced_formula" <> cast($4 as text))',
    );
    expect(q.params).toEqual([["F"], 40, [225, 221], "x'; drop table structures; --"]);
  });

  it("is true without criteria", () => {
    expect(compile([]).sql).toBe("true");
  });

  it("refuses columns outside the whitelist, operators that do not fit, and values of the wrong type", () => {
    expect(() => compile([{ column: "fingerprint", op: "eq", value: "a" }])).toThrow(/unknown criteria column/);
    expect(() => compile([{ column: "structure", op: "eq", value: "a" }])).toThrow(/unknown criteria column/);
    expect(() => compile([{ column: "nsites", op: "contains", value: 3 }])).toThrow(/does not apply/);
    expect(() => compile([{ column: "nsites", op: "raw" as "eq", value: 3 }])).toThrow();
    expect(() => compile([{ column: "nsites", op: "gt", value: "3 or true" }])).toThrow();
    expect(() => compile([{ column: "elements", op: "contains", value: { param: "missing" } }])).toThrow(/unknown parameter/);
  });

  it("orders by the priority, nulls last, and refuses unknown columns", () => {
    const order = compilePriority([{ column: "e_above_hull", dir: "asc" }, { column: "nsites", dir: "desc" }], columns);
    expect(order.map((o) => dialect.sqlToQuery(o).sql)).toEqual([
      '"structures"."e_above_hull" asc nulls last',
      '"structures"."nsites" desc nulls last',
    ]);
    expect(() => compilePriority([{ column: "id; drop", dir: "asc" }], columns)).toThrow(/unknown priority column/);
  });

  it("compiles criteria over an input and its joined tables, and refuses a name two tables give", () => {
    const joined = mergeCriteriaColumns(criteriaColumnsOf(pathways), criteriaColumnsOf(structures, ["id", "created_at", "fingerprint"]));
    const q = dialect.sqlToQuery(
      compileCriteria([{ column: "nsites_777", op: "lte", value: 150 }, { column: "nsites", op: "lte", value: 12 }], joined, {}),
    );
    expect(q.sql).toBe('("pathways"."nsites_777" <= cast($1 as integer)) and ("structures"."nsites" <= cast($2 as integer))');
    expect(() => mergeCriteriaColumns(criteriaColumnsOf(pathways), criteriaColumnsOf(structures))).toThrow(/criteria column id is named by two tables/);
  });
});
