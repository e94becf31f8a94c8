import { afterAll, beforeAll } from "vitest";
import { toPymatgenDict } from "../../lib/io/pymatgen-json";
import { libraryStructures } from "../../lib/library/build";
import { fracToCart, wrapFrac } from "../../lib/structure/lattice";
import type { Structure } from "../../lib/structure/structure";
import type { ImportProgressCallback, ImportCounts } from "../../server/services/importers/import-counts";
import { enqueueStructureImport } from "../../server/services/structure-import";
import { startWorkerRunner, type WorkerRunner } from "../../workers/runner";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { waitForImport } from "../helpers/wait-for-import";

/** A library crystal by its id (lib/library/fluorides.ts). */
export function library(id: string): Structure {
  const s = libraryStructures().find((l) => l.id === id);
  if (!s) throw new Error(`no library crystal ${id}`);
  return s.structure;
}

/** The same crystal with its origin moved by `shift` (fractional): another setting, the same fingerprint. */
export function originShifted(s: Structure, shift: [number, number, number] = [0.13, 0.27, 0.41]): Structure {
  return { lattice: s.lattice, sites: s.sites.map((site) => ({ ...site, frac: wrapFrac([site.frac[0] + shift[0], site.frac[1] + shift[1], site.frac[2] + shift[2]]) })) };
}

/** pymatgen's Structure.as_dict() of a structure, as the Materials Project serves `structure`. */
export const pymatgenDict = (s: Structure) => toPymatgenDict(s);

/** A sleep that waits for nothing and remembers what it was asked to wait: retries are checked, not sat through. */
export function recordingSleep(): { delays: number[]; sleep: (ms: number) => Promise<void> } {
  const delays: number[] = [];
  return { delays, sleep: async (ms) => void delays.push(ms) };
}

/** Progress callbacks as copies, for checking what a progress bar would have shown. */
export function progressLog(): { seen: ImportCounts[]; onProgress: ImportProgressCallback } {
  const seen: ImportCounts[] = [];
  return { seen, onProgress: (c) => void seen.push(structuredClone(c)) };
}

/**
 * An OPTIMADE structures entry's attributes for an ordered crystal, as a provider serves them:
 * Cartesian positions, species named by `name` (default the element).
 */
export function optimadeAttributes(s: Structure, name: (element: string, i: number) => string = (el) => el) {
  const names = s.sites.map((site, i) => name(site.species, i));
  const species = [...new Set(names)].map((n) => ({
    name: n,
    chemical_symbols: [s.sites[names.indexOf(n)].species],
    concentration: [1.0],
  }));
  return {
    lattice_vectors: s.lattice.map((r) => [...r]),
    cartesian_site_positions: s.sites.map((site) => fracToCart(s.lattice, site.frac)),
    species_at_sites: names,
    species,
    nsites: s.sites.length,
    elements: [...new Set(s.sites.map((site) => site.species))].sort(),
    dimension_types: [1, 1, 1],
    nperiodic_dimensions: 3,
    structure_features: [] as string[],
  };
}

export interface ImportTestContext {
  /** Set in beforeAll. */
  t: TestDatabase;
  worker?: WorkerRunner;
  /** Run in afterAll before the database is dropped (fake servers to close...). */
  cleanups: (() => Promise<void>)[];
}

/** A test file's own database, a worker stopped and the database dropped after its tests. */
export function useImportTestDatabase(): ImportTestContext {
  const ctx = { cleanups: [] } as unknown as ImportTestContext;
  beforeAll(async () => {
    ctx.t = await createTestDatabase();
  });
  afterAll(async () => {
    await ctx.worker?.stop();
    for (const c of ctx.cleanups) await c();
    await ctx.t?.drop();
  });
  return ctx;
}

/** Starts the real worker with the library's fluorite already imported, so a later copy of it is a duplicate. */
export async function startWorkerWithFluorite(ctx: ImportTestContext): Promise<void> {
  const existing = await enqueueStructureImport({ source: "library", sourceId: "CaF2-fluorite", structure: library("CaF2-fluorite") }, ctx.t.pool);
  ctx.worker = await startWorkerRunner({ pgPool: ctx.t.pool, concurrency: 2 });
  await waitForImport(ctx.t.pool, existing.inputKey);
}
