import { bvsePercolationBarriers } from "../energy/percolation";
import type { Structure } from "../structure/structure";

export interface StructurePercolationInput {
  structure: Structure;
  /** Per input site (lib/oxidation). */
  oxidationStates: number[];
  /** The mobile species, e.g. "F". */
  ion: string;
  /** Grid spacing, Å (default 0.2; 0.1 for finer results). */
  gridSpacingA?: number;
}

/** Framework-mode BVSE percolation barriers (eV above the grid's minimum); null where the ion never percolates in that many directions. */
export interface StructurePercolation {
  gridSpacing: number;
  framework: { "1D": number | null; "2D": number | null; "3D": number | null };
}

/** BVSE percolation barriers of the mobile ion in the framework (every site of its species removed). */
export function structurePercolation(input: StructurePercolationInput): StructurePercolation {
  const { structure, oxidationStates, ion } = input;
  const gridSpacing = input.gridSpacingA ?? 0.2;
  if (oxidationStates.length !== structure.sites.length) {
    throw new Error(`${oxidationStates.length} oxidation states for ${structure.sites.length} sites`);
  }
  const mobile = structure.sites.findIndex((s) => s.species === ion);
  if (mobile < 0) throw new Error(`percolation: the structure has no ${ion}`);
  const withStates: Structure = { ...structure, sites: structure.sites.map((s, i) => ({ ...s, oxidationState: oxidationStates[i] })) };
  const r = bvsePercolationBarriers(withStates, { mobileSpecies: ion, mobileOxidationState: oxidationStates[mobile], gridSpacingA: gridSpacing });
  // Infinity (never percolates) is not JSON; null says the same.
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  return { gridSpacing, framework: { "1D": finite(r.barrier1dEv), "2D": finite(r.barrier2dEv), "3D": finite(r.barrier3dEv) } };
}
