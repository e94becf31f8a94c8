/** The URL keys the pathways filter form writes: text filters and a min/max pair per numeric column. */
import { PATHWAY_COLUMNS } from "./pathway-columns";

export const TEXT_FILTER_FIELDS = ["elements", "formula", "spacegroup", "structureId"] as const;

export const rangeField = (key: string, end: "Min" | "Max") => `${key}${end}`;

export const RANGE_FILTER_FIELDS = PATHWAY_COLUMNS.flatMap((c) => [rangeField(c.key, "Min"), rangeField(c.key, "Max")]);

export const PATHWAY_FILTER_FIELDS: readonly string[] = [...TEXT_FILTER_FIELDS, ...RANGE_FILTER_FIELDS];
