import { sql } from "drizzle-orm";
import { z } from "zod";
import { pathways, structures, type NewPathwayRow, type PathwayImages, type StructureRow } from "../../db/schema/index";
import { buildHopImages } from "../../lib/interpolation/hop-images";
import { findDistinctPathways, type Pathway } from "../../lib/pathways/distinct-hops";
import { supercellSizes, type SupercellSizes } from "../../lib/pathways/supercell-sizes";
import { DEFAULT_SYMPREC } from "../../lib/symmetry/analyze";
import { criteriaColumnsOf } from "../engine/criteria";
import { defineStage } from "../engine/define-stage";
import { replaceOnConflict } from "../engine/replace-on-conflict";

export const pathwayParams = z.object({
  /** Mobile species. */
  ion: z.string().min(1),
  /** Longest hop searched, Å. */
  maxLength: z.number().positive().max(20),
  /** Shortest pathways kept per structure; 0 keeps all. */
  keep: z.number().int().min(0),
  /** Interior images of each hop's band. */
  nImages: z.number().int().min(1).max(30),
  /** Each axis of the images' supercell is at least this long, Å. */
  minSupercellLength: z.number().positive().max(40),
  /** Symmetry tolerance, Å. */
  symprec: z.number().positive().max(1),
});
export type PathwayParams = z.infer<typeof pathwayParams>;

/** One computed hop: the lib/ pathway, the structure's supercell sizes, and its band of images. */
export interface ComputedPathway {
  pathway: Pathway;
  sizes: SupercellSizes;
  images: PathwayImages | null;
  imagesError: string | null;
}

/**
 * The hops of one structure with their image bands. A hop whose band cannot be built (the library
 * refuses clashing bands) is kept with the reason, since the hop itself is still a valid result.
 */
export function computePathways(structure: StructureRow["structure"], params: PathwayParams): ComputedPathway[] {
  const found = findDistinctPathways(structure, {
    ion: params.ion,
    maxLength: params.maxLength,
    symprec: params.symprec,
    limit: params.keep,
  });
  const sizes = supercellSizes(structure.lattice, structure.sites.length);
  return found.map((pathway) => {
    try {
      const images = buildHopImages(structure, pathway, {
        nImages: params.nImages,
        minSupercellLength: params.minSupercellLength,
        symprec: params.symprec,
      });
      return { pathway, sizes, images, imagesError: null };
    } catch (e) {
      return { pathway, sizes, images: null, imagesError: e instanceof Error ? e.message : String(e) };
    }
  });
}

function rowOf(structureId: number, c: ComputedPathway, params: PathwayParams): NewPathwayRow {
  const p = c.pathway;
  return {
    structureId,
    index: p.index,
    length: p.lengthA,
    startFrac: p.startFrac,
    midpointFrac: p.midpointFrac,
    endFrac: p.endFrac,
    startCart: p.startCart,
    midpointCart: p.midpointCart,
    endCart: p.endCart,
    startSite: p.startSite,
    endSite: p.endSite,
    hops: p.hops,
    startOrbit: p.startOrbit,
    endOrbit: p.endOrbit,
    startWyckoff: p.startWyckoff,
    endWyckoff: p.endWyckoff,
    multiplicity: p.multiplicity,
    hopsPerIon: p.hopsPerIon,
    ionFraction: p.ionFraction,
    clearance: p.clearanceA,
    nsites777: c.sizes.nsites777,
    nsites101010: c.sizes.nsites101010,
    nsites121212: c.sizes.nsites121212,
    ion: params.ion,
    maxLength: params.maxLength,
    images: c.images,
    imagesError: c.imagesError,
  };
}

// On a re-run (e.g. after auto-broaden) a hop keeps its row and id: every column but the identity is replaced.
const UPDATE_ON_RERUN = replaceOnConflict(pathways, ["structureId", "index"]);

/**
 * Pathways stage: the symmetry-distinct hops of the mobile ion in each structure that contains it,
 * smallest structures first. Re-runs update rows by (structure, index) and never delete: a hop's
 * rank is stable when maxLength grows (the shorter hops come first either way).
 */
export const pathwaysStage = defineStage<StructureRow, PathwayParams, ComputedPathway>({
  name: "pathways",
  input: { table: structures, key: structures.id },
  output: { table: pathways, key: pathways.structureId },
  defaults: {
    criteria: [{ column: "elements", op: "contains", value: { param: "ion" } }],
    priority: [{ column: "nsites", dir: "asc" }],
    concurrency: 2,
    params: { ion: "F", maxLength: 5, keep: 5, nImages: 5, minSupercellLength: 7, symprec: DEFAULT_SYMPREC },
    // Structures with fewer than `keep` hops within 5 Å get a second look at 6, then 7 Å.
    autoBroaden: { param: "maxLength", steps: [6, 7], stepIndex: 0 },
    timeLimitSeconds: 900,
  },
  params: pathwayParams,
  // Everything about the structure but its raw data and dedup fingerprint.
  criteriaColumns: criteriaColumnsOf(structures, ["source_id", "fingerprint"]),
  run: (input, params) => computePathways(input.structure, params),
  async write(tx, input, rows, params) {
    if (rows.length === 0) return [];
    const written = await tx
      .insert(pathways)
      .values(rows.map((r) => rowOf(input.id, r, params)))
      .onConflictDoUpdate({ target: [pathways.structureId, pathways.index], set: UPDATE_ON_RERUN })
      .returning({ id: pathways.id, index: pathways.index });
    return written.sort((a, b) => a.index - b.index).map((w) => w.id);
  },
  describe: (rows, params) => `${rows.length} pathways of ${params.ion} up to ${params.maxLength} Å`,
  // Only a structure that had fewer hops than wanted can gain from a longer search.
  reopenOnBroaden: (params) =>
    params.keep > 0 ? sql`jsonb_array_length(coalesce(stage_runs.result -> 'ids', '[]'::jsonb)) < ${params.keep}` : undefined,
});
