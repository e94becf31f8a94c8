import { electronegativity, elementRecord } from "../elements/elements";
import type { Structure } from "./structure";

/** Amount of each element, keyed by symbol. Plain data so it can be stored as JSON. */
export type Composition = Readonly<Record<string, number>>;

// Amounts closer than this to an integer count as integers, as in pymatgen.
const AMOUNT_TOL = 1e-8;

export function compositionOf(structure: Structure): Composition {
  const out: Record<string, number> = {};
  for (const site of structure.sites) {
    elementRecord(site.species); // refuse non-elements early, with the element error
    out[site.species] = (out[site.species] ?? 0) + 1;
  }
  return out;
}

/**
 * Parses a formula such as "CaF2", "Ca4F8", "Ca3(PO4)2" or "Li0.5CoO2" into a composition.
 * Element symbols must be capitalised correctly.
 */
export function parseFormula(text: string): Composition {
  const tokens = text.replace(/\s+/g, "").match(/[A-Z][a-z]?|\d*\.?\d+|\(|\)/g) ?? [];
  if (tokens.join("") !== text.replace(/\s+/g, "") || tokens.length === 0) {
    throw new Error(`cannot parse formula "${text}"`);
  }
  const isNumber = (t: string | undefined) => t !== undefined && /^\d*\.?\d+$/.test(t);
  let pos = 0;
  const group = (depth: number): Record<string, number> => {
    const acc: Record<string, number> = {};
    while (pos < tokens.length && tokens[pos] !== ")") {
      const t = tokens[pos++];
      let part: Record<string, number>;
      if (t === "(") {
        part = group(depth + 1);
        if (tokens[pos++] !== ")") throw new Error(`unbalanced parenthesis in "${text}"`);
      } else if (/^[A-Z]/.test(t)) {
        elementRecord(t);
        part = { [t]: 1 };
      } else {
        throw new Error(`cannot parse formula "${text}"`);
      }
      const mult = isNumber(tokens[pos]) ? Number(tokens[pos++]) : 1;
      for (const [el, n] of Object.entries(part)) acc[el] = (acc[el] ?? 0) + n * mult;
    }
    if (depth === 0 && pos < tokens.length) throw new Error(`unbalanced parenthesis in "${text}"`);
    return acc;
  };
  return group(0);
}

const enKey = (symbol: string): number => electronegativity(symbol) ?? Number.POSITIVE_INFINITY;

/**
 * Element symbols present (amount above tolerance), ordered by Pauling electronegativity and then
 * by symbol: the order of pymatgen's formulas, so cations come before anions ("K2NiF4").
 * Elements without an electronegativity (noble gases) go last.
 */
export function sortedElements(comp: Composition): string[] {
  return Object.keys(comp)
    .filter((el) => Math.abs(comp[el]) > AMOUNT_TOL)
    .sort((a, b) => enKey(a) - enKey(b) || (a < b ? -1 : a > b ? 1 : 0));
}

export const nelements = (comp: Composition): number => sortedElements(comp).length;

/** Chemical system: symbols sorted alphabetically and joined by "-" ("Ca-F"). */
export const chemicalSystem = (comp: Composition): string => [...sortedElements(comp)].sort().join("-");

function formatAmount(n: number): string {
  if (Math.abs(n - 1) < AMOUNT_TOL) return "";
  if (Math.abs(n - Math.round(n)) < AMOUNT_TOL) return String(Math.round(n));
  return String(Number(n.toFixed(8)));
}

/** Full formula without spaces, in electronegativity order ("Ca4F8"). */
export const formula = (comp: Composition): string =>
  sortedElements(comp).map((el) => el + formatAmount(comp[el])).join("");

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

// Formulas pymatgen rewrites so that peroxides and diatomic elements read as chemists write them.
const SPECIAL_FORMULAS: Readonly<Record<string, string>> = {
  LiO: "Li2O2", NaO: "Na2O2", KO: "K2O2", HO: "H2O2", CsO: "Cs2O2", RbO: "Rb2O2",
  O: "O2", N: "N2", F: "F2", Cl: "Cl2", H: "H2",
};

function reduceAmounts(comp: Composition): { formula: string; factor: number } {
  const syms = sortedElements(comp);
  const amounts = syms.map((el) => Math.round(comp[el]));
  const factor = amounts.reduce((g, n) => gcd(g, n), 0) || 1;
  // A trailing pair of close electronegativity (P and O in Ca3(PO4)2) is written as a polyanion.
  let poly = "";
  if (syms.length >= 3) {
    const [x, y] = syms.slice(-2);
    if (enKey(y) - enKey(x) < 1.65) {
      const inner = reduceAmounts({ [x]: comp[x] / factor, [y]: comp[y] / factor });
      if (inner.factor !== 1) poly = `(${inner.formula})${inner.factor}`;
    }
  }
  const head = poly ? syms.slice(0, -2) : syms;
  return { formula: head.map((el) => el + formatAmount(comp[el] / factor)).join("") + poly, factor };
}

/**
 * Reduced formula and the number of formula units, following pymatgen's
 * `Composition.get_reduced_formula_and_factor` (without IUPAC ordering): "Ca4F8" → ("CaF2", 4).
 * Non-integral compositions are not reduced.
 */
export function reducedFormulaAndFactor(comp: Composition): { formula: string; factor: number } {
  const syms = sortedElements(comp);
  if (syms.length === 0) return { formula: "", factor: 1 };
  if (!syms.every((el) => Math.abs(comp[el] - Math.round(comp[el])) < AMOUNT_TOL)) {
    return { formula: formula(comp), factor: 1 };
  }
  const r = reduceAmounts(comp);
  const special = SPECIAL_FORMULAS[r.formula];
  return special ? { formula: special, factor: r.factor / 2 } : r;
}

export const reducedFormula = (comp: Composition): string => reducedFormulaAndFactor(comp).formula;
