import { assignOxidationStates } from "../oxidation/index";
import { type StructureSummary, describeStructure } from "../records/structure-summary";
import type { Structure } from "../structure/structure";

/**
 * The "structure" block and the oxidation states it assigned, assigned once. When no charge-balanced
 * assignment exists the analysis goes on without charges: the block lists none and the reason is returned.
 */
export function describeForAnalysis(structure: Structure): { summary: StructureSummary; oxidationStates: number[] | null; oxidationError: string | null } {
  let oxidationStates: number[] | null = null;
  let oxidationError: string | null = null;
  try {
    oxidationStates = assignOxidationStates(structure);
  } catch (e) {
    oxidationError = e instanceof Error ? e.message : String(e);
  }
  return { summary: describeStructure(structure, { oxidationStates: oxidationStates ?? [] }), oxidationStates, oxidationError };
}
