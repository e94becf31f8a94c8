import { BV_ION_ROWS, type BvIonRow } from "./bv-ion-table";
import { BV_PAIR_ROWS, type BvPairRow } from "./bv-pair-table";

/** softBV parameters of one cation–anion pair (valences signed: anion valence is negative). */
export interface BvPair {
  cation: string;
  cationValence: number;
  anion: string;
  anionValence: number;
  /** Cation coordination number Nc the parameters were fitted for. */
  coordinationNumber: number;
  r0A: number;
  /** Softness parameter b in Å; bond valence s = exp((R0 − R)/b). */
  bA: number;
  alphaPerA: number;
  /** Bonds longer than this are not counted. */
  rCutoffA: number;
  /** Morse D0 in eV as published (the open BVSE codes use D0/2 as the well depth). */
  d0Ev: number;
  rMinA: number;
}

/** softBV per-ion data. */
export interface BvIon {
  z: number;
  symbol: string;
  oxidationState: number;
  massU: number;
  nPrincipal: number;
  group: number;
  /** 1 = s/p, 2 = d, 3 = f (0 for H and its pseudo-species). */
  block: number;
  /** Radius in the Coulomb screening length, Å. */
  rcA: number;
  softness: number;
}

const ion = (symbol: string, v: number) => `${symbol}${Math.abs(v)}${v < 0 ? "-" : "+"}`;
const pairKey = (c: string, cv: number, a: string, av: number) => `${ion(c, cv)}|${ion(a, av)}`;

export type BvPairLookup = (cation: string, cationValence: number, anion: string, anionValence: number) => BvPair;

/**
 * A lookup over pair rows. Rows are indexed as given; a row whose alpha is not positive is kept
 * so that asking for it fails loudly (its b would be negative or infinite and every bond valence
 * meaningless), rather than silently looking like a missing pair.
 */
export function createBvPairLookup(rows: readonly BvPairRow[]): BvPairLookup {
  const index = new Map<string, BvPairRow>();
  for (const row of rows) {
    const k = pairKey(row[0], row[1], row[2], row[3]);
    if (index.has(k)) throw new Error(`duplicate softBV pair ${k.replace("|", "–")}`);
    index.set(k, row);
  }
  return (cation, cationValence, anion, anionValence) => {
    const name = `${ion(cation, cationValence)}–${ion(anion, anionValence)}`;
    if (!(cationValence > 0) || !(anionValence < 0)) {
      throw new Error(`softBV pair ${name}: cation valence must be positive and anion valence negative`);
    }
    const row = index.get(pairKey(cation, cationValence, anion, anionValence));
    if (!row) throw new Error(`no softBV parameters for ${name}`);
    const [, , , , nc, r0A, rCutoffA, d0Ev, rMinA, alphaPerA] = row;
    if (!(alphaPerA > 0)) throw new Error(`softBV pair ${name} has alpha ${alphaPerA} ≤ 0 (corrupt row); refused`);
    return {
      cation, cationValence, anion, anionValence, coordinationNumber: nc,
      r0A, bA: 1 / alphaPerA, alphaPerA, rCutoffA, d0Ev, rMinA,
    };
  };
}

/** softBV parameters for a pair, e.g. bvPair("Ca", 2, "F", -1). Throws when absent or refused. */
export const bvPair: BvPairLookup = createBvPairLookup(BV_PAIR_ROWS);

export function hasBvPair(cation: string, cationValence: number, anion: string, anionValence: number): boolean {
  try {
    bvPair(cation, cationValence, anion, anionValence);
    return true;
  } catch {
    return false;
  }
}

/** Valence combinations tabulated for a cation–anion element pair, as [cationValence, anionValence]. */
export function bvValencesFor(cation: string, anion: string): [number, number][] {
  return BV_PAIR_ROWS.filter((r) => r[0] === cation && r[2] === anion && r[9] > 0).map((r) => [r[1], r[3]]);
}

const IONS = new Map<string, BvIonRow>(BV_ION_ROWS.map((r) => [ion(r[1], r[2]), r]));

/** softBV per-ion data, e.g. ionData("F", -1). Throws when the ion is not tabulated. */
export function ionData(symbol: string, oxidationState: number): BvIon {
  const row = IONS.get(ion(symbol, oxidationState));
  if (!row) throw new Error(`no softBV ion data for ${ion(symbol, oxidationState)}`);
  const [z, , , massU, nPrincipal, group, block, rcA, softness] = row;
  return { z, symbol, oxidationState, massU, nPrincipal, group, block, rcA, softness };
}
