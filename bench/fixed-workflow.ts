import { analyzeStructure } from "../lib/analysis/analyze-structure";
import { structureRecord } from "../lib/records/structure-record";
import type { Structure } from "../lib/structure/structure";

export interface FixedWorkflowRequest {
  structure: Structure;
}

export interface FixedWorkflowResult {
  busyMs: number;
  pathways: number;
  barriers: number;
  error?: string;
}

/**
 * The fixed workflow for one library crystal, as `hopscape analyze` runs it but starting from the
 * same sanitised structure the import stage stores (so both architectures compute on equal input):
 * import record, hops, bands, measures, barriers of every hop, percolation.
 */
export function fixedWorkflow({ structure }: FixedWorkflowRequest): FixedWorkflowResult {
  const start = performance.now();
  try {
    const analysis = analyzeStructure(structureRecord(structure).structure);
    return {
      busyMs: performance.now() - start,
      pathways: analysis.pathways.length,
      barriers: analysis.pathways.filter((p) => p.barrier !== null).length,
    };
  } catch (e) {
    return { busyMs: performance.now() - start, pathways: 0, barriers: 0, error: e instanceof Error ? e.message : String(e) };
  }
}
