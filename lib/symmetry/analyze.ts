import type { Structure } from "../structure/structure";
import type { Mat3, Vec3 } from "../structure/vector";
import { det3 } from "../structure/vector";
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
 * Space group of a structure through moyo (symprec in Å). Throws when moyo fails, and when it returns
 * a "rotation" that is not unimodular: moyo 0.15 does so for some supercells, and such an operation
 * would silently corrupt every orbit built from it.
 */
export function analyzeSymmetry(s: Structure, symprec = DEFAULT_SYMPREC): SymmetryDataset {
  const moyo = loadMoyo();
  const cell = {
    lattice: { basis: s.lattice.flat() },
    positions: s.sites.map((x) => x.frac),
    numbers: s.sites.map((x) => atomicNumber(x.species)),
  };
  let d;
  try {
    d = moyo.analyze_cell(JSON.stringify(cell), symprec, "Spglib");
  } catch (e) {
    throw new Error(`symmetry analysis failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  const operations = d.operations.map((op) => ({ rotation: rotationFromMoyo(op.rotation), translation: op.translation }));
  for (const op of operations) {
    const det = det3(op.rotation);
    if (Math.abs(Math.abs(det) - 1) > 1e-6) {
      throw new Error(`symmetry analysis returned an invalid operation (rotation determinant ${det})`);
    }
  }
  const symbolOf = (z: number) => speciesOfNumber(s, cell.numbers, z);
  const prim = d.prim_std_cell;
  return {
    number: d.number,
    symbol: d.hm_symbol,
    hallNumber: d.hall_number,
    operations,
    orbits: d.orbits,
    wyckoffs: d.wyckoffs,
    primitive: {
      lattice: latticeFromMoyo(prim.lattice.basis),
      sites: prim.positions.map((p, i) => ({ species: symbolOf(prim.numbers[i]), frac: p as Vec3 })),
    },
  };
}

function speciesOfNumber(s: Structure, numbers: number[], z: number): string {
  const i = numbers.indexOf(z);
  return s.sites[i].species;
}
