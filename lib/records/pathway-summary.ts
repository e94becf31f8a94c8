import type { Pathway } from "../pathways/distinct-hops";
import { supercellSizes } from "../pathways/supercell-sizes";
import type { Structure } from "../structure/structure";

/** One pathway as `hopscape paths --json` prints it (and `analyze` extends it). */
export interface PathwaySummary {
  index: number;
  length: number;
  start: number[];
  midpoint: number[];
  end: number[];
  startOrbit: number;
  endOrbit: number;
  multiplicity: number;
  clearance: number;
  nsites777: number;
  nsites101010: number;
  nsites121212: number;
}

export function summarizePathway(structure: Structure, p: Pathway): PathwaySummary {
  return {
    index: p.index,
    length: p.lengthA,
    start: p.startFrac,
    midpoint: p.midpointFrac,
    end: p.endFrac,
    startOrbit: p.startOrbit,
    endOrbit: p.endOrbit,
    multiplicity: p.multiplicity,
    clearance: p.clearanceA,
    ...supercellSizes(structure.lattice, structure.sites.length),
  };
}
