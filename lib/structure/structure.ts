import type { Lattice } from "./lattice";
import type { Vec3 } from "./vector";

/**
 * One atom of a crystal. `species` is an element symbol ("F", "Ca").
 * `oxidationState` is set once assigned (lib/oxidation), `label` keeps a file's site label.
 */
export interface Site {
  species: string;
  frac: Vec3;
  label?: string;
  oxidationState?: number;
}

/**
 * A periodic crystal structure as plain, JSON-serialisable data: the lattice (rows a, b, c in Å)
 * and the sites in fractional coordinates. Everything in lib/ takes and returns this shape.
 */
export interface Structure {
  lattice: Lattice;
  sites: Site[];
}
