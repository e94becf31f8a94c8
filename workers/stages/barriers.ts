import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { barriers, measures, pathways, structures, type NewBarriersRow } from "../../db/schema/index";
import { pathwayBarrier, type PathwayBarrier } from "../../lib/analysis/pathway-barrier";
import type { HopImages } from "../../lib/interpolation/hop-images";
import type { Structure } from "../../lib/structure/structure";
import type { Vec3 } from "../../lib/structure/vector";
import { criteriaColumnsOf, mergeCriteriaColumns } from "../engine/criteria";
import { defineStage } from "../engine/define-stage";
import { replaceOnConflict } from "../engine/replace-on-conflict";
import { oxidationStatesOf, structureCriteriaColumns } from "./measures";

export const barrierParams = z.object({
  /** Movable NEB images, at least (more when the IDPP band has more), as analyze's nebImages. */
  nebImages: z.number().int().min(1).max(60),
});
export type BarrierParams = z.infer<typeof barrierParams>;

export interface BarrierInput {
  pathwayId: number;
  structure: Structure;
  startCart: Vec3;
  images: HopImages | null;
  imagesError: string | null;
}

/**
 * BVSE barriers of one stored pathway, as analyzeStructure computes them (same oxidation states,
 * the stored IDPP band). What analyze reports as skipped (no charges, no band) fails the run here
 * with that reason: the default criteria let only charged pathways with measured bands through.
 */
export function computeBarrier(input: BarrierInput, params: BarrierParams): PathwayBarrier {
  if (!input.images) throw new Error(`no IDPP images: ${input.imagesError ?? "none stored"}`);
  const oxidation = oxidationStatesOf(input.structure);
  if (!oxidation.states) throw new Error(oxidation.error);
  return pathwayBarrier({
    structure: input.structure,
    oxidationStates: oxidation.states,
    pathway: { startCart: input.startCart },
    images: input.images,
    nebImages: params.nebImages,
  });
}

async function loadBarrierInput(db: Database, key: string): Promise<BarrierInput | undefined> {
  const id = Number(key);
  if (!Number.isSafeInteger(id)) return undefined;
  const [row] = await db
    .select({
      pathwayId: pathways.id,
      structure: structures.structure,
      startCart: pathways.startCart,
      images: pathways.images,
      imagesError: pathways.imagesError,
    })
    .from(pathways)
    .innerJoin(structures, eq(structures.id, pathways.structureId))
    .where(eq(pathways.id, id));
  return row;
}

const rowOf = (pathwayId: number, b: PathwayBarrier, params: BarrierParams): NewBarriersRow => ({
  pathwayId,
  idppEnergies: b.idpp.energies,
  idppBarrier: b.idpp.barrier,
  relaxedEnergies: b.relaxed.energies,
  relaxedBarrier: b.relaxed.barrier,
  relaxedReverseBarrier: b.relaxed.reverseBarrier,
  relaxedConverged: b.relaxed.converged,
  relaxedClimbingImage: b.relaxed.climbingImage,
  energyStart: b.energyStart,
  energyMidpoint: b.energyMidpoint,
  energyEnd: b.energyEnd,
  energyBarrier: b.energyBarrier,
  nebImages: params.nebImages,
});

/**
 * Barriers stage: BVSE profiles (IDPP and relaxed NEB) of the pathways that pass the original
 * workflow's screen on their measures and sizes, smallest supercells first. Its input is a pathway
 * joined with its measures (so a pathway waits until measured) and its structure.
 */
export const barriersStage = defineStage<BarrierInput, BarrierParams, PathwayBarrier>({
  name: "barriers",
  input: {
    table: pathways,
    key: pathways.id,
    join: [
      { table: measures, on: eq(measures.pathwayId, pathways.id) },
      { table: structures, on: eq(structures.id, pathways.structureId) },
    ],
  },
  output: { table: barriers, key: barriers.pathwayId },
  defaults: {
    // The original workflow's screen; a null measure (no charges or band) fails it.
    criteria: [
      { column: "dimensionality", op: "gte", value: 1 },
      { column: "oxidation_state", op: "eq", value: -1 },
      { column: "ionic_radii_overlap_cations", op: "gt", value: -1 },
      { column: "ionic_radii_overlap_anions", op: "gt", value: -1 },
      { column: "nsites_777", op: "lte", value: 150 },
      { column: "nsites", op: "lte", value: 12 },
    ],
    priority: [
      { column: "nsites_777", dir: "asc" },
      { column: "nsites", dir: "asc" },
      { column: "length", dir: "asc" },
    ],
    concurrency: 2,
    params: { nebImages: 9 },
    timeLimitSeconds: 900,
  },
  params: barrierParams,
  criteriaColumns: mergeCriteriaColumns(
    criteriaColumnsOf(pathways),
    criteriaColumnsOf(measures, ["id", "pathway_id", "created_at", "updated_at"]),
    structureCriteriaColumns(),
  ),
  load: loadBarrierInput,
  run: (input, params) => [computeBarrier(input, params)],
  async write(tx, input, rows, params) {
    const written = await tx
      .insert(barriers)
      .values(rows.map((b) => rowOf(input.pathwayId, b, params)))
      .onConflictDoUpdate({ target: barriers.pathwayId, set: replaceOnConflict(barriers, ["pathwayId"]) })
      .returning({ id: barriers.id });
    return written.map((w) => w.id);
  },
  describe: ([b]) =>
    `IDPP barrier ${b.idpp.barrier.toFixed(3)} eV, relaxed ${b.relaxed.barrier.toFixed(3)} eV` +
    (b.relaxed.converged ? "" : " (NEB not converged)"),
});
