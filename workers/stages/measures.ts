import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { measures, pathways, structures, type NewMeasuresRow } from "../../db/schema/index";
import { pathwayMeasures, type PathwayMeasures } from "../../lib/analysis/pathway-measures";
import type { HopImages } from "../../lib/interpolation/hop-images";
import { assignOxidationStates } from "../../lib/oxidation/index";
import type { EquivalentHop } from "../../lib/pathways/distinct-hops";
import type { Structure } from "../../lib/structure/structure";
import type { Vec3 } from "../../lib/structure/vector";
import { criteriaColumnsOf, mergeCriteriaColumns } from "../engine/criteria";
import { defineStage } from "../engine/define-stage";
import { replaceOnConflict } from "../engine/replace-on-conflict";

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The structure's oxidation states as `hopscape analyze` assigns them, or why there are none (the
 * reason worded as analyze words it). Assigned in the compute thread of each run: it is cheap next to
 * the measures and barriers, and keeps them functions of the stored structure alone.
 */
export function oxidationStatesOf(structure: Structure): { states: number[]; error: null } | { states: null; error: string } {
  try {
    return { states: assignOxidationStates(structure), error: null };
  } catch (e) {
    return { states: null, error: `no oxidation states: ${message(e)}` };
  }
}

/** Whitelisted columns of the structure a pathway belongs to (its id is the pathway's structure_id). */
export const structureCriteriaColumns = () => criteriaColumnsOf(structures, ["id", "created_at", "source_id", "fingerprint"]);

/** One stored hop with what the dimensionality needs. */
interface StoredHop {
  index: number;
  lengthA: number;
  hops: EquivalentHop[] | null;
}

export interface MeasuresInput {
  pathwayId: number;
  structure: Structure;
  pathway: StoredHop & { startCart: Vec3; startSite: number | null; images: HopImages | null; imagesError: string | null };
  /** Every stored hop of the structure, this one included: the cumulative dimensionality counts the shorter ones. */
  structureHops: StoredHop[];
}

export type MeasuresResult = PathwayMeasures & { skipped: string | null };

/**
 * The measures of one stored pathway, computed as analyzeStructure computes them: the same
 * oxidation states, the structure's hop list, and the stored IDPP band. Without charges or band the
 * charge-based measures are null and `skipped` gives the reasons, as analyze's `skipped` does.
 */
export function computeMeasures(input: MeasuresInput): MeasuresResult {
  const { structure, pathway } = input;
  if (pathway.hops === null || pathway.startSite === null || input.structureHops.some((h) => h.hops === null)) {
    throw new Error("the structure's pathways were stored without their equivalent hops; run the pathways stage on it again");
  }
  const oxidation = oxidationStatesOf(structure);
  const reasons = oxidation.error ? [oxidation.error] : [];
  if (!pathway.images) reasons.push(`no IDPP images: ${pathway.imagesError ?? "none stored"}`);
  const anchor = { lengthA: pathway.lengthA, hops: pathway.hops, startCart: pathway.startCart, startSite: pathway.startSite };
  // The pathway itself must be the same object in the list: the cumulative network counts it once by identity.
  const all = input.structureHops.map((h) => (h.index === pathway.index ? anchor : { lengthA: h.lengthA, hops: h.hops! }));
  const result = pathwayMeasures({ structure, oxidationStates: oxidation.states, pathways: all, pathway: anchor, images: pathway.images });
  return { ...result, skipped: reasons.length > 0 ? reasons.join("; ") : null };
}

async function loadMeasuresInput(db: Database, key: string): Promise<MeasuresInput | undefined> {
  const id = Number(key);
  if (!Number.isSafeInteger(id)) return undefined;
  const [row] = await db
    .select({ pathway: pathways, structure: structures.structure })
    .from(pathways)
    .innerJoin(structures, eq(structures.id, pathways.structureId))
    .where(eq(pathways.id, id));
  if (!row) return undefined;
  const p = row.pathway;
  const structureHops = await db
    .select({ index: pathways.index, lengthA: pathways.length, hops: pathways.hops })
    .from(pathways)
    .where(eq(pathways.structureId, p.structureId))
    .orderBy(asc(pathways.index));
  return {
    pathwayId: p.id,
    structure: row.structure,
    pathway: {
      index: p.index,
      lengthA: p.length,
      hops: p.hops,
      startCart: p.startCart,
      startSite: p.startSite,
      images: p.images,
      imagesError: p.imagesError,
    },
    structureHops,
  };
}

/** No parameters: the measures are fixed functions of the stored pathway (the pathways stage's params shaped it). */
const measuresParams = z.object({});
type MeasuresParams = z.infer<typeof measuresParams>;

const rowOf = (pathwayId: number, r: MeasuresResult): NewMeasuresRow => ({ pathwayId, ...r });

/**
 * Measures stage: per pathway, the original workflow's oxidation_state, dimensionality,
 * dimensionality_cumlengths, ewald_energy and ionic_radii_overlap_* columns. Every pathway gets a
 * row (a structure without oxidation states still has dimensionalities), smallest structures and
 * shortest hops first. Only a pathway stored without its hops fails: its structure needs re-running.
 */
export const measuresStage = defineStage<MeasuresInput, MeasuresParams, MeasuresResult>({
  name: "measures",
  input: {
    table: pathways,
    key: pathways.id,
    join: [{ table: structures, on: eq(structures.id, pathways.structureId) }],
  },
  output: { table: measures, key: measures.pathwayId },
  defaults: {
    criteria: [],
    priority: [
      { column: "nsites", dir: "asc" },
      { column: "length", dir: "asc" },
    ],
    concurrency: 2,
    params: {},
    timeLimitSeconds: 600,
  },
  params: measuresParams,
  criteriaColumns: mergeCriteriaColumns(criteriaColumnsOf(pathways), structureCriteriaColumns()),
  // Milliseconds an input, about what the engine's own statements for an input cost: a job takes
  // waiting siblings (when the stage's concurrency leaves more runs queued than workers take).
  batchSize: 16,
  load: loadMeasuresInput,
  run: (input) => [computeMeasures(input)],
  async write(tx, input, rows) {
    const written = await tx
      .insert(measures)
      .values(rows.map((r) => rowOf(input.pathwayId, r)))
      .onConflictDoUpdate({ target: measures.pathwayId, set: replaceOnConflict(measures, ["pathwayId"]) })
      .returning({ id: measures.id });
    return written.map((w) => w.id);
  },
  describe: ([r]) =>
    `dimensionality ${r.dimensionality} (cumulative ${r.dimensionalityCumlengths}), oxidation state ${r.oxidationState}` +
    (r.skipped ? `; ${r.skipped}` : ""),
});
