import type { Database } from "../../db/client";
import { structures } from "../../db/schema/index";
import { structureRecord } from "../../lib/records/structure-record";
import { liF } from "../../lib/structure/reference-crystals";
import type { Structure } from "../../lib/structure/structure";

/** Writes structures as the import stage would (same derived columns), bypassing the import jobs. */
export async function insertStructures(db: Database, list: Structure[]): Promise<number[]> {
  const rows = list.map((s) => {
    const r = structureRecord(s);
    return {
      source: "library" as const,
      formula: r.formula,
      reducedFormula: r.reducedFormula,
      chemsys: r.chemsys,
      elements: r.elements,
      nsites: r.nsites,
      nelements: r.nelements,
      density: r.densityGPerCm3,
      volume: r.volumeA3,
      spacegroupNumber: r.spacegroupNumber,
      spacegroupSymbol: r.spacegroupSymbol,
      structure: r.structure,
      fingerprint: r.fingerprint,
    };
  });
  const inserted = await db.insert(structures).values(rows).returning({ id: structures.id });
  return inserted.map((r) => r.id);
}

/** Rock-salt LiCl (a = 5.13 Å): a crystal without fluorine. */
export const liCl = (): Structure => {
  const s = liF(5.13);
  return { ...s, sites: s.sites.map((x) => ({ ...x, species: x.species === "F" ? "Cl" : x.species })) };
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}
