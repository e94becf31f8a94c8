import { type NamedStructure, readCifNamed } from "./cif-reader";
import { type PoscarOptions, readPoscar } from "./poscar";
import { readPymatgenJson } from "./pymatgen-json";
import type { Structure } from "../structure/structure";

export type StructureFormat = "cif" | "poscar" | "json";

/** Larger files are refused before parsing: a crystal to screen fits in far less, and a web upload must not stall a worker. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

const FORMAT_NAMES: Record<string, StructureFormat> = { cif: "cif", mcif: "cif", poscar: "poscar", vasp: "poscar", contcar: "poscar", json: "json" };

/**
 * The format a name says: a format ("cif", "poscar", "vasp", "json") or a file name by its extension,
 * or VASP's fixed names (POSCAR, CONTCAR, POSCAR_01, ...). Undefined when the name says nothing.
 */
export function formatFromName(nameOrFormat: string): StructureFormat | undefined {
  const base = nameOrFormat.trim().split(/[\\/]/).pop()!.toLowerCase();
  if (FORMAT_NAMES[base]) return FORMAT_NAMES[base];
  if (/^(poscar|contcar)/.test(base)) return "poscar";
  const ext = /\.([a-z]+)$/.exec(base)?.[1];
  return ext ? FORMAT_NAMES[ext] : undefined;
}

/** The format the text looks like: JSON starts with a brace, a CIF has a data_ header, a POSCAR a number on line 2. */
export function formatFromContent(text: string): StructureFormat | undefined {
  const t = text.trimStart();
  if (t.startsWith("{") || t.startsWith("[")) return "json";
  if (/^\s*data_\S/im.test(text)) return "cif";
  const lines = text.split(/\r\n|\r|\n/);
  const secondLineNumber = Number.isFinite(Number((lines[1] ?? "").trim().split(/\s+/)[0] || "x"));
  return secondLineNumber && lines.length >= 7 ? "poscar" : undefined;
}

function byteLength(text: string): number {
  // UTF-8 needs at most three bytes per UTF-16 unit, so short texts skip the encoding.
  if (text.length * 3 <= MAX_FILE_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

/** Structures of a file with a name for each: the CIF data block, the POSCAR comment, "name #i" otherwise. */
export function readNamedStructures(text: string, filenameOrFormat?: string, options: PoscarOptions = {}): NamedStructure[] {
  const bytes = byteLength(text);
  if (bytes > MAX_FILE_BYTES) {
    throw new Error(`the file is ${(bytes / 1024 / 1024).toFixed(1)} MB; structure files are limited to 5 MB`);
  }
  if (text.trim() === "") throw new Error("the file is empty");
  const format = (filenameOrFormat && formatFromName(filenameOrFormat)) || formatFromContent(text);
  const base = filenameOrFormat && !Object.hasOwn(FORMAT_NAMES, filenameOrFormat.toLowerCase()) ? filenameOrFormat : "structure";
  switch (format) {
    case "cif":
      return readCifNamed(text);
    case "poscar": {
      const { comment, structure } = readPoscar(text, options);
      return [{ name: comment || base, structure }];
    }
    case "json": {
      const structures = readPymatgenJson(text);
      return structures.map((structure, i) => ({ name: structures.length > 1 ? `${base} #${i + 1}` : base, structure }));
    }
    default:
      throw new Error("unrecognised file format: expected a CIF, a VASP POSCAR or a pymatgen Structure JSON");
  }
}

/**
 * Reads the structures in a CIF, POSCAR or pymatgen JSON file. The format comes from
 * `filenameOrFormat` when it names one, else from the content. Throws a user-facing Error.
 */
export const readStructureFile = (text: string, filenameOrFormat?: string, options: PoscarOptions = {}): Structure[] =>
  readNamedStructures(text, filenameOrFormat, options).map((n) => n.structure);
