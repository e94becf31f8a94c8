import type { StructureImportInput } from "../records/structure-import-input";

/**
 * What a remote entry turned into: an import input, or a reason it is not imported. `reason` is a
 * short category that importers count ("disordered", "missing lattice"...); `detail` says which entry
 * and what exactly, for logs and reports.
 */
export type SourceEntryResult =
  | { ok: true; id: string; input: StructureImportInput }
  | { ok: false; id?: string; reason: string; detail: string };

export const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
