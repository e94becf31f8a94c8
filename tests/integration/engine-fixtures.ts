import type { Database } from "../../db/client";
import { structures } from "../../db/schema/index";
import { structureRowOf } from "../../db/structure-row";
import { structureRecord } from "../../lib/records/structure-record";
import { liF } from "../../lib/structure/reference-crystals";
import type { Structure } from "../../lib/structure/structure";

/** Writes structures as the import stage would (same derived columns), bypassing the import jobs. */
export async function insertStructures(db: Database, list: Structure[]): Promise<number[]> {
  const rows = list.map((s) => structureRowOf(structureRecord(s), { source: "library" }));
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
