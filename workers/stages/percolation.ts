import { z } from "zod";
import { percolation, structures, type NewPercolationRow, type StructureRow } from "../../db/schema/index";
import { bvsePercolationBarriers } from "../../lib/energy/percolation";
import type { Structure } from "../../lib/structure/structure";
import { criteriaColumnsOf } from "../engine/criteria";
import { defineStage } from "../engine/define-stage";
import { replaceOnConflict } from "../engine/replace-on-conflict";
import { oxidationStatesOf } from "./measures";

export const percolationParams = z.object({
  /** Mobile species. */
  ion: z.string().min(1),
  /** Energy grid spacing, Å (0.1 for finer, eight times slower results). */
  gridSpacingA: z.number().min(0.05).max(1),
});
export type PercolationParams = z.infer<typeof percolationParams>;

export interface PercolationResult {
  percolation1d: number | null;
  percolation2d: number | null;
  percolation3d: number | null;
  minimumEnergy: number;
}

// Infinity (never percolates on the grid) is neither JSON nor a useful number in a table; null says it.
const finite = (x: number) => (Number.isFinite(x) ? x : null);

/**
 * Framework-mode BVSE percolation barriers of the ion, as analyzeStructure's structurePercolation
 * computes them (same oxidation states, field and grid), plus the grid minimum they are measured
 * from, which that summary leaves out. A structure without oxidation states fails with the reason.
 */
export function computePercolation(structure: Structure, params: PercolationParams): PercolationResult {
  const oxidation = oxidationStatesOf(structure);
  if (!oxidation.states) throw new Error(oxidation.error);
  const states = oxidation.states;
  const mobile = structure.sites.findIndex((s) => s.species === params.ion);
  if (mobile < 0) throw new Error(`percolation: the structure has no ${params.ion}`);
  const charged: Structure = { ...structure, sites: structure.sites.map((s, i) => ({ ...s, oxidationState: states[i] })) };
  const r = bvsePercolationBarriers(charged, {
    mobileSpecies: params.ion,
    mobileOxidationState: states[mobile],
    gridSpacingA: params.gridSpacingA,
  });
  return {
    percolation1d: finite(r.barrier1dEv),
    percolation2d: finite(r.barrier2dEv),
    percolation3d: finite(r.barrier3dEv),
    minimumEnergy: r.minimumEv,
  };
}

const rowOf = (structureId: number, r: PercolationResult, params: PercolationParams): NewPercolationRow => ({
  structureId,
  ion: params.ion,
  gridSpacing: params.gridSpacingA,
  ...r,
});

/** Percolation stage: one row of framework BVSE percolation barriers per structure containing the ion, smallest first. */
export const percolationStage = defineStage<StructureRow, PercolationParams, PercolationResult>({
  name: "percolation",
  input: { table: structures, key: structures.id },
  output: { table: percolation, key: percolation.structureId },
  defaults: {
    criteria: [{ column: "elements", op: "contains", value: { param: "ion" } }],
    priority: [{ column: "nsites", dir: "asc" }],
    concurrency: 1,
    params: { ion: "F", gridSpacingA: 0.2 },
    timeLimitSeconds: 1800,
  },
  params: percolationParams,
  criteriaColumns: criteriaColumnsOf(structures, ["source_id", "fingerprint"]),
  run: (input, params) => [computePercolation(input.structure, params)],
  async write(tx, input, rows, params) {
    const written = await tx
      .insert(percolation)
      .values(rows.map((r) => rowOf(input.id, r, params)))
      .onConflictDoUpdate({ target: percolation.structureId, set: replaceOnConflict(percolation, ["structureId"]) })
      .returning({ id: percolation.id });
    return written.map((w) => w.id);
  },
  describe: ([r], params) => {
    const ev = (x: number | null) => (x === null ? "none" : `${x.toFixed(3)} eV`);
    return `${params.ion} percolation 1D ${ev(r.percolation1d)}, 2D ${ev(r.percolation2d)}, 3D ${ev(r.percolation3d)} at ${params.gridSpacingA} Å`;
  },
});
