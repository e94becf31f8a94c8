import { neighborPairs } from "../structure/neighbors";
import type { Structure } from "../structure/structure";
import { type BvPair, bvPair } from "./bv-parameters";

/** Bond valence s = exp((R0 − R)/b) of one bond of length `distanceA`, zero beyond the pair's cutoff. */
export const bondValence = (pair: BvPair, distanceA: number): number =>
  distanceA > pair.rCutoffA ? 0 : Math.exp((pair.r0A - distanceA) / pair.bA);

/** A cation–anion contact (site indices), counted once per periodic image. */
export interface BvContact {
  cation: number;
  anion: number;
  distanceA: number;
}

/**
 * Every contact within `cutoffA` from a site that may be a cation to a site that may be an anion.
 * Each bond appears once, seen from its cation (an image pair i→j+n is the bond, not i→j).
 */
export function cationAnionContacts(
  structure: Structure,
  mayBeCation: (site: number) => boolean,
  mayBeAnion: (site: number) => boolean,
  cutoffA: number,
): BvContact[] {
  return neighborPairs(structure, cutoffA)
    .filter((p) => mayBeCation(p.center) && mayBeAnion(p.index))
    .map((p) => ({ cation: p.center, anion: p.index, distanceA: p.distanceA }));
}

/**
 * Bond-valence sums with the softBV parameters for given oxidation states (one per site,
 * positive = cation, negative = anion, 0 = not bonded). Cations sum over anion neighbours within
 * each pair's cutoff and anions over cation neighbours; by the valence-sum rule (Brown) each sum
 * should be close to |oxidation state|. Throws when a needed pair has no softBV parameters.
 */
export function bondValenceSums(structure: Structure, states: readonly number[]): number[] {
  if (states.length !== structure.sites.length) throw new Error("one oxidation state per site is needed");
  const pairs = new Map<string, BvPair>();
  const sp = (i: number) => structure.sites[i].species;
  const cations = [...new Set(states.flatMap((v, i) => (v > 0 ? [`${sp(i)}|${v}`] : [])))];
  const anions = [...new Set(states.flatMap((v, i) => (v < 0 ? [`${sp(i)}|${v}`] : [])))];
  let cutoff = 0;
  for (const c of cations) {
    for (const a of anions) {
      const [cs, cv] = c.split("|"), [as, av] = a.split("|");
      const p = bvPair(cs, Number(cv), as, Number(av));
      pairs.set(`${c}/${a}`, p);
      cutoff = Math.max(cutoff, p.rCutoffA);
    }
  }
  const sums = states.map(() => 0);
  if (cutoff === 0) return sums;
  for (const c of cationAnionContacts(structure, (i) => states[i] > 0, (i) => states[i] < 0, cutoff)) {
    const p = pairs.get(`${sp(c.cation)}|${states[c.cation]}/${sp(c.anion)}|${states[c.anion]}`)!;
    const s = bondValence(p, c.distanceA);
    sums[c.cation] += s;
    sums[c.anion] += s;
  }
  return sums;
}
