import { isElement } from "../elements/elements";
import { type Lattice, latticeVolume } from "../structure/lattice";
import { createNeighborIndex } from "../structure/neighbors";
import type { Site, Structure } from "../structure/structure";
import { norm } from "../structure/vector";
import { excerpt } from "./excerpt";

/**
 * What a structure must satisfy before the pipeline takes it. Every entry point (file reader, submit
 * form, uploads, importers, CLI) checks the same limits, so a crystal refused in one is refused in all.
 */
export interface StructureLimits {
  /** Most sites after symmetry expansion: the later stages grow with the cell, a web upload must not stall a worker. */
  maxSites: number;
  /** Atoms closer than this (Å) are a broken file: the shortest real bonds (H–F) are about 0.9 Å. */
  minDistanceA: number;
  /** A cell smaller than this (Å³) is degenerate: no atom fits in it at the distance above. */
  minVolumeA3: number;
  /** Longest cell edge (Å): far beyond any crystal to screen, and it keeps grids and neighbour searches bounded. */
  maxEdgeA: number;
}

export const DEFAULT_STRUCTURE_LIMITS: Readonly<StructureLimits> = {
  maxSites: 500,
  minDistanceA: 0.5,
  minVolumeA3: 1,
  maxEdgeA: 1000,
};

/** The environment variable that raises or lowers `maxSites` for a whole deployment. */
export const MAX_SITES_ENV = "HOPSCAPE_MAX_SITES";

/** Limits as configured by the environment given (the defaults, `HOPSCAPE_MAX_SITES` overriding). */
export function structureLimitsFromEnv(env: Record<string, string | undefined>): StructureLimits {
  const raw = env[MAX_SITES_ENV]?.trim();
  if (raw === undefined || raw === "") return { ...DEFAULT_STRUCTURE_LIMITS };
  const maxSites = Number(raw);
  if (!Number.isSafeInteger(maxSites) || maxSites < 1) {
    throw new Error(`${MAX_SITES_ENV} must be a positive whole number, not '${excerpt(raw, 20)}'`);
  }
  return { ...DEFAULT_STRUCTURE_LIMITS, maxSites };
}

/**
 * The limits of this process. The one place lib/ reads the environment: the readers run in the
 * server, the workers and the CLI, and a deployment's HOPSCAPE_MAX_SITES must reach all of them
 * without each caller remembering to pass it. In a browser there is no environment: the defaults.
 */
export function configuredStructureLimits(): StructureLimits {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return structureLimitsFromEnv(env ?? {});
}

const fmt = (x: number) => (Math.abs(x) >= 1e6 || (x !== 0 && Math.abs(x) < 1e-3) ? x.toExponential(2) : String(Number(x.toFixed(3))));

/**
 * A site as a message names it: its number in the file's order, its label when it has one.
 * Exported so that readers refusing a site before a structure exists name it the same way.
 */
export function siteName(site: Pick<Site, "species" | "label">, index: number): string {
  return site.label ? `site ${index + 1} ('${excerpt(site.label, 24)}', ${excerpt(site.species, 8)})` : `site ${index + 1} (${excerpt(site.species, 8)})`;
}

/**
 * Refuses a lattice the pipeline cannot work in: non-finite numbers, an edge beyond `maxEdgeA`, a
 * volume below `minVolumeA3` (flat or collapsed cells). Readers call it before a symmetry expansion,
 * whose work in a collapsed cell is unbounded.
 */
export function checkLattice(lattice: Lattice, limits: Pick<StructureLimits, "maxEdgeA" | "minVolumeA3"> = DEFAULT_STRUCTURE_LIMITS): void {
  if (!lattice.flat().every(Number.isFinite)) throw new Error("the lattice has a component that is not a finite number");
  lattice.forEach((row, i) => {
    const length = norm(row);
    if (length > limits.maxEdgeA) {
      throw new Error(`the cell edge ${"abc"[i]} is ${fmt(length)} Å long; cells are limited to ${limits.maxEdgeA} Å`);
    }
  });
  const volume = latticeVolume(lattice);
  if (!(volume >= limits.minVolumeA3)) {
    throw new Error(`the lattice is degenerate (volume ${fmt(volume)} Å³; at least ${limits.minVolumeA3} Å³ is needed)`);
  }
}

/** The closest pair of atoms (a site and a periodic image of itself counts) when closer than `minA`. */
function closestPair(structure: Structure, minA: number): { i: number; j: number; distanceA: number } | undefined {
  const index = createNeighborIndex(structure, minA);
  let best: { i: number; j: number; distanceA: number } | undefined;
  structure.sites.forEach((site, i) => {
    index.visit(site.frac, minA, (j, image, distanceA) => {
      const itself = j === i && image[0] === 0 && image[1] === 0 && image[2] === 0;
      if (itself || distanceA >= minA || j < i) return;
      if (!best || distanceA < best.distanceA) best = { i, j, distanceA };
    });
  });
  return best;
}

/**
 * Throws an Error with a sentence naming what is wrong when `structure` breaks a limit: an unknown
 * element (site and symbol), a coordinate that is not a number, too many sites, a degenerate or
 * oversized lattice, two atoms closer than `minDistanceA` (both sites and the distance).
 */
export function checkStructureLimits(structure: Structure, limits: StructureLimits = DEFAULT_STRUCTURE_LIMITS): void {
  const { sites } = structure;
  if (sites.length === 0) throw new Error("the structure has no atoms");
  sites.forEach((site, i) => {
    if (!isElement(site.species)) {
      const label = site.label ? ` ('${excerpt(site.label, 24)}')` : "";
      throw new Error(`site ${i + 1}${label} has the unknown element '${excerpt(site.species, 12)}'`);
    }
    if (!site.frac.every(Number.isFinite)) throw new Error(`${siteName(site, i)} has a coordinate that is not a finite number`);
  });
  if (sites.length > limits.maxSites) {
    throw new Error(
      `the structure has ${sites.length} sites; the limit is ${limits.maxSites} (set ${MAX_SITES_ENV} to change it)`,
    );
  }
  checkLattice(structure.lattice, limits);
  const close = closestPair(structure, limits.minDistanceA);
  if (close) {
    const { i, j, distanceA } = close;
    const what =
      i === j
        ? `${siteName(sites[i], i)} is ${distanceA.toFixed(3)} Å from its own periodic image`
        : `${siteName(sites[i], i)} and ${siteName(sites[j], j)} are ${distanceA.toFixed(3)} Å apart`;
    throw new Error(`${what}; atoms closer than ${limits.minDistanceA} Å are refused`);
  }
}
