import { type EwaldOptions, ewaldSiteEnergy } from "../energy/ewald";
import { type ImageSet, checkImageSet } from "./image-set";

export interface EwaldEnergyMeasure {
  /** Ewald site energy of the moving ion in each image, eV (see lib/energy/ewald.ts for the definition). */
  siteEnergiesEv: number[];
  /** max over images of (E − E_start) / |E_start|: the largest relative rise along the band (0 if it never rises). */
  relativeRise: number;
}

/**
 * Electrostatic cost of the hop: the moving ion's Ewald site energy (formal charges, charged
 * supercells with a neutralising background) in each image, relative to the start image.
 */
export function ewaldEnergyMeasure(set: ImageSet, options: EwaldOptions = {}): EwaldEnergyMeasure {
  const moving = checkImageSet(set);
  const siteEnergiesEv = set.images.map((image) => ewaldSiteEnergy(set.lattice, image, set.oxidationStates, moving, options));
  const start = siteEnergiesEv[0];
  if (start === 0) throw new Error("ewald measure: the moving ion's start energy is zero (is its charge zero?)");
  const relativeRise = Math.max(...siteEnergiesEv.map((e) => (e - start) / Math.abs(start)));
  return { siteEnergiesEv, relativeRise };
}
