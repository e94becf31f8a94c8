import { assignOxidationStates } from "../oxidation/index";
import { compositionOf, formula, reducedFormula } from "../structure/composition";
import { densityGPerCm3 } from "../structure/density";
import { latticeParameters, latticeVolume } from "../structure/lattice";
import type { Structure } from "../structure/structure";
import { analyzeSymmetry, DEFAULT_SYMPREC } from "../symmetry/analyze";

/**
 * What `hopscape inspect --json` prints, and the "structure" block of `paths` and `analyze`:
 * the structure as given (not sanitised), so per-site values follow the file's site order.
 */
export interface StructureSummary {
  formula: string;
  reducedFormula: string;
  nsites: number;
  spacegroup: { number: number; symbol: string };
  lattice: { a: number; b: number; c: number; alpha: number; beta: number; gamma: number; volume: number };
  density: number;
  oxidationStates: number[];
}

/**
 * `oxidationStates` may be given when the caller has already assigned them (or, as [], when none
 * could be assigned); otherwise they are assigned here and an impossible assignment throws.
 */
export function describeStructure(
  structure: Structure,
  { symprec = DEFAULT_SYMPREC, oxidationStates }: { symprec?: number; oxidationStates?: number[] } = {},
): StructureSummary {
  const composition = compositionOf(structure);
  const symmetry = analyzeSymmetry(structure, symprec);
  return {
    formula: formula(composition),
    reducedFormula: reducedFormula(composition),
    nsites: structure.sites.length,
    spacegroup: { number: symmetry.number, symbol: symmetry.symbol },
    lattice: { ...latticeParameters(structure.lattice), volume: latticeVolume(structure.lattice) },
    density: densityGPerCm3(structure),
    oxidationStates: oxidationStates ?? assignOxidationStates(structure),
  };
}
