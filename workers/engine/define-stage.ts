import type { SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Database } from "../../db/client";
import type { AutoBroadenSetting, CriterionSetting, PrioritySetting } from "../../db/schema/index";
import { compileCriteria, compilePriority } from "./criteria";
import type { Transaction } from "../../db/transaction";
import { rankingResolver } from "./rankings";

/** A drizzle transaction: stage writes happen inside the engine's transaction that also finishes the run. */
export type { Transaction };

/** The settings a stage starts with; afterwards they live in stage_settings and change at run time. */
export interface StageDefaults<P> {
  criteria: CriterionSetting[];
  priority: PrioritySetting[];
  concurrency: number;
  params: P;
  autoBroaden?: AutoBroadenSetting | null;
  timeLimitSeconds?: number;
}

export interface StageDeclaration<Input, P, Row> {
  /** Stage name: the stage_runs.stage value, the settings key, and (as `stage:<name>`) the task identifier. */
  name: string;
  input: {
    table: PgTable;
    /** The input's key column; stage_runs.input_key holds its value as text. */
    key: AnyPgColumn;
    /** Upstream tables joined to the input so that their columns can be used in criteria and priority. */
    join?: Array<{ table: PgTable; on: SQL }>;
  };
  output: {
    table: PgTable;
    /** The output column referring to the input: an input with rows here has a result already. */
    key: AnyPgColumn;
  };
  defaults: StageDefaults<P>;
  params: z.ZodType<P>;
  /** Column names usable in criteria and priority, mapped to columns of the input or joined tables. */
  criteriaColumns: Record<string, AnyPgColumn>;
  /** Attempts per claim before the run is failed for good (retryable errors, workers that died). */
  maxAttempts?: number;
  /** Loads the input the compute gets; default: the input row. Runs in the job, outside the compute thread. */
  load?: (db: Database, key: string) => Promise<Input | undefined>;
  /**
   * URL of the module exporting this declaration, for a stage not listed in workers/stages/index.ts
   * (a benchmark's or a test's): the compute thread imports it to find `run`. Default: the stage list.
   */
  module?: string;
  /** The computation: a pure function of the input and params (it runs in a worker thread). */
  run: (input: Input, params: P) => Row[];
  /**
   * Inputs one job may compute: its own and up to batchSize - 1 queued siblings, written in one
   * transaction (workers/engine/batch-runs.ts). For stages whose computation costs about what the
   * engine's statements per input cost (milliseconds), and far less than the time limit: a batch's
   * inputs run one after another. A job takes at most half the stage's waiting jobs, so a stage with
   * few runs in flight still spreads them over the workers. Default 1 (no batch).
   */
  batchSize?: number;
  /** Writes the rows idempotently (re-running the same input updates, never duplicates); returns their ids. */
  write: (tx: Transaction, input: Input, rows: Row[], params: P) => Promise<number[]>;
  /** Human-readable outcome for stage_runs.note. */
  describe?: (rows: Row[], params: P) => string;
  /**
   * Which finished runs to reopen after auto-broaden changed the params (a condition on stage_runs,
   * e.g. "fewer results than wanted"); default: every finished run.
   */
  reopenOnBroaden?: (params: P) => SQL | undefined;
}

// The engine handles stages of any input, params and row type side by side.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyStage = StageDeclaration<any, any, any>;

export const DEFAULT_TIME_LIMIT_SECONDS = 600;
export const DEFAULT_MAX_ATTEMPTS = 3;

/** Checks a stage declaration once, where it is written, so a bad default fails at import time. */
export function defineStage<Input, P, Row>(declaration: StageDeclaration<Input, P, Row>): StageDeclaration<Input, P, Row> {
  if (!/^[a-z][a-z0-9-]*$/.test(declaration.name)) throw new Error(`stage name must be kebab-case: ${declaration.name}`);
  const { batchSize } = declaration;
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize >= 1)) throw new Error(`${declaration.name}: batchSize must be a whole number ≥ 1`);
  const { defaults, criteriaColumns } = declaration;
  const params = declaration.params.parse(defaults.params) as Record<string, unknown>;
  compileCriteria(defaults.criteria, criteriaColumns, params);
  compilePriority(defaults.priority, criteriaColumns, rankingResolver(declaration));
  return declaration;
}

/** The graphile-worker task identifier of a stage. */
export const stageTaskIdentifier = (name: string) => `stage:${name}`;
/** The graphile-worker job key of one input of a stage: at most one job per input. */
export const stageJobKey = (name: string, inputKey: string) => `${name}:${inputKey}`;
