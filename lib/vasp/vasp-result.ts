import type { Vec3 } from "../structure/vector";

/** The atoms of a calculation, as vasprun.xml and OUTCAR both describe them. */
export interface AtomTypes {
  natoms: number;
  /** Element of each atom, in the calculation's order. */
  species: string[];
  /** Species blocks in POSCAR order; `potcar` is the potential's title ("PAW_PBE Ca_sv 06Sep2000") when given. */
  types: { element: string; count: number; potcar?: string }[];
}

/** The energies VASP prints for an ionic step, eV. */
export interface FinalEnergies {
  /** Free energy TOTEN (e_fr_energy): what forces are consistent with. */
  freeEnergyEv: number;
  /** Energy without entropy (e_wo_entrp). */
  energyWithoutEntropyEv: number;
  /** Energy extrapolated to sigma → 0 (e_0_energy). */
  energySigma0Ev: number;
}

export const maxForceNorm = (forces: Vec3[]): number => Math.max(0, ...forces.map((f) => Math.hypot(f[0], f[1], f[2])));

/** What a returned calculation must look like to belong to an exported hop. */
export interface ExpectedAtoms {
  natoms: number;
  /** Species blocks in POSCAR order. */
  speciesOrder: string[];
  /** Atoms per block; checked when given. */
  counts?: number[];
}

/**
 * Refuses (throws, saying what differs) a parsed vasprun.xml or OUTCAR whose atoms are not those of
 * the hop it is said to be: another atom count, another species order, or other counts per species.
 * Energies of a calculation of some other cell must never be stored as this hop's barrier.
 */
export function checkImagesMatchPathway(parsed: AtomTypes, expected: ExpectedAtoms, what = "the calculation"): void {
  if (parsed.natoms !== expected.natoms) {
    throw new Error(`${what} has ${parsed.natoms} atoms, but the hop's supercell has ${expected.natoms}`);
  }
  const order = parsed.types.map((t) => t.element);
  if (order.join(" ") !== expected.speciesOrder.join(" ")) {
    throw new Error(`${what} has species ${order.join(" ")}, but the hop's POSCARs have ${expected.speciesOrder.join(" ")} (in that order)`);
  }
  const counts = parsed.types.map((t) => t.count);
  if (expected.counts && counts.join(" ") !== expected.counts.join(" ")) {
    throw new Error(`${what} has ${counts.join(" ")} atoms per species, but the hop's POSCARs have ${expected.counts.join(" ")}`);
  }
}
