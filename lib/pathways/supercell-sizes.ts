import type { Lattice } from "../structure/lattice";
import { norm } from "../structure/vector";

/** Multiplier per axis as the original workflow computed it: floor(L / |a_i|) + 1 (also when L/|a_i| is whole). */
export const axisMultipliers = (lattice: Lattice, lengthA: number): [number, number, number] =>
  lattice.map((v) => Math.floor(lengthA / norm(v)) + 1) as [number, number, number];

export interface SupercellSizes {
  nsites777: number;
  nsites101010: number;
  nsites121212: number;
}

/** Number of sites in the 7, 10 and 12 Å supercells of the original workflow (columns nsites_777, …). */
export function supercellSizes(lattice: Lattice, nsites: number): SupercellSizes {
  const count = (l: number) => axisMultipliers(lattice, l).reduce((p, m) => p * m, nsites);
  return { nsites777: count(7), nsites101010: count(10), nsites121212: count(12) };
}
