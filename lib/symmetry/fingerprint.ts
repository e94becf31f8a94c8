import { compositionOf, reducedFormula } from "../structure/composition";
import { neighborPairs } from "../structure/neighbors";
import type { Structure } from "../structure/structure";
import { DEFAULT_SYMPREC, analyzeSymmetry } from "./analyze";

/** Neighbour shells out to this distance (Å) describe each atom; far enough to tell stacking polytypes apart. */
export const FINGERPRINT_CUTOFF_A = 6;

/** Distances are compared to 0.01 Å, two orders above the float noise of a change of cell setting. */
const DISTANCE_DECIMALS = 2;

/**
 * A string that names a crystal independently of how its cell is written.
 *
 * The invariant: reduced formula, space-group number and number of atoms in the primitive cell, and
 * the multiset over the primitive cell's atoms of "element + sorted (neighbour element, distance) list
 * within 6 Å". None of these depends on the cell: a supercell, a shifted origin, another atom order,
 * another (rotated, skewed, left-handed) basis give the same string, while another element, another
 * arrangement (polymorph, stacking, free parameter) or a bond length changed by ~0.01 Å gives another.
 * Everything is read from moyo's symmetrised primitive cell, which removes noise on special positions;
 * distances are rounded to 0.01 Å, so two measurements of one crystal whose free parameters differ may
 * straddle a rounding boundary: the fingerprint finds exact duplicates, it is not a tolerant matcher.
 *
 * Readable head, hashed tail: "CaF2-225-3-<16 hex digits>".
 */
export function structureFingerprint(structure: Structure, symprec = DEFAULT_SYMPREC): string {
  const { number, primitive } = analyzeSymmetry(structure, symprec);
  const shells = primitive.sites.map(() => [] as string[]);
  for (const p of neighborPairs(primitive, FINGERPRINT_CUTOFF_A)) {
    shells[p.center].push(`${p.distanceA.toFixed(DISTANCE_DECIMALS)}${primitive.sites[p.index].species}`);
  }
  const atoms = primitive.sites.map((s, i) => `${s.species}:${shells[i].sort().join(",")}`).sort();
  const formula = reducedFormula(compositionOf(structure));
  return `${formula}-${number}-${primitive.sites.length}-${fnv1a64(atoms.join(";"))}`;
}

/** 64-bit FNV-1a over the UTF-8 bytes, as 16 hex digits: pure JS, same result in Node and browser. */
function fnv1a64(text: string): string {
  const mask = (1n << 64n) - 1n;
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    h = ((h ^ BigInt(byte)) * 0x100000001b3n) & mask;
  }
  return h.toString(16).padStart(16, "0");
}
