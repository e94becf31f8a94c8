/** The stored IDPP bands of pathways, as the VASP export (lib/vasp/pathway-export.ts) takes them. */
import { asc, eq } from "drizzle-orm";
import type { PathwayBand } from "../lib/vasp/pathway-export";
import type { Database } from "./client";
import { barriers, pathways, structures } from "./schema/index";

const bandColumns = {
  pathwayId: pathways.id,
  structureId: pathways.structureId,
  index: pathways.index,
  reducedFormula: structures.reducedFormula,
  images: pathways.images,
  imagesError: pathways.imagesError,
};

/** One pathway's band, or undefined when there is no such pathway. */
export async function pathwayBand(db: Database, id: number): Promise<PathwayBand | undefined> {
  const [row] = await db.select(bandColumns).from(pathways).innerJoin(structures, eq(structures.id, pathways.structureId)).where(eq(pathways.id, id));
  return row;
}

/**
 * The N pathways with the lowest relaxed BVSE barrier (the barriers stage's result; ties by id), with
 * a band: the ones most worth a DFT check.
 */
export async function topPathwayBands(db: Database, n: number): Promise<PathwayBand[]> {
  return db
    .select(bandColumns)
    .from(barriers)
    .innerJoin(pathways, eq(pathways.id, barriers.pathwayId))
    .innerJoin(structures, eq(structures.id, pathways.structureId))
    .orderBy(asc(barriers.relaxedBarrier), asc(pathways.id))
    .limit(n)
    .then((rows) => rows.filter((r) => r.images !== null));
}

