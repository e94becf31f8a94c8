import type { Structure } from "../structure/structure";
import type { Mat3, Vec3 } from "../structure/vector";
import { det3, inverse3, matMul, transpose } from "../structure/vector";
import { wrap01 } from "../structure/lattice";
import { latticeFromMoyo, loadMoyo, rotationFromMoyo } from "./moyo";
import { atomicNumber } from "../elements/elements";

/** A space-group operation in fractional coordinates: x' = R·x + t. */
export interface SymmetryOperation {
  rotation: Mat3;
  translation: Vec3;
}

export interface SymmetryDataset {
  number: number;
  symbol: string;
  hallNumber: number;
  operations: SymmetryOperation[];
  /** For each site, the index of the first site of its orbit (equivalent sites share it). */
  orbits: number[];
  wyckoffs: string[];
  /** The standardised primitive cell found by moyo. */
  primitive: Structure;
}

export const DEFAULT_SYMPREC = 0.1;

/**
 * Space group of a structure through moyo (symprec in Å). Throws when moyo fails.
 *
 * For a supercell whose lattice is less symmetric than the crystal (CaF2 as 2×1×3), moyo 0.15 also
 * lists the crystal's other point operations written in the supercell basis, where they are not
 * integer unimodular matrices (determinant 2 or 3): they are not symmetries of this cell and would
 * corrupt every orbit built from them, so they are dropped, as are any that would not preserve the
 * metric. The number, symbol and primitive cell are those of the crystal and are unaffected.
 */
export function analyzeSymmetry(s: Structure, symprec = DEFAULT_SYMPREC): SymmetryDataset {
  const moyo = loadMoyo();
  // moyo takes the basis as right-handed: given a left-handed one it reports the mirror-image type of a
  // chiral group (P3_2 21 for a quartz that is P3_1 21). Negating all three vectors and coordinates
  // describes the same atoms on a right-handed basis; operations map back with R kept and t negated.
  const flip = det3(s.lattice) < 0;
  const sign = flip ? -1 : 1;
  const cell = {
    lattice: { basis: s.lattice.flat().map((x) => sign * x) },
    positions: s.sites.map((x) => x.frac.map((v) => sign * v)),
    numbers: s.sites.map((x) => atomicNumber(x.species)),
  };
  let d;
  try {
    d = moyo.analyze_cell(JSON.stringify(cell), symprec, "Spglib");
  } catch (e) {
    throw new Error(`symmetry analysis failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  const operations = d.operations.map((op) => ({
    rotation: rotationFromMoyo(op.rotation),
    translation: (flip ? op.translation.map((t) => wrap01(-t)) : op.translation) as Vec3,
  }));
  const cellOperations = operations.filter((op) => isCellSymmetry(s.lattice, op.rotation));
  const symbolOf = (z: number) => speciesOfNumber(s, cell.numbers, z);
  const prim = d.prim_std_cell;
  return {
    number: d.number,
    symbol: d.hm_symbol,
    hallNumber: d.hall_number,
    operations: cellOperations,
    orbits: d.orbits,
    wyckoffs: d.wyckoffs,
    primitive: {
      lattice: latticeFromMoyo(prim.lattice.basis),
      sites: prim.positions.map((p, i) => ({ species: symbolOf(prim.numbers[i]), frac: p as Vec3 })),
    },
  };
}

/**
 * An integer matrix of determinant ±1 that, turned into Cartesian form, is orthogonal to within a
 * tolerance loose enough for cells symmetric only within symprec (a few % strain).
 */
function isCellSymmetry(lattice: Mat3, r: Mat3): boolean {
  if (r.some((row) => row.some((x) => !Number.isInteger(x)))) return false;
  if (Math.abs(Math.abs(det3(r)) - 1) > 1e-9) return false;
  // Cartesian form acting on row vectors: C = L⁻¹ · Rᵀ · L, so that (f·L)·C = (R f)ᵀ·L.
  const c = matMul(matMul(inverse3(lattice), transpose(r)), lattice);
  const cct = matMul(c, transpose(c));
  return cct.every((row, i) => row.every((x, j) => Math.abs(x - (i === j ? 1 : 0)) < 0.1));
}

function speciesOfNumber(s: Structure, numbers: number[], z: number): string {
  const i = numbers.indexOf(z);
  return s.sites[i].species;
}
