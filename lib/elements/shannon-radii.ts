import { elementRecord } from "./elements";
import { SHANNON_ROWS, type ShannonRow } from "./shannon-radii-table";

export type Spin = "HS" | "LS";

export interface ShannonEntry {
  coordination: number;
  ionicRadiusA: number;
  spin: Spin | null;
  geometry: "SQ" | "PY" | null;
}

const key = (symbol: string, ox: number) => `${symbol}${ox}`;

const BY_ION: ReadonlyMap<string, ShannonEntry[]> = (() => {
  const m = new Map<string, ShannonEntry[]>();
  for (const [symbol, ox, coordination, ionicRadiusA, spin, geometry] of SHANNON_ROWS as ShannonRow[]) {
    const list = m.get(key(symbol, ox)) ?? [];
    list.push({ coordination, ionicRadiusA, spin: spin || null, geometry: geometry ?? null });
    m.set(key(symbol, ox), list);
  }
  return m;
})();

/** All of Shannon's entries for an ion, in table order (empty when Shannon lists none). */
export function shannonEntries(symbol: string, oxidationState: number): readonly ShannonEntry[] {
  elementRecord(symbol);
  return BY_ION.get(key(symbol, oxidationState)) ?? [];
}

// At one CN: the requested spin (or a spin-less entry) first, then the ordinary polyhedron over
// square-planar/pyramidal, so that "Fe2+, CN 6" means high-spin octahedral Fe2+.
function pickAtCoordination(entries: ShannonEntry[], spin: Spin): ShannonEntry {
  const rank = (e: ShannonEntry) => (e.spin === null || e.spin === spin ? 0 : 2) + (e.geometry ? 1 : 0);
  return entries.reduce((best, e) => (rank(e) < rank(best) ? e : best));
}

/**
 * Shannon (1976) effective ionic radius in Å.
 *
 * Where Shannon tabulates both spin states the high-spin value is used unless `spin` says "LS".
 * When the requested coordination number is not tabulated for the ion, the nearest tabulated one is
 * used; when two are equally near (CN 7 between 6 and 8), their mean. This keeps the radius
 * monotonic in CN, as Shannon's radii are, instead of picking one neighbour arbitrarily.
 * Throws when Shannon has no entry at all for the ion (e.g. Sn²⁺, H⁻, F⁺).
 */
export function shannonRadius(symbol: string, oxidationState: number, coordination = 6, spin: Spin = "HS"): number {
  const entries = shannonEntries(symbol, oxidationState);
  if (entries.length === 0) {
    const sign = oxidationState < 0 ? "-" : "+";
    throw new Error(`no Shannon (1976) radius for ${symbol}${Math.abs(oxidationState)}${sign}`);
  }
  const cns = [...new Set(entries.map((e) => e.coordination))];
  const best = Math.min(...cns.map((cn) => Math.abs(cn - coordination)));
  const nearest = cns.filter((cn) => Math.abs(cn - coordination) === best);
  const radii = nearest.map((cn) => pickAtCoordination(entries.filter((e) => e.coordination === cn), spin).ionicRadiusA);
  return radii.reduce((a, b) => a + b, 0) / radii.length;
}
