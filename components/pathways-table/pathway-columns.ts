/**
 * The numeric columns of the pathways table as the page presents them: label, unit, digits,
 * which result they come from, and whether the table shows them (every one can be filtered; the
 * CSV has them all). Keys are the server's whitelist (server/services/pathway-filters.ts), checked
 * by the type below so a renamed column fails the build instead of silently filtering nothing.
 */
import type { PathwayNumberKey } from "../../server/services/pathway-filters";

export type ColumnGroup = "pathway" | "measures" | "barriers";

export interface PathwayColumn {
  key: PathwayNumberKey;
  label: string;
  /** Unit shown after the label, e.g. "Å", "eV". */
  unit?: string;
  /** Decimal places; 0 for integers. */
  digits: number;
  group: ColumnGroup;
  /** Shown as a table column (the others are filters and CSV only, to keep the table readable). */
  inTable: boolean;
  /** A short explanation, for the header's title. */
  title?: string;
}

export const PATHWAY_COLUMNS: PathwayColumn[] = [
  { key: "index", label: "Pathway", digits: 0, group: "pathway", inTable: true, title: "Rank of the hop in its structure, shortest first" },
  { key: "length", label: "Length", unit: "Å", digits: 3, group: "pathway", inTable: true },
  { key: "multiplicity", label: "Multiplicity", digits: 0, group: "pathway", inTable: true, title: "Equivalent hops per cell" },
  { key: "clearance", label: "Clearance", unit: "Å", digits: 3, group: "pathway", inTable: true, title: "Closest approach of another atom to the straight hop" },
  { key: "nsites777", label: "Sites 7×7×7", digits: 0, group: "pathway", inTable: true, title: "Atoms of the smallest supercell at least 7 Å along each axis" },
  { key: "nsites101010", label: "Sites 10×10×10", digits: 0, group: "pathway", inTable: false },
  { key: "nsites121212", label: "Sites 12×12×12", digits: 0, group: "pathway", inTable: false },
  { key: "hopsPerIon", label: "Hops per ion", digits: 3, group: "pathway", inTable: false },
  { key: "ionFraction", label: "Ion fraction", digits: 3, group: "pathway", inTable: false },
  { key: "maxLength", label: "Search radius", unit: "Å", digits: 1, group: "pathway", inTable: false },
  { key: "oxidationState", label: "Oxidation state", digits: 0, group: "measures", inTable: true },
  { key: "dimensionality", label: "Dimensionality", digits: 0, group: "measures", inTable: true },
  { key: "dimensionalityCumlengths", label: "Dim. (cum. lengths)", digits: 0, group: "measures", inTable: true, title: "Dimensionality with every hop no longer than this one" },
  { key: "ewaldEnergy", label: "Ewald energy", digits: 4, group: "measures", inTable: true, title: "Largest relative rise of the moving ion's Ewald site energy along the band" },
  { key: "ionicRadiiOverlapCations", label: "Overlap cations", unit: "Å", digits: 3, group: "measures", inTable: true },
  { key: "ionicRadiiOverlapAnions", label: "Overlap anions", unit: "Å", digits: 3, group: "measures", inTable: true },
  { key: "relaxedBarrier", label: "Relaxed barrier", unit: "eV", digits: 3, group: "barriers", inTable: true, title: "BVSE barrier of the NEB-relaxed band" },
  { key: "energyBarrier", label: "Energy barrier", unit: "eV", digits: 3, group: "barriers", inTable: true, title: "The original workflow's start/midpoint/end estimate" },
  { key: "idppBarrier", label: "IDPP barrier", unit: "eV", digits: 3, group: "barriers", inTable: false },
  { key: "relaxedReverseBarrier", label: "Reverse barrier", unit: "eV", digits: 3, group: "barriers", inTable: false },
  { key: "energyStart", label: "E start", unit: "eV", digits: 3, group: "barriers", inTable: false },
  { key: "energyMidpoint", label: "E midpoint", unit: "eV", digits: 3, group: "barriers", inTable: false },
  { key: "energyEnd", label: "E end", unit: "eV", digits: 3, group: "barriers", inTable: false },
];

export const columnLabel = (c: PathwayColumn) => (c.unit ? `${c.label} (${c.unit})` : c.label);

/** A cell's text: fixed digits, "—" for a missing result. */
export function formatValue(value: number | null | undefined, digits: number): string {
  return value === null || value === undefined ? "—" : value.toFixed(digits);
}
