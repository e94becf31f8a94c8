import { readStructureFile } from "../io/read-structure";
import { checkStructureLimits, configuredStructureLimits } from "../io/structure-limits";
import { compositionOf, chemicalSystem, formula, nelements, reducedFormula, sortedElements } from "../structure/composition";
import { densityGPerCm3 } from "../structure/density";
import { latticeVolume } from "../structure/lattice";
import type { Structure } from "../structure/structure";
import { analyzeSymmetry, DEFAULT_SYMPREC } from "../symmetry/analyze";
import { structureFingerprint } from "../symmetry/fingerprint";
import { sanitizeStructure } from "../symmetry/sanitize";
import type { StructureImportInput } from "./structure-import-input";

/** Everything the structures table stores about one crystal, computed from the crystal alone. */
export interface StructureRecord {
  /** The sanitised structure that the other fields describe. */
  structure: Structure;
  formula: string;
  reducedFormula: string;
  chemsys: string;
  /** Element symbols in formula (electronegativity) order. */
  elements: string[];
  nsites: number;
  nelements: number;
  densityGPerCm3: number;
  volumeA3: number;
  spacegroupNumber: number;
  spacegroupSymbol: string;
  fingerprint: string;
}

/** Sanitises a parsed structure and derives the row fields from the sanitised one. */
export function structureRecord(parsed: Structure): StructureRecord {
  const structure = sanitizeStructure(parsed);
  const composition = compositionOf(structure);
  const symmetry = analyzeSymmetry(structure, DEFAULT_SYMPREC);
  return {
    structure,
    formula: formula(composition),
    reducedFormula: reducedFormula(composition),
    chemsys: chemicalSystem(composition),
    elements: sortedElements(composition),
    nsites: structure.sites.length,
    nelements: nelements(composition),
    densityGPerCm3: densityGPerCm3(structure),
    volumeA3: latticeVolume(structure.lattice),
    spacegroupNumber: symmetry.number,
    spacegroupSymbol: symmetry.symbol,
    fingerprint: structureFingerprint(structure),
  };
}

/**
 * The structures an import input holds: the file's text parsed (one or more), or the one given.
 * Either way they meet the structure limits: the reader checks a file's, and a structure given
 * as data (Materials Project, OPTIMADE, the library) is checked here with the same function.
 */
export function inputStructures(input: StructureImportInput): Structure[] {
  if (input.structure) {
    checkStructureLimits(input.structure, configuredStructureLimits());
    return [input.structure];
  }
  const structures = readStructureFile(input.text ?? "", input.format ?? input.filename);
  if (structures.length === 0) throw new Error("the file holds no structure");
  return structures;
}

/** Records of every structure in an input; throws (with the reader's message) on malformed input. */
export function inputRecords(input: StructureImportInput): StructureRecord[] {
  return inputStructures(input).map(structureRecord);
}
