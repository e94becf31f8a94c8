import type { Structure } from "../structure/structure";
import { norm } from "../structure/vector";
import { BvseField, type BvseFieldOptions } from "./bvse";
import { type PercolationThresholds, gridPercolation } from "./grid-percolation";

export interface BvsePercolationOptions extends Omit<BvseFieldOptions, "mode" | "emptySites"> {
  /** Grid spacing in Å (default 0.2; 0.1 for finer results). Points per axis: ceil(|a_i| / spacing). */
  gridSpacingA?: number;
}

export interface BvsePercolationResult extends PercolationThresholds {
  gridShape: [number, number, number];
}

/**
 * BVSE percolation barriers of a structure for its mobile ion, framework mode (all ions of the
 * mobile species removed): the energy grid over one cell, then the exact periodic connectivity
 * thresholds for 1D, 2D and 3D migration, relative to the global minimum of the grid.
 */
export function bvsePercolationBarriers(structure: Structure, options: BvsePercolationOptions): BvsePercolationResult {
  const spacing = options.gridSpacingA ?? 0.2;
  if (!(spacing > 0)) throw new Error(`percolation: grid spacing must be positive, got ${spacing}`);
  const field = new BvseField(structure, { ...options, mode: "framework" });
  const gridShape = structure.lattice.map((row) => Math.max(1, Math.ceil(norm(row) / spacing))) as [number, number, number];
  const energies = field.energyGrid(gridShape);
  return { ...gridPercolation(energies, gridShape), gridShape };
}
