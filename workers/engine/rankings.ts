import { getTableName, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { pathways, structures } from "../../db/schema/index";
import type { StageDeclaration } from "./define-stage";

// Rankings depend only on a stage's input, not its params or rows.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RankedStage = Pick<StageDeclaration<any, any, any>, "name" | "input">;

/**
 * An ordering too rich for a list of whitelisted columns (it reads another table), written in code
 * and chosen in settings by name: settings hold `{ ranking: name }`, never SQL.
 */
export interface Ranking {
  name: string;
  label: string;
  /** The ORDER BY terms for the stage, or undefined when the ranking does not apply to its input. */
  orderBy(stage: RankedStage): SQL[] | undefined;
}

/** The structure an input belongs to: the input itself for structure stages, its structure for pathway stages. */
function structureIdOf(stage: RankedStage): AnyPgColumn | undefined {
  const table = getTableName(stage.input.table);
  if (table === getTableName(structures)) return structures.id;
  if (table === getTableName(pathways)) return pathways.structureId;
  return undefined;
}

/**
 * The percolation table is read through a scalar subquery rather than a join: it has at most one
 * row per structure (unique structure_id), and an input whose structure has no percolation result
 * yet must stay eligible, only ranked last.
 */
const lowestPercolationBarrier: Ranking = {
  name: "lowest-percolation-barrier",
  label: "Lowest framework percolation barrier first (structures without one last)",
  orderBy(stage) {
    const structureId = structureIdOf(stage);
    if (!structureId) return undefined;
    // The 1D level is the lowest at which the ion percolates at all (2D and 3D need at least as much).
    return [sql`(select pc.percolation_1d from percolation pc where pc.structure_id = ${structureId}) asc nulls last`];
  },
};

const newestStructuresFirst: Ranking = {
  name: "newest-structures-first",
  label: "Most recently imported structures first",
  orderBy(stage) {
    const structureId = structureIdOf(stage);
    if (!structureId) return undefined;
    return [sql`(select s.created_at from structures s where s.id = ${structureId}) desc`];
  },
};

export const RANKINGS: readonly Ranking[] = [lowestPercolationBarrier, newestStructuresFirst];

/** The rankings that apply to a stage, for the settings page's choices. */
export function rankingsFor(stage: RankedStage): Array<{ name: string; label: string }> {
  return RANKINGS.filter((r) => r.orderBy(stage) !== undefined).map(({ name, label }) => ({ name, label }));
}

/** The ORDER BY terms of a ranking for a stage; throws on an unknown name or one that does not apply. */
export function rankingOrder(name: string, stage: RankedStage): SQL[] {
  const ranking = RANKINGS.find((r) => r.name === name);
  if (!ranking) throw new Error(`unknown ranking ${name}; rankings: ${RANKINGS.map((r) => r.name).join(", ")}`);
  const order = ranking.orderBy(stage);
  if (!order) throw new Error(`ranking ${name} does not apply to stage ${stage.name}`);
  return order;
}

/** compilePriority's resolver for one stage. */
export const rankingResolver = (stage: RankedStage) => (name: string) => rankingOrder(name, stage);
