import { ELEMENTS, type ElementRecord } from "./element-table";

const BY_SYMBOL: ReadonlyMap<string, ElementRecord> = new Map(ELEMENTS.map((e) => [e.symbol, e]));

/** True when `symbol` is an element symbol with exact capitalisation ("Ca", not "CA"). */
export const isElement = (symbol: string): boolean => BY_SYMBOL.has(symbol);

/** The element's record; throws `unknown element "Xx"` for anything that is not a symbol. */
export function elementRecord(symbol: string): ElementRecord {
  const e = BY_SYMBOL.get(symbol);
  if (!e) throw new Error(`unknown element "${symbol}"`);
  return e;
}

export const atomicNumber = (symbol: string): number => elementRecord(symbol).z;

export function elementSymbol(z: number): string {
  const e = Number.isInteger(z) ? ELEMENTS[z - 1] : undefined;
  if (!e) throw new Error(`no element with atomic number ${z}`);
  return e.symbol;
}

/** Standard atomic weight in u (= g/mol). */
export const atomicMass = (symbol: string): number => elementRecord(symbol).massU;

/** Pauling electronegativity; null for the elements that have none (He, Ne, Ar). */
export const electronegativity = (symbol: string): number | null => elementRecord(symbol).paulingEn;

export const commonOxidationStates = (symbol: string): readonly number[] =>
  elementRecord(symbol).commonOxidationStates;

/** Common and other established oxidation states, ascending. */
export function oxidationStates(symbol: string): number[] {
  const e = elementRecord(symbol);
  return [...e.commonOxidationStates, ...e.otherOxidationStates].sort((a, b) => a - b);
}

export type { ElementRecord };
