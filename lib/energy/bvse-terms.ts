import { bvPair, ionData } from "../bond-valence";
import type { Structure } from "../structure/structure";
import { erfc } from "./erfc";
import { COULOMB_EV_A } from "./ewald";
import type { ListedCentre } from "./bin-lists";

/** Which ions of the structure act on the test ion, and the softBV parameters that apply. */
export interface BvseTermOptions {
  /** Element of the moving ion, e.g. "F". */
  mobileSpecies: string;
  /** Its formal charge, e.g. −1. */
  mobileOxidationState: number;
  /**
   * "framework" (default): every site of the mobile species is removed; the test ion feels only the
   * rest of the crystal. "vacancy-hop": all sites stay except `emptySites`.
   */
  mode?: "framework" | "vacancy-hop";
  /**
   * Vacancy-hop only: sites that are empty during the hop, i.e. the moving ion's own starting site
   * and, for a vacancy mechanism, the vacant site it moves into. Other mobile ions stay as repulsive
   * same-sign centres.
   */
  emptySites?: number[];
  /** Cutoff of the screened Coulomb repulsion, Å (default 10, as in softBV). */
  coulombCutoffA?: number;
  /** Screening factor f of the Coulomb term (default 0.74). */
  screeningFactor?: number;
}

/**
 * Interaction types and their centres. A type is one distinct parameter set (one cation species and
 * valence for the Morse term, one same-sign ion for the Coulomb term); centres carry the type index.
 * - morseTypes: Rmin, α, D0/2, Rcutoff² per type (stride 4);
 * - coulombTypes: 14.4·qA·qB, 1/(f·(rA + rB)), cutoff², offset into coulombTable (stride 4);
 * - coulombTable: the screened Coulomb energy against R² (step TABLE_STEP_A2) for each type.
 */
export interface BvseTerms {
  morseTypes: Float64Array;
  morseCentres: ListedCentre[];
  coulombTypes: Float64Array;
  coulombCentres: ListedCentre[];
  coulombTable: Float64Array;
}

/** Step in R² of the Coulomb tables, Å² (see BvseField for the accuracy). */
export const TABLE_STEP_A2 = 0.005;

export function bvseTerms(structure: Structure, options: BvseTermOptions): BvseTerms {
  const { mobileSpecies, mobileOxidationState: vA } = options;
  if (!Number.isInteger(vA) || vA === 0) throw new Error(`bvse: the mobile ion needs a non-zero integer charge, got ${vA}`);
  const mode = options.mode ?? "framework";
  const empty = new Set(options.emptySites ?? []);
  if (mode === "framework" && empty.size) throw new Error("bvse: emptySites applies to vacancy-hop mode only");
  const ionA = ionData(mobileSpecies, vA);
  const screening = options.screeningFactor ?? 0.74;
  const coulombCutoff = options.coulombCutoffA ?? 10;

  const morseTypes: number[] = [];
  const coulombTypes: number[] = [];
  const tables: Float64Array[] = [];
  let tableLength = 0;
  const typeOf = new Map<string, number>();
  const morseCentres: ListedCentre[] = [];
  const coulombCentres: ListedCentre[] = [];

  structure.sites.forEach((site, index) => {
    if (mode === "framework" ? site.species === mobileSpecies : empty.has(index)) return;
    const v = site.oxidationState;
    if (v === undefined) throw new Error(`bvse: site ${index} (${site.species}) has no oxidation state; assign them first`);
    if (v === 0) return;
    const counter = Math.sign(v) !== Math.sign(vA);
    const key = `${counter ? "m" : "c"}${site.species}${v}`;
    let type = typeOf.get(key);
    if (counter) {
      const p = vA > 0 ? bvPair(mobileSpecies, vA, site.species, v) : bvPair(site.species, v, mobileSpecies, vA);
      if (type === undefined) {
        type = morseTypes.length / 4;
        morseTypes.push(p.rMinA, p.alphaPerA, p.d0Ev / 2, p.rCutoffA * p.rCutoffA);
        typeOf.set(key, type);
      }
      morseCentres.push({ frac: site.frac, cutoffA: p.rCutoffA, tag: type });
    } else {
      if (type === undefined) {
        const ionB = ionData(site.species, v);
        const prefactor = (COULOMB_EV_A * vA * v) / Math.sqrt(ionA.nPrincipal * ionB.nPrincipal);
        const invScreen = 1 / (screening * (ionA.rcA + ionB.rcA));
        type = coulombTypes.length / 4;
        coulombTypes.push(prefactor, invScreen, coulombCutoff * coulombCutoff, tableLength);
        const table = coulombTable(prefactor, invScreen, coulombCutoff);
        tables.push(table);
        tableLength += table.length;
        typeOf.set(key, type);
      }
      coulombCentres.push({ frac: site.frac, cutoffA: coulombCutoff, tag: type });
    }
  });

  const joined = new Float64Array(tableLength);
  let at = 0;
  for (const t of tables) {
    joined.set(t, at);
    at += t.length;
  }
  return {
    morseTypes: Float64Array.from(morseTypes),
    morseCentres,
    coulombTypes: Float64Array.from(coulombTypes),
    coulombCentres,
    coulombTable: joined,
  };
}

/** P·erfc(s·R)/R at R² = k·TABLE_STEP_A2, two points beyond the cutoff so interpolation just below it stays inside. */
function coulombTable(prefactor: number, invScreen: number, cutoff: number): Float64Array {
  const n = Math.ceil((cutoff * cutoff) / TABLE_STEP_A2) + 2;
  const t = new Float64Array(n);
  for (let k = 1; k < n; k++) {
    const r = Math.sqrt(k * TABLE_STEP_A2);
    t[k] = (prefactor * erfc(invScreen * r)) / r;
  }
  return t;
}
