import type { Lattice } from "../structure/lattice";
import { perpendicularHeights, wrapFrac } from "../structure/lattice";
import type { Site, Structure } from "../structure/structure";
import type { Vec3 } from "../structure/vector";
import { add, matVec, norm, vecMat } from "../structure/vector";
import type { SymmetryOperation } from "./analyze";

/** Two images closer than this (Å) are one atom: CIF coordinates carry 4–5 digits, well below it. */
export const DUPLICATE_TOLERANCE_A = 0.01;

/**
 * Cartesian length of the shortest periodic image of the fractional difference d. Rounding each
 * component to the nearest integer finds that image exactly for differences far below a lattice
 * spacing, which is all this module asks about.
 */
function periodicDistance(lattice: Lattice, a: Vec3, b: Vec3): number {
  const d: Vec3 = [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
  return norm(vecMat([d[0] - Math.round(d[0]), d[1] - Math.round(d[1]), d[2] - Math.round(d[2])], lattice));
}

const describe = (s: Site) => (s.label ? `'${s.label}' (${s.species})` : s.species);

/**
 * Atoms kept so far, binned on a fractional grid of cells at least ~1 Å (and more than the tolerance)
 * high, so that looking for an atom within the tolerance visits the 27 cells around a point instead of
 * every atom: a P1 file with tens of thousands of atoms stays linear.
 */
class SiteGrid {
  private readonly n: Vec3;
  private readonly bins = new Map<number, Site[]>();

  constructor(
    private readonly lattice: Lattice,
    toleranceA: number,
  ) {
    const h = perpendicularHeights(lattice);
    this.n = h.map((x) => Math.max(1, Math.min(1000, Math.floor(x / Math.max(1, 2 * toleranceA))))) as Vec3;
  }

  private key(i: number, j: number, k: number): number {
    const [a, b, c] = this.n;
    return ((((i % a) + a) % a) * b + (((j % b) + b) % b)) * c + (((k % c) + c) % c);
  }

  private cell(frac: Vec3): Vec3 {
    return frac.map((f, i) => Math.floor(f * this.n[i])) as Vec3;
  }

  near(frac: Vec3, toleranceA: number): Site | undefined {
    const [ci, cj, ck] = this.cell(frac);
    // With fewer than three bins along an axis the neighbouring cells wrap onto the same bins; each
    // is searched once (a small cell has one bin, which would otherwise be searched 27 times).
    const [li, lj, lk] = this.n.map((m) => (m >= 3 ? -1 : 0));
    const [hi, hj, hk] = this.n.map((m) => (m >= 2 ? 1 : 0));
    for (let i = ci + li; i <= ci + hi; i++) {
      for (let j = cj + lj; j <= cj + hj; j++) {
        for (let k = ck + lk; k <= ck + hk; k++) {
          const hit = this.bins.get(this.key(i, j, k))?.find((o) => periodicDistance(this.lattice, o.frac, frac) < toleranceA);
          if (hit) return hit;
        }
      }
    }
    return undefined;
  }

  add(site: Site): void {
    const key = this.key(...this.cell(site.frac));
    const bin = this.bins.get(key);
    if (bin) bin.push(site);
    else this.bins.set(key, [site]);
  }
}

/**
 * Full unit cell from an asymmetric unit: every operation applied to every site, coordinates wrapped
 * into [0, 1), images within `toleranceA` of an earlier atom (periodic distance) merged into it, so the
 * first site keeps its label and species. Two different species on one position are refused: the
 * screening only handles ordered crystals, and a silently dropped atom would change the chemistry.
 *
 * More than `maxSites` distinct atoms stops the expansion with an error: in a small cell every image
 * lands in one grid bin, and a hostile file could otherwise ask for ~10⁵ images compared pairwise.
 */
export function expandAsymmetricUnit(
  lattice: Lattice,
  operations: SymmetryOperation[],
  sites: Site[],
  toleranceA = DUPLICATE_TOLERANCE_A,
  maxSites = Number.POSITIVE_INFINITY,
): Structure {
  if (operations.length === 0) throw new Error("no symmetry operations to expand with");
  const out: Site[] = [];
  const grid = new SiteGrid(lattice, toleranceA);
  for (const site of sites) {
    for (const op of operations) {
      const frac = wrapFrac(add(matVec(op.rotation, site.frac), op.translation));
      const clash = grid.near(frac, toleranceA);
      if (clash) {
        if (clash.species !== site.species) {
          throw new Error(
            `sites ${describe(clash)} and ${describe(site)} occupy the same position ` +
              `(${frac.map((x) => x.toFixed(4)).join(", ")}): mixed or disordered sites are not supported`,
          );
        }
        continue;
      }
      const image = { ...site, frac };
      if (out.length >= maxSites) throw new Error(`the expanded cell has more than ${maxSites} atoms`);
      out.push(image);
      grid.add(image);
    }
  }
  return { lattice: lattice.map((r) => [...r]) as Lattice, sites: out };
}
