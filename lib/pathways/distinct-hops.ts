import { analyzeSymmetry, DEFAULT_SYMPREC } from "../symmetry/analyze";
import type { Structure } from "../structure/structure";
import type { Vec3 } from "../structure/vector";
import { inverse3, lerp, matVec, vecMat } from "../structure/vector";
import { type HopSignature, comparePointSignatures, compareHopSignatures, hopSignature, pointSignature } from "./hop-signature";
import { type PointSearch, pointSearch } from "./points-near";
import { primitiveCell } from "./primitive-cell";
import { type SitePermutation, sitePermutations } from "./site-permutations";
import { segmentClearance } from "./segment-clearance";

export interface PathwayOptions {
  /** Element symbol of the mobile ion. */
  ion?: string;
  /** Longest hop considered, Å (candidates up to maxLength + 0.01, as pymatgen's DistinctPathFinder). */
  maxLength?: number;
  /** Symmetry tolerance, Å. */
  symprec?: number;
  /** Keep only the first `limit` pathways (0 = all). */
  limit?: number;
}

/**
 * One symmetry-distinct hop of the mobile ion. Positions are given for one representative hop:
 * fractional in the input cell (end unwrapped, so end − start is the hop vector) and Cartesian.
 */
export interface Pathway {
  index: number;
  lengthA: number;
  startFrac: Vec3;
  midpointFrac: Vec3;
  endFrac: Vec3;
  startCart: Vec3;
  midpointCart: Vec3;
  endCart: Vec3;
  /** Input site indices of the two end points. */
  startSite: number;
  endSite: number;
  /** Orbit id of each end site: the lowest input index of a symmetry-equivalent site. */
  startOrbit: number;
  endOrbit: number;
  startWyckoff: string;
  endWyckoff: string;
  /** Equivalent hops per input cell, a hop and its reverse counted once. */
  multiplicity: number;
  /** Equivalent hops per mobile ion (multiplicity / mobile sites): independent of the cell. */
  hopsPerIon: number;
  /** Fraction of the sites that are the mobile species. */
  ionFraction: number;
  /** Closest approach of any other atom (periodic images included) to the straight hop, Å. */
  clearanceA: number;
  /**
   * Every hop of the input cell equivalent to this one (a hop and its reverse once; `multiplicity`
   * of them): input site i to input site j displaced by the integer input-lattice vector `image`.
   * The edges of the periodic graph whose dimensionality the measures report.
   */
  hops: EquivalentHop[];
}

/** A hop between input sites: from site i in the home cell to site j in the cell displaced by `image`. */
export interface EquivalentHop {
  i: number;
  j: number;
  image: Vec3;
}

/** Candidate hops farther apart than this (Å) only: two sites closer are one site. */
const SAME_SITE_A = 1e-3;
const LENGTH_TOLERANCE_A = 1e-3;

interface Hop {
  i: number;
  j: number;
  image: Vec3;
  lengthA: number;
}

const hopKey = (i: number, j: number, t: Vec3) => `${i},${j},${t[0]},${t[1]},${t[2]}`;

/** Hops are equal up to lattice translation and reversal: the key of (i→j+T) or (j→i−T), whichever sorts first. */
function canonicalKey(i: number, j: number, t: Vec3): string {
  const fwd = hopKey(i, j, t);
  const rev = hopKey(j, i, [-t[0], -t[1], -t[2]]);
  return i < j || (i === j && fwd <= rev) ? fwd : rev;
}

/** Every hop equivalent to (i → j + T) under the operations, as canonical keys. */
function hopOrbit(perms: SitePermutation[], h: Hop): Set<string> {
  const out = new Set<string>();
  for (const p of perms) {
    const rt = matVec(p.rotation, h.image);
    const si = p.shift[h.i];
    const sj = p.shift[h.j];
    // R(x_j + T) + t = x_j' + shift_j + R·T, start moved to x_i' + shift_i.
    out.add(canonicalKey(p.to[h.i], p.to[h.j], [sj[0] + rt[0] - si[0], sj[1] + rt[1] - si[1], sj[2] + rt[2] - si[2]]));
  }
  return out;
}

