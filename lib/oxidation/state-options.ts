import { commonOxidationStates, electronegativity, elementRecord } from "../elements/elements";

/** One oxidation state an element may take, and whether it is one of its common states. */
export interface StateOption {
  state: number;
  common: boolean;
}

/**
 * The states an element is allowed in an ionic assignment.
 * As an anion only its most negative common state (F⁻, O²⁻, N³⁻): anions of ionic solids are
 * closed-shell, and pymatgen's guesses put them there too. As a cation its positive common states,
 * then its other established positive states.
 */
export function stateOptions(symbol: string): StateOption[] {
  const e = elementRecord(symbol);
  const out: StateOption[] = [];
  const negatives = commonOxidationStates(symbol).filter((s) => s < 0);
  if (negatives.length > 0) out.push({ state: Math.min(...negatives), common: true });
  for (const s of e.commonOxidationStates) if (s > 0) out.push({ state: s, common: true });
  for (const s of e.otherOxidationStates) if (s > 0) out.push({ state: s, common: false });
  return out;
}

/**
 * Electronegativity used to keep anions more electronegative than cations; elements without a
 * Pauling value (noble gases) can only be cations, so they count as least electronegative.
 */
export const enForOrdering = (symbol: string): number => electronegativity(symbol) ?? Number.NEGATIVE_INFINITY;
