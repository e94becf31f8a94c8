import { type HopImages, buildHopImages } from "../interpolation/hop-images";
import { findDistinctPathways } from "../pathways/distinct-hops";
import { type PathwaySummary, summarizePathway } from "../records/pathway-summary";
import type { StructureSummary } from "../records/structure-summary";
import type { Structure } from "../structure/structure";
import { type PathwayBarrier, pathwayBarrier } from "./pathway-barrier";
import { type PathwayMeasures, pathwayMeasures } from "./pathway-measures";
import { describeForAnalysis } from "./structure-description";
import { type StructurePercolation, structurePercolation } from "./structure-percolation";

export interface AnalyzeOptions {
  /** Mobile species (default "F"). */
  ion?: string;
  /** Longest hop searched, Å (default 5). */
  maxLength?: number;
  /** Shortest pathways kept; 0 keeps all (default 5). */
  limit?: number;
  /** Interior IDPP images per hop (default 5, as the pathways stage). */
  nImages?: number;
  /** Movable NEB images, at least (default 9). */
  nebImages?: number;
  /** Percolation grid spacing, Å (default 0.2). */
  gridSpacingA?: number;
}

export interface AnalyzeProgress {
  done: number;
  total: number;
  label: string;
}

/** One pathway of `hopscape analyze --json`: the `paths` row with its measures and barriers. */
export interface AnalyzedPathway extends PathwaySummary {
  measures: PathwayMeasures;
  /** null when it could not be computed; `skipped` says why. */
  barrier: PathwayBarrier | null;
  skipped?: string;
}

/** What `hopscape analyze --json` prints (a contract: keys are kept exactly). */
export interface StructureAnalysis {
  structure: StructureSummary;
  ion: string;
  percolation: StructurePercolation & { skipped?: string };
  pathways: AnalyzedPathway[];
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The fixed workflow for one structure, in process: oxidation states (once), distinct hops, for each
 * hop its IDPP band, measures and BVSE barriers, then the framework percolation barriers. The same
 * stage functions as the workers. A structure without a charge-balanced assignment still gets its
 * hops and dimensionalities; what needs charges is null with the reason in `skipped`.
 */
export function analyzeStructure(structure: Structure, options: AnalyzeOptions = {}, onProgress?: (p: AnalyzeProgress) => void): StructureAnalysis {
  const ion = options.ion ?? "F";
  const gridSpacing = options.gridSpacingA ?? 0.2;
  if (!structure.sites.some((s) => s.species === ion)) throw new Error(`the structure has no ${ion}`);
  const { summary, oxidationStates, oxidationError } = describeForAnalysis(structure);
  const noCharges = oxidationError ? `no oxidation states: ${oxidationError}` : null;

  const pathways = findDistinctPathways(structure, { ion, maxLength: options.maxLength ?? 5, limit: options.limit ?? 5 });
  const total = pathways.length + 2;
  let done = 0;
  const report = (label: string) => onProgress?.({ done: ++done, total, label });
  report(`${pathways.length} pathways`);

  const analyzed = pathways.map((pathway): AnalyzedPathway => {
    let images: HopImages | null = null;
    const reasons = noCharges ? [noCharges] : [];
    try {
      images = buildHopImages(structure, pathway, { nImages: options.nImages ?? 5 });
    } catch (e) {
      reasons.push(`no IDPP images: ${message(e)}`);
    }
    const measures = pathwayMeasures({ structure, oxidationStates, pathways, pathway, images });
    let barrier: PathwayBarrier | null = null;
    if (images && oxidationStates) {
      try {
        barrier = pathwayBarrier({ structure, oxidationStates, pathway, images, nebImages: options.nebImages });
      } catch (e) {
        reasons.push(`no barrier: ${message(e)}`);
      }
    }
    report(`pathway ${pathway.index}`);
    return { ...summarizePathway(structure, pathway), measures, barrier, ...(reasons.length ? { skipped: reasons.join("; ") } : {}) };
  });

  let percolation: StructureAnalysis["percolation"];
  if (oxidationStates) {
    percolation = structurePercolation({ structure, oxidationStates, ion, gridSpacingA: gridSpacing });
  } else {
    percolation = { gridSpacing, framework: { "1D": null, "2D": null, "3D": null }, skipped: noCharges! };
  }
  report("percolation");
  return { structure: summary, ion, percolation, pathways: analyzed };
}