/**
 * Symmetry-distinct hops of the mobile ion, shortest first, with the semantics of
 * pymatgen-analysis-diffusion's DistinctPathFinder (all pairs of mobile sites up to maxLength + 0.01 Å
 * from each symmetry-distinct start site; equivalent when a space-group operation maps one hop onto
 * the other or its reverse), made independent of the cell: symmetry is analysed in a primitive cell,
 * where the full space group is available whatever supercell or setting came in, and hops of equal
 * length are ordered by a geometric signature (hop-signature.ts) instead of by site order.
 */
export function findDistinctPathways(structure: Structure, options: PathwayOptions = {}): Pathway[] {
  const ion = options.ion ?? "F";
  const maxLength = options.maxLength ?? 5;
  const symprec = options.symprec ?? DEFAULT_SYMPREC;
  const limit = options.limit ?? 0;
  const nIon = structure.sites.filter((s) => s.species === ion).length;
  if (nIon === 0) return [];

  const prim = primitiveCell(structure, symprec);
  const p = prim.structure;
  const sym = analyzeSymmetry(p, symprec);
  const perms = sitePermutations(p, sym.operations, 2 * symprec);
  const near = pointSearch(p);
  const nIonPrim = p.sites.filter((s) => s.species === ion).length;

  const candidates: Hop[] = [];
  p.sites.forEach((site, i) => {
    if (site.species !== ion || sym.orbits[i] !== i) return;
    for (const n of near(vecMat(site.frac, p.lattice), maxLength + 0.01)) {
      if (p.sites[n.site].species === ion && n.distance > SAME_SITE_A) {
        candidates.push({ i, j: n.site, image: n.image, lengthA: n.distance });
      }
    }
  });

  const seen = new Set<string>();
  const classes: Array<{ hop: Hop; orbit: Set<string>; multiplicityPrim: number; signature: HopSignature }> = [];
  for (const h of candidates) {
    if (seen.has(canonicalKey(h.i, h.j, h.image))) continue;
    const orbit = hopOrbit(perms, h);
    for (const k of orbit) seen.add(k);
    const hop = orientHop(p, near, h);
    const signature = hopSignature(p, near, p.sites[hop.i].frac, endFrac(p, hop), orbit.size / nIonPrim);
    classes.push({ hop, orbit, multiplicityPrim: orbit.size, signature });
  }

  // Lengths within the tolerance form one group (chained), ordered inside by the signature.
  classes.sort((a, b) => a.hop.lengthA - b.hop.lengthA);
  const groups: (typeof classes)[] = [];
  for (const c of classes) {
    const last = groups[groups.length - 1];
    if (last && c.hop.lengthA - last[last.length - 1].hop.lengthA <= LENGTH_TOLERANCE_A) last.push(c);
    else groups.push([c]);
  }
  const ordered = groups.flatMap((g) => g.sort((a, b) => compareHopSignatures(a.signature, b.signature)));
  const kept = limit > 0 ? ordered.slice(0, limit) : ordered;

  const inputOrbit = inputOrbits(prim.siteMap, sym.orbits);
  const inv = inverse3(structure.lattice);
  return kept.map((c, index) => {
    const { hop } = c;
    const startSite = prim.siteMap.indexOf(hop.i);
    const startFrac = structure.sites[startSite].frac;
    const startCart = vecMat(startFrac, structure.lattice);
    const hopVec = vecMat(subFrac(endFrac(p, hop), p.sites[hop.i].frac), p.lattice);
    const endCart: Vec3 = [startCart[0] + hopVec[0], startCart[1] + hopVec[1], startCart[2] + hopVec[2]];
    const end = vecMat(endCart, inv);
    const endSite = nearestInputSite(structure, prim.siteMap, hop.j, end);
    return {
      index,
      lengthA: hop.lengthA,
      startFrac,
      midpointFrac: lerp(startFrac, end, 0.5),
      endFrac: end,
      startCart,
      midpointCart: lerp(startCart, endCart, 0.5),
      endCart,
      startSite,
      endSite,
      startOrbit: inputOrbit[startSite],
      endOrbit: inputOrbit[endSite],
      startWyckoff: sym.wyckoffs[hop.i],
      endWyckoff: sym.wyckoffs[hop.j],
      multiplicity: c.multiplicityPrim * prim.cellsPerInput,
      hopsPerIon: c.signature.hopsPerIon,
      ionFraction: nIon / structure.sites.length,
      clearanceA: segmentClearance(p, near, hop.i, hop.j, hop.image),
      hops: inputCellHops(structure, prim.structure, prim.siteMap, c.orbit),
    };
  });
}

