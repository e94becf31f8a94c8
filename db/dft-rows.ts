/** The dft table's rows: a DFT profile stored for a pathway, from an upload or the dft stage. */
import { eq } from "drizzle-orm";
import type { DftProfile } from "../lib/vasp/dft-profile";
import type { Database } from "./client";
import { dft, type DftSource, type NewDftRow } from "./schema/index";

export const dftRowOf = (pathwayId: number, p: DftProfile, source: DftSource): NewDftRow => ({
  pathwayId,
  imageEnergies: p.imageEnergies,
  barrier: p.barrier,
  reverseBarrier: p.reverseBarrier,
  converged: p.converged,
  source,
  forcesMax: p.forcesMax,
  files: p.images.map((i) => i.file),
  updatedAt: new Date(),
});

export async function upsertDft(db: Pick<Database, "insert">, row: NewDftRow): Promise<number> {
  const { pathwayId: _key, ...set } = row;
  const [written] = await db.insert(dft).values(row).onConflictDoUpdate({ target: dft.pathwayId, set }).returning({ id: dft.id });
  return written.id;
}

/** The pathway's stored DFT profile, or null. */
export async function dftOfPathway(db: Database, pathwayId: number) {
  const [row] = await db.select().from(dft).where(eq(dft.pathwayId, pathwayId));
  return row ?? null;
}
