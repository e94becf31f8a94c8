/**
 * Sphere radius for a site: Shannon's (1976) ionic radius of the site's ion. The viewer does no
 * neighbour analysis, so it asks at coordination 6, Shannon's reference; differences between
 * coordination numbers are a few per cent and do not change the picture.
 */
import { commonOxidationStates, isElement, shannonEntries, shannonRadius } from "../../lib/elements";
import type { Site } from "../../lib/structure/structure";

const REFERENCE_COORDINATION = 6;
/** For species with no tabulated ion at all (noble gases, dummy atoms): a mid-sized ion. */
const FALLBACK_RADIUS_A = 1.0;

function radiusOfIon(symbol: string, ox: number): number | null {
  return shannonEntries(symbol, ox).length > 0 ? shannonRadius(symbol, ox, REFERENCE_COORDINATION) : null;
}

export function siteRadiusA(site: Site): number {
  if (!isElement(site.species)) return FALLBACK_RADIUS_A;
  if (site.oxidationState !== undefined) {
    const r = radiusOfIon(site.species, site.oxidationState);
    if (r !== null) return r;
  }
  // Oxidation state not assigned (or not in Shannon's table): the ion the element usually forms.
  for (const ox of commonOxidationStates(site.species)) {
    const r = radiusOfIon(site.species, ox);
    if (r !== null) return r;
  }
  return FALLBACK_RADIUS_A;
}