/** The hops of each pathway (as findDistinctPathways with the same options finds them), e.g. for a stored pathway row. */
export function equivalentHops(structure: Structure, options: PathwayOptions = {}): EquivalentHop[][] {
  return findDistinctPathways(structure, options).map((p) => p.hops);
}

/**
 * The input-cell hops of a primitive-cell hop orbit: each primitive hop starts at every input site
 * that is an image of its start site (cellsPerInput of them); its end is found by the hop vector,
 * so the result does not depend on how the primitive cell's sites are offset from the input's.
 */
function inputCellHops(structure: Structure, p: Structure, siteMap: number[], orbit: Set<string>): EquivalentHop[] {
  const inv = inverse3(structure.lattice);
  const out: EquivalentHop[] = [];
  for (const key of orbit) {
    const [i, j, t0, t1, t2] = key.split(",").map(Number);
    const hopVec = vecMat(subFrac(endFrac(p, { i, j, image: [t0, t1, t2], lengthA: 0 }), p.sites[i].frac), p.lattice);
    siteMap.forEach((k, s) => {
      if (k !== i) return;
      const start = vecMat(structure.sites[s].frac, structure.lattice);
      const f = vecMat([start[0] + hopVec[0], start[1] + hopVec[1], start[2] + hopVec[2]], inv);
      const m = nearestInputSite(structure, siteMap, j, f);
      const g = structure.sites[m].frac;
      out.push({ i: s, j: m, image: [Math.round(f[0] - g[0]), Math.round(f[1] - g[1]), Math.round(f[2] - g[2])] });
    });
  }
  return out;
}

const subFrac = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const endFrac = (p: Structure, h: Hop): Vec3 => {
  const f = p.sites[h.j].frac;
  return [f[0] + h.image[0], f[1] + h.image[1], f[2] + h.image[2]];
};

/** Starts the hop at the end whose surroundings sort first, so the direction does not depend on site order. */
function orientHop(p: Structure, near: PointSearch, h: Hop): Hop {
  const a = pointSignature(p, near, vecMat(p.sites[h.i].frac, p.lattice));
  const b = pointSignature(p, near, vecMat(endFrac(p, h), p.lattice));
  if (comparePointSignatures(a, b) <= 0 || h.i === h.j) return h;
  return { i: h.j, j: h.i, image: [-h.image[0], -h.image[1], -h.image[2]], lengthA: h.lengthA };
}

/** Orbit id per input site: the lowest input index whose primitive site lies in the same orbit. */
function inputOrbits(siteMap: number[], primOrbits: number[]): number[] {
  const first = new Map<number, number>();
  return siteMap.map((k, s) => {
    const o = primOrbits[k];
    if (!first.has(o)) first.set(o, s);
    return first.get(o)!;
  });
}

/** The input site that is the image of primitive site `k` at fractional position `f` (input cell). */
function nearestInputSite(s: Structure, siteMap: number[], k: number, f: Vec3): number {
  let best = -1;
  let bestD = Infinity;
  siteMap.forEach((m, idx) => {
    if (m !== k) return;
    const d = subFrac(s.sites[idx].frac, f);
    const c = vecMat([d[0] - Math.round(d[0]), d[1] - Math.round(d[1]), d[2] - Math.round(d[2])], s.lattice);
    const dist = Math.hypot(c[0], c[1], c[2]);
    if (dist < bestD) {
      bestD = dist;
      best = idx;
    }
  });
  return best;
}
