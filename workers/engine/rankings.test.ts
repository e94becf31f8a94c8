import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { percolation } from "../../db/schema/index";
import { measuresStage } from "../stages/measures";
import { pathwaysStage } from "../stages/pathways";
import { compilePriority } from "./criteria";
import { rankingOrder, rankingResolver, rankingsFor } from "./rankings";

const dialect = new PgDialect();

describe("rankings", () => {
  it("reach the percolation table through the input's structure: the input itself, or a pathway's structure_id", () => {
    const onStructures = rankingOrder("lowest-percolation-barrier", pathwaysStage).map((s) => dialect.sqlToQuery(s).sql);
    expect(onStructures).toEqual([
      '(select pc.percolation_1d from percolation pc where pc.structure_id = "structures"."id") asc nulls last',
    ]);
    const onPathways = rankingOrder("lowest-percolation-barrier", measuresStage).map((s) => dialect.sqlToQuery(s).sql);
    expect(onPathways).toEqual([
      '(select pc.percolation_1d from percolation pc where pc.structure_id = "pathways"."structure_id") asc nulls last',
    ]);
  });

  it("are compiled in place of a { ranking } priority entry, beside column entries", () => {
    const order = compilePriority(
      [{ column: "length", dir: "asc" }, { ranking: "newest-structures-first" }],
      measuresStage.criteriaColumns,
      rankingResolver(measuresStage),
    ).map((s) => dialect.sqlToQuery(s).sql);
    expect(order).toEqual([
      '"pathways"."length" asc nulls last',
      '(select s.created_at from structures s where s.id = "pathways"."structure_id") desc',
    ]);
  });

  it("refuse names not registered, and a ranking without a resolver", () => {
    expect(() => rankingOrder("nope", pathwaysStage)).toThrow(/unknown ranking nope/);
    expect(() => compilePriority([{ ranking: "lowest-percolation-barrier" }], pathwaysStage.criteriaColumns)).toThrow(/cannot be used here/);
    // A stage reading neither structures nor pathways has no structure to rank by.
    const other = { name: "other", input: { ...pathwaysStage.input, table: percolation } };
    expect(rankingsFor(other)).toEqual([]);
    expect(() => rankingOrder("lowest-percolation-barrier", other)).toThrow(/does not apply to stage other/);
  });
});
