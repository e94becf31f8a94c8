import { type BvContact, bondValence, cationAnionContacts } from "../bond-valence/bond-valence-sum";
import { type BvPair, bvPair } from "../bond-valence/bv-parameters";
import { sortedElements, compositionOf } from "../structure/composition";
import type { Structure } from "../structure/structure";
import { type StateOption, enForOrdering, stateOptions } from "./state-options";

// Score weights, in valence units so that they compare with bond-valence-sum deviations: using a
// non-common state costs as much per site as a BVS half a valence unit off, which lets a clear
// BVS signal (Mn3+ in Mn3O4) beat the preference for common states but not ordinary BVS noise.
const UNCOMMON_PER_SITE = 0.5;
const MIXED_PER_ELEMENT = 0.5;
// A site whose bonds have no softBV parameters cannot be checked; count it as one unit off.
const UNKNOWN_BVS = 1;
const MAX_COMBINATIONS = 200_000;

interface Mix {
  element: number;
  from: number;
  to: number;
  k: number;
}

interface Candidate {
  states: number[]; // per site, before any mixed-valence split
  mix?: Mix;
  bound: number; // the score without the BVS part
}

/**
 * The most probable charge-balanced oxidation state of every site, in site order.
 *
 * Like pymatgen's oxi_state_guess, each element takes one state: anions their most negative
 * common state, cations a common state where possible, every anion more electronegative than
 * every cation, total charge zero. When no single state per element balances the charge, one
 * element is allowed two states (mixed valence, Fe3O4) and its sites are split between them by
 * bond-valence sums: the sites whose softBV BVS best fits the higher state take it. Among several
 * balanced assignments the one with the fewest uncommon states and best BVS agreement wins. Sites
 * of one element share a state unless mixed valence requires otherwise, so symmetry-equivalent
 * sites agree without consulting the space group.
 */
export function assignOxidationStates(structure: Structure): number[] {
  const sites = structure.sites;
  if (sites.length === 0) throw new Error("cannot assign oxidation states to an empty structure");
  const comp = compositionOf(structure);
  const elements = sortedElements(comp);
  const options = elements.map((el) => {
    const o = stateOptions(el);
    if (o.length === 0) throw new Error(`no oxidation states known for ${el}`);
    return o;
  });
  const sitesOf = elements.map((el) => sites.flatMap((s, i) => (s.species === el ? [i] : [])));
  const count = elements.map((el) => comp[el]);

  const combos = enumerateCombinations(elements, options);
  const candidates: Candidate[] = [];
  for (const combo of combos) {
    const charge = combo.reduce((q, o, e) => q + o.state * count[e], 0);
    const uncommon = combo.reduce((n, o, e) => n + (o.common ? 0 : count[e]), 0);
    const perElement = combo.map((o) => o.state);
    if (charge === 0) candidates.push({ states: expand(sitesOf, perElement, sites.length), bound: UNCOMMON_PER_SITE * uncommon });
    // Mixed valence: k sites of one cation element move from state s to s2 to cancel the charge.
    combo.forEach((o, e) => {
      if (o.state <= 0 || count[e] < 2) return;
      for (const alt of options[e]) {
        if (alt.state <= 0 || alt.state === o.state) continue;
        const k = -charge / (alt.state - o.state);
        if (!Number.isInteger(k) || k < 1 || k > count[e] - 1) continue;
        const extra = (alt.common ? 0 : k) - (o.common ? 0 : k);
        candidates.push({
          states: expand(sitesOf, perElement, sites.length),
          mix: { element: e, from: o.state, to: alt.state, k },
          bound: UNCOMMON_PER_SITE * (uncommon + extra) + MIXED_PER_ELEMENT,
        });
      }
    });
  }
  if (candidates.length === 0) {
    throw new Error(`no charge-balanced assignment of oxidation states exists for ${elements.map((e, i) => e + count[i]).join("")}`);
  }

  const bv = createBvContext(structure, elements, options, sitesOf);
  candidates.sort((a, b) => a.bound - b.bound);
  let best: { states: number[]; score: number } | null = null;
  for (const c of candidates) {
    if (best && c.bound >= best.score) break;
    const states = c.mix ? bv.split(c.states, sitesOf[c.mix.element], c.mix) : c.states;
    const score = c.bound + bv.deviation(states);
    if (!best || score < best.score - 1e-9) best = { states, score };
  }
  return best!.states;
}

function expand(sitesOf: number[][], perElement: number[], n: number): number[] {
  const states = new Array<number>(n).fill(0);
  sitesOf.forEach((idx, e) => idx.forEach((i) => (states[i] = perElement[e])));
  return states;
}

