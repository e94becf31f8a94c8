import { type StructureSummary, describeStructure } from "../records/structure-summary";
import { compositionOf, formula, reducedFormula } from "../structure/composition";
import { densityGPerCm3 } from "../structure/density";
import { latticeParameters, latticeVolume } from "../structure/lattice";
import type { Structure } from "../structure/structure";
import { analyzeSymmetry } from "../symmetry/analyze";

/**
 * The "structure" block and the oxidation states it assigned, assigned once. describeStructure
 * throws when no charge-balanced assignment exists; the analysis goes on without charges then, so
 * the block is rebuilt with an empty oxidationStates list and the reason is returned.
 */
export function describeForAnalysis(structure: Structure): { summary: StructureSummary; oxidationStates: number[] | null; oxidationError: string | null } {
  try {
    const summary = describeStructure(structure);
    return { summary, oxidationStates: summary.oxidationStates, oxidationError: null };
  } catch (e) {
    const oxidationError = e instanceof Error ? e.message : String(e);
    const composition = compositionOf(structure);
    // Throws again, with its own message, if symmetry rather than oxidation was the problem.
    const symmetry = analyzeSymmetry(structure);
    const summary: StructureSummary = {
      formula: formula(composition),
      reducedFormula: reducedFormula(composition),
      nsites: structure.sites.length,
      spacegroup: { number: symmetry.number, symbol: symmetry.symbol },
      lattice: { ...latticeParameters(structure.lattice), volume: latticeVolume(structure.lattice) },
      density: densityGPerCm3(structure),
      oxidationStates: [],
    };
    return { summary, oxidationStates: null, oxidationError };
  }
}
