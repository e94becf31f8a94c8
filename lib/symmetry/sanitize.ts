import { electronegativity } from "../elements/elements";
import { type Lattice, wrapFrac } from "../structure/lattice";
import { lllReduceStructure } from "../structure/lll";
import type { Site, Structure } from "../structure/structure";
import type { Vec3 } from "../structure/vector";
import { DEFAULT_SYMPREC, analyzeSymmetry } from "./analyze";

// Noble gases have no Pauling value; pymatgen sorts them last too (their key is NaN there, +∞ here).
const enKey = (species: string) => electronegativity(species) ?? Number.POSITIVE_INFINITY;

/**
 * Rounds away the last bits of float noise (1e-12 of a fractional coordinate or an Å), so that one
 * crystal given with its atoms in another order sanitises to identical numbers, not merely close ones.
 */
const tidy = (x: number) => Math.round(x * 1e12) / 1e12 + 0;

// Coordinates compared at 1e-8 so that float noise does not reorder sites at equal positions.
const coordKey = (x: number) => Math.round(x * 1e8);

/** Site order of the original workflow: electronegativity, then element symbol, then position. */
export function compareSites(a: Site, b: Site): number {
  const en = enKey(a.species) - enKey(b.species);
  if (en !== 0 && !Number.isNaN(en)) return en;
  if (a.species !== b.species) return a.species < b.species ? -1 : 1;
  for (let i = 0; i < 3; i++) {
    const d = coordKey(a.frac[i]) - coordKey(b.frac[i]);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The cell every later stage works on, as the original workflow made it with pymatgen: moyo's
 * standardised primitive cell (so a supercell or a conventional cell gives the same, smaller cell and
 * positions are symmetrised within `symprec` Å), its LLL-reduced lattice, coordinates in [0, 1), and
 * sites sorted by Pauling electronegativity so that cations come before the fluoride ions.
 *
 * Labels are dropped (the primitive sites are new atoms); an oxidation state is kept where every site
 * of that element had the same one, since moyo sees only elements.
 */
export function sanitizeStructure(structure: Structure, symprec = DEFAULT_SYMPREC): Structure {
  const { primitive } = analyzeSymmetry(structure, symprec);
  const oxidation = new Map<string, number | undefined>();
  for (const s of structure.sites) {
    const seen = oxidation.get(s.species);
    oxidation.set(s.species, oxidation.has(s.species) && seen !== s.oxidationState ? undefined : s.oxidationState);
  }
  const reduced = lllReduceStructure(primitive);
  const sites = reduced.sites.map((s): Site => {
    const frac = wrapFrac(s.frac.map(tidy) as Vec3);
    const ox = oxidation.get(s.species);
    return ox === undefined ? { species: s.species, frac } : { species: s.species, frac, oxidationState: ox };
  });
  return { lattice: reduced.lattice.map((r) => r.map(tidy)) as Lattice, sites: sites.sort(compareSites) };
}