/** All per-element choices with every anion more electronegative than every cation. */
function enumerateCombinations(elements: string[], options: StateOption[][]): StateOption[][] {
  const total = options.reduce((n, o) => n * o.length, 1);
  if (total > MAX_COMBINATIONS) throw new Error(`too many oxidation-state combinations (${total}) to search`);
  const en = elements.map(enForOrdering);
  const out: StateOption[][] = [];
  const pick: StateOption[] = [];
  const walk = (e: number) => {
    if (e === elements.length) {
      const cat = pick.flatMap((o, i) => (o.state > 0 ? [en[i]] : []));
      const an = pick.flatMap((o, i) => (o.state < 0 ? [en[i]] : []));
      if (cat.length > 0 && an.length > 0 && Math.max(...cat) <= Math.min(...an)) out.push([...pick]);
      return;
    }
    for (const o of options[e]) {
      pick.push(o);
      walk(e + 1);
      pick.pop();
    }
  };
  walk(0);
  return out;
}

/** Bond-valence bookkeeping shared by all candidates: one contact list, cached pair parameters. */
function createBvContext(structure: Structure, elements: string[], options: StateOption[][], sitesOf: number[][]) {
  const species = structure.sites.map((s) => s.species);
  const pairCache = new Map<string, BvPair | null>();
  const pair = (c: number, cv: number, a: number, av: number): BvPair | null => {
    const key = `${species[c]}${cv}|${species[a]}${av}`;
    if (!pairCache.has(key)) {
      let p: BvPair | null = null;
      try { p = bvPair(species[c], cv, species[a], av); } catch { p = null; }
      pairCache.set(key, p);
    }
    return pairCache.get(key)!;
  };
  // Cutoff: the largest softBV cutoff among all pairs any candidate could use.
  let cutoff = 0;
  elements.forEach((c, ci) => elements.forEach((a, ai) => {
    for (const co of options[ci]) for (const ao of options[ai]) {
      if (co.state <= 0 || ao.state >= 0) continue;
      try { cutoff = Math.max(cutoff, bvPair(c, co.state, a, ao.state).rCutoffA); } catch { /* absent pair */ }
    }
  }));
  const canCation = new Set<number>(), canAnion = new Set<number>();
  sitesOf.forEach((idx, e) => {
    if (options[e].some((o) => o.state > 0)) idx.forEach((i) => canCation.add(i));
    if (options[e].some((o) => o.state < 0)) idx.forEach((i) => canAnion.add(i));
  });
  const contacts: BvContact[] = cutoff > 0
    ? cationAnionContacts(structure, (i) => canCation.has(i), (i) => canAnion.has(i), cutoff)
    : [];
  const byCation = new Map<number, BvContact[]>();
  for (const c of contacts) byCation.set(c.cation, [...(byCation.get(c.cation) ?? []), c]);

  /** Sum of |BVS − |state|| over all sites, with unknown-parameter sites counted as UNKNOWN_BVS. */
  const deviation = (states: number[]): number => {
    const sums = states.map(() => 0);
    const unknown = new Set<number>();
    for (const c of contacts) {
      if (!(states[c.cation] > 0 && states[c.anion] < 0)) continue;
      const p = pair(c.cation, states[c.cation], c.anion, states[c.anion]);
      if (!p) { unknown.add(c.cation); continue; }
      const s = bondValence(p, c.distanceA);
      sums[c.cation] += s;
      sums[c.anion] += s;
    }
    return states.reduce((d, v, i) => d + (v === 0 ? 0 : unknown.has(i) ? UNKNOWN_BVS : Math.abs(sums[i] - Math.abs(v))), 0);
  };

  /** How far a cation site's BVS (anion states as given) is from state v. */
  const siteMisfit = (i: number, v: number, states: number[]): number => {
    let sum = 0;
    for (const c of byCation.get(i) ?? []) {
      if (states[c.anion] >= 0) continue;
      const p = pair(i, v, c.anion, states[c.anion]);
      if (!p) return UNKNOWN_BVS;
      sum += bondValence(p, c.distanceA);
    }
    return Math.abs(sum - v);
  };

  /** Moves the k sites of the element that fit `to` best (relative to `from`) to `to`. */
  const split = (states: number[], idx: number[], mix: Mix): number[] => {
    const gain = idx.map((i) => ({ i, g: round9(siteMisfit(i, mix.to, states) - siteMisfit(i, mix.from, states)) }));
    gain.sort((a, b) => a.g - b.g || a.i - b.i);
    const out = [...states];
    gain.slice(0, mix.k).forEach(({ i }) => (out[i] = mix.to));
    return out;
  };

  return { deviation, split };
}

// Equivalent sites differ in BVS only by rounding noise; ties then fall to site order.
const round9 = (x: number) => Math.round(x * 1e9) / 1e9;
