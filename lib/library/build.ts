import { latticeFromParameters } from "../structure/lattice";
import type { Structure } from "../structure/structure";
import { expandAsymmetricUnit } from "../symmetry/expand";
import { spaceGroupFromHallNumber } from "../symmetry/space-groups";
import { LITERATURE_ENTRIES, type LiteratureEntry } from "./fluorides";

/** A library crystal ready for the pipeline: the literature entry expanded to its full conventional cell. */
export interface LibraryStructure {
  /** Slug such as "CaF2-fluorite"; stable, so it can key database rows. */
  id: string;
  name: string;
  formula: string;
  reference: string;
  /** The density the literature gives (measured or X-ray, see the entry), g/cm³. */
  densityLiterature: number;
  spacegroupNumber: number;
  structure: Structure;
}

/**
 * Expands one literature entry: the cell in the CIF convention, the operations of the exact setting
 * (by Hall number, so origin choice and axes are those the coordinates were published in), and the
 * shared asymmetric-unit expansion. Site labels keep the Wyckoff position for traceability.
 */
export function expandEntry(entry: LiteratureEntry): Structure {
  const lattice = latticeFromParameters(entry.cell);
  const setting = spaceGroupFromHallNumber(entry.hallNumber);
  if (setting.number !== entry.spaceGroupNumber) {
    // A mistyped Hall number would otherwise silently build a different crystal.
    throw new Error(
      `${entry.id}: Hall number ${entry.hallNumber} belongs to space group ${setting.number}, not ${entry.spaceGroupNumber}`,
    );
  }
  const sites = entry.sites.map((s) => ({
    species: s.element,
    frac: [s.x, s.y, s.z] as [number, number, number],
    label: `${s.element}${s.wyckoff}`,
  }));
  return expandAsymmetricUnit(lattice, setting.operations, sites);
}

let cache: LibraryStructure[] | undefined;

/**
 * Every built-in crystal, expanded. The expansion is pure and the data constant, so the result is
 * computed once per process; callers get fresh copies so they may modify what they receive.
 */
export function libraryStructures(): LibraryStructure[] {
  if (!cache) {
    cache = LITERATURE_ENTRIES.map((e) => ({
      id: e.id,
      name: e.mineral ? `${e.name} (${e.mineral})` : e.name,
      formula: e.formula,
      reference: e.reference,
      densityLiterature: e.density,
      spacegroupNumber: e.spaceGroupNumber,
      structure: expandEntry(e),
    }));
  }
  return structuredClone(cache);
}
