import type { Pathway } from "../pathways/distinct-hops";
import type { Lattice } from "../structure/lattice";
import { inverseLattice } from "../structure/lattice";
import type { Structure } from "../structure/structure";
import type { Vec3 } from "../structure/vector";
import { vecMat } from "../structure/vector";
import { shortestPairDistances } from "./bond-lengths";
import { buildHopSupercell } from "./hop-supercell";
import { relaxIdpp } from "./idpp";
import { linearBand, unblockBand } from "./initial-band";
import { buildPairList, type PairList } from "./pair-list";

export interface HopImageOptions {
  /** Interior images between the two end points. */
  nImages?: number;
  /** Each supercell axis is at least this long, Å (multipliers floor(L/|a_i|) + 1). */
  minSupercellLength?: number;
  /** Tolerance for locating the hop's sites in the supercell, Å. */
  symprec?: number;
  /** No two atoms of any image come closer than this fraction of their species' bond length. */
  minDistanceFraction?: number;
  /** Bond length of two species, Å; default: their shortest distance in the crystal (bond-lengths.ts). */
  bondLengthA?: (a: string, b: string) => number;
  /** Pairs farther apart than this all along the path are left out of IDPP, Å. */
  pairCutoffA?: number;
  maxIterations?: number;
  forceTolerance?: number;
  springConstant?: number;
  maxStepA?: number;
}

/**
 * A hop as a band of supercell images. `images[k][a]` is the Cartesian position (Å) of atom a in
 * image k; k = 0 and k = nImages + 1 are the end points. Atom 0 is the moving ion; its coordinates
 * are continuous along the band (not wrapped), the other atoms start inside the cell. Both sites of
 * the hop are otherwise empty in every image (the ion's vacancy and its destination).
 */
export interface HopImages {
  lattice: Lattice;
  multipliers: [number, number, number];
  species: string[];
  images: Vec3[][];
  converged: boolean;
  iterations: number;
  /** Largest per-atom NEB force of the returned band (IDPP units, Å⁻³); −1 if the unrelaxed band had to be returned. */
  maxForce: number;
  /** Smallest distance / (fraction × bond length) over every pair of every image: ≥ 1 guaranteed. */
  minDistanceRatio: number;
  warnings: string[];
}

/**
 * Supercell images along a hop: the crystal repeated to at least `minSupercellLength` per axis, the
 * moving ion first, a linear interpolation (bent sideways when the straight line runs into an atom)
 * relaxed by IDPP. Never returns NaN or a clash: a band that cannot be made clash-free throws, and
 * one that does not converge within the iteration cap comes back with converged = false.
 */
export function buildHopImages(structure: Structure, pathway: Pathway, options: HopImageOptions = {}): HopImages {
  const nImages = options.nImages ?? 5;
  const fraction = options.minDistanceFraction ?? 0.5;
  const cutoff = options.pairCutoffA ?? 6;
  const warnings: string[] = [];
  const cell = buildHopSupercell(structure, pathway, options.minSupercellLength ?? 7, options.symprec ?? 0.1);
  const pairs = buildPairList(cell.lattice, cell.start, cell.end, cutoff);
  const bond = options.bondLengthA ?? shortestPairDistances(structure);
  const floors = new Float64Array(pairs.count);
  for (let p = 0; p < pairs.count; p++) floors[p] = fraction * bond(cell.species[pairs.i[p]], cell.species[pairs.j[p]]);

  const ends = linearBand(cell.start, cell.end, 0);
  for (const e of ends) {
    if (worstRatio(e, pairs, floors) < 1) throw new Error("the crystal itself has atoms closer than the minimum distance");
  }
  const band = linearBand(cell.start, cell.end, nImages);
  if (unblockBand(band, pairs, floors)) warnings.push("straight path ran into an atom: initial band bent sideways");
  const result = relaxIdpp(band, pairs, floors, {
    maxIterations: options.maxIterations,
    forceTolerance: options.forceTolerance,
    springConstant: options.springConstant,
    maxStepA: options.maxStepA,
  });
  let out = result.band;
  let ratio = Math.min(...out.map((b) => worstRatio(b, pairs, floors)));
  let maxForce = result.maxForce;
  if (!(ratio >= 1) || out.some((b) => b.some((x) => !Number.isFinite(x)))) {
    // Cannot happen while the push step works; if it ever does, the initial band is the fallback.
    const initialRatio = Math.min(...band.map((b) => worstRatio(b, pairs, floors)));
    if (!(initialRatio >= 1)) throw new Error("no clash-free band found for this hop");
    warnings.push("relaxed band had a clash: returning the initial band");
    out = band;
    ratio = initialRatio;
    maxForce = NaN;
  }
  if (!result.converged) warnings.push(`IDPP not converged after ${result.iterations} iterations (max force ${maxForce.toExponential(2)})`);
  return {
    lattice: cell.lattice,
    multipliers: cell.multipliers,
    species: cell.species,
    images: out.map(toVecs),
    converged: result.converged && Number.isFinite(maxForce),
    iterations: result.iterations,
    maxForce: Number.isFinite(maxForce) ? maxForce : -1,
    minDistanceRatio: ratio,
    warnings,
  };
}

/** Fractional coordinates of one image in the supercell (not wrapped). */
export function imageFractional(lattice: Lattice, image: Vec3[]): Vec3[] {
  const inv = inverseLattice(lattice);
  return image.map((x) => vecMat(x, inv));
}

function toVecs(b: Float64Array): Vec3[] {
  const out: Vec3[] = [];
  for (let a = 0; a < b.length; a += 3) out.push([b[a], b[a + 1], b[a + 2]]);
  return out;
}

/** Smallest d / floor over the listed pairs of one image. */
function worstRatio(x: Float64Array, pairs: PairList, floors: Float64Array): number {
  let worst = Infinity;
  for (let p = 0; p < pairs.count; p++) {
    const a = 3 * pairs.i[p], b = 3 * pairs.j[p], s = 3 * p;
    const rx = x[b] + pairs.shift[s] - x[a], ry = x[b + 1] + pairs.shift[s + 1] - x[a + 1], rz = x[b + 2] + pairs.shift[s + 2] - x[a + 2];
    const d = Math.sqrt(rx * rx + ry * ry + rz * rz);
    worst = Math.min(worst, d / floors[p]);
  }
  return worst;
}
