import { larsenDimensionality } from "../measures/dimensionality";
import type { Pathway } from "../pathways/distinct-hops";

/** The pathway fields the dimensionality needs: its length and its equivalent hops (input-cell sites). */
export type PathwayHops = Pick<Pathway, "lengthA" | "hops">;

/** Hops this much longer still count as "no longer than" a pathway: lengths within it are one length (as in distinct-hops). */
const LENGTH_TOLERANCE_A = 1e-3;

/**
 * Larsen dimensionality of the network of mobile-ion sites joined by this pathway's equivalent hops
 * (`dimensionality`), and by the hops of every given pathway no longer than this one
 * (`dimensionalityCumlengths`). Nodes are all input sites; those not of the mobile species have no
 * edges and stay 0D, which cannot raise the maximum. Only the pathways passed in are counted: with
 * a limit on the search, equally long hops cut off by the limit are missing.
 */
export function hopDimensionality(nodeCount: number, pathways: PathwayHops[], pathway: PathwayHops) {
  const dimensionality = larsenDimensionality({ nodeCount, edges: pathway.hops }).dimensionality;
  const shorter = pathways.filter((p) => p.lengthA <= pathway.lengthA + LENGTH_TOLERANCE_A);
  // The pathway itself belongs to the cumulative network even if the caller's list leaves it out.
  const edges = [...pathway.hops, ...shorter.flatMap((p) => (p === pathway ? [] : p.hops))];
  return { dimensionality, dimensionalityCumlengths: larsenDimensionality({ nodeCount, edges }).dimensionality };
}
