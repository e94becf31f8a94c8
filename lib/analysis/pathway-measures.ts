import type { HopImages } from "../interpolation/hop-images";
import { ewaldEnergyMeasure } from "../measures/ewald-energy";
import { ionicRadiiOverlap } from "../measures/ionic-radii-overlap";
import type { Pathway } from "../pathways/distinct-hops";
import type { Structure } from "../structure/structure";
import { type PathwayHops, hopDimensionality } from "./hop-dimensionality";
import { hopImageSet } from "./hop-image-set";

export interface PathwayMeasuresInput {
  structure: Structure;
  /** Per input site (lib/oxidation); null when no assignment was found. */
  oxidationStates: number[] | null;
  /** The structure's pathways (for the cumulative dimensionality). */
  pathways: PathwayHops[];
  pathway: Pick<Pathway, "lengthA" | "hops" | "startCart" | "startSite">;
  /** The pathway's IDPP band (lib/interpolation); null when none could be built. */
  images: HopImages | null;
}

/** The per-pathway measures, named as the original workflow's columns (camelCase). */
export interface PathwayMeasures {
  /** The mobile ion's oxidation state; 0 when none could be assigned. */
  oxidationState: number;
  dimensionality: number;
  dimensionalityCumlengths: number;
  /** max over images of (E − E_start)/|E_start| of the moving ion's Ewald site energy; null without charges or images. */
  ewaldEnergy: number | null;
  /** Signed largest change of the overlap with cations (anions) from the start image, Å; null without charges, images or neighbours. */
  ionicRadiiOverlapCations: number | null;
  ionicRadiiOverlapAnions: number | null;
}

/**
 * The measures of one pathway. Dimensionality needs only the hop network; the charge-based measures
 * need oxidation states and the image band, and are null without them rather than guessed.
 */
export function pathwayMeasures(input: PathwayMeasuresInput): PathwayMeasures {
  const { structure, oxidationStates, pathways, pathway, images } = input;
  const dims = hopDimensionality(structure.sites.length, pathways, pathway);
  const oxidationState = oxidationStates?.[pathway.startSite] ?? 0;
  if (!oxidationStates || oxidationState === 0 || !images) {
    return { oxidationState, ...dims, ewaldEnergy: null, ionicRadiiOverlapCations: null, ionicRadiiOverlapAnions: null };
  }
  const set = hopImageSet(structure, oxidationStates, pathway, images);
  const overlap = ionicRadiiOverlap(set);
  return {
    oxidationState,
    ...dims,
    ewaldEnergy: ewaldEnergyMeasure(set).relativeRise,
    ionicRadiiOverlapCations: overlap.cationChangeA,
    ionicRadiiOverlapAnions: overlap.anionChangeA,
  };
}
