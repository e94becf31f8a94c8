import type { Lattice } from "../structure/lattice";

/**
 * A Gamma-centred Monkhorst-Pack grid from a length density: n_i = max(1, ceil(L / |a_i|)) k-points
 * along reciprocal axis i, |a_i| the length of lattice vector i in Å and L the density in Å. It keeps
 * n_i·|a_i| ≥ L, i.e. k-point spacing along b_i of at most 1/L Å⁻¹ (without the 2π), the same
 * criterion as the MIT/Materials Project sets' length 25, rounded up rather than to the nearest.
 */
export function kpointGrid(lattice: Lattice, lengthDensityA: number): [number, number, number] {
  if (!(lengthDensityA > 0)) throw new Error("the k-point length density must be positive");
  return lattice.map((v) => Math.max(1, Math.ceil(lengthDensityA / Math.hypot(v[0], v[1], v[2])))) as [number, number, number];
}

/** A KPOINTS file of an explicit Gamma-centred grid without shift. */
export function writeKpoints(grid: [number, number, number], comment = "Gamma-centred grid"): string {
  return [comment.replace(/[\r\n]+/g, " "), "0", "Gamma", grid.join(" "), "0 0 0", ""].join("\n");
}

/** The grid of a KPOINTS file written as above (automatic, Gamma or Monkhorst-Pack, three numbers). */
export function readKpointGrid(text: string): [number, number, number] {
  const lines = text.split(/\r?\n/);
  if (Number(lines[1]?.trim()) !== 0 || !/^[gm]/i.test(lines[2]?.trim() ?? "")) {
    throw new Error("KPOINTS: only automatic Gamma or Monkhorst-Pack grids are read");
  }
  const grid = (lines[3] ?? "").trim().split(/\s+/).map(Number);
  if (grid.length < 3 || grid.slice(0, 3).some((n) => !Number.isInteger(n) || n < 1)) throw new Error("KPOINTS: line 4 must be three positive integers");
  return [grid[0], grid[1], grid[2]];
}
