import { type NamedStructure, readCifNamed } from "./cif-reader";
import { type PoscarOptions, readPoscar } from "./poscar";
import { excerpt } from "./excerpt";
import { readPymatgenJson } from "./pymatgen-json";
import type { Structure } from "../structure/structure";
import { type StructureLimits, checkStructureLimits, configuredStructureLimits } from "./structure-limits";

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

/** Past this many UTF-16 units a text is refused without counting its bytes (see fileTooLarge). */
const COUNT_BYTES_UP_TO = 4 * MAX_FILE_BYTES;
const MB = 1024 * 1024;

/**
 * Why the text is too large to read, or undefined. UTF-8 needs one to three bytes per UTF-16 unit
 * (four per surrogate pair), so short texts skip the encoding and very long ones are refused
 * without it: encoding half a gigabyte to measure it would take seconds.
 */
function fileTooLarge(text: string): string | undefined {
  if (text.length * 3 <= MAX_FILE_BYTES) return undefined;
  const limit = `structure files are limited to ${MAX_FILE_BYTES / MB} MB`;
  if (text.length > COUNT_BYTES_UP_TO) return `the file is more than ${COUNT_BYTES_UP_TO / MB} MB; ${limit}`;
  const bytes = new TextEncoder().encode(text).length;
  return bytes > MAX_FILE_BYTES ? `the file is ${(bytes / MB).toFixed(1)} MB; ${limit}` : undefined;
}

export interface ReadOptions extends PoscarOptions {
  /** The limits every structure read must meet; by default the process's (configuredStructureLimits). */
  limits?: StructureLimits;
}

/**
 * Structures of a file with a name for each: the CIF data block, the POSCAR comment, "name #i"
 * otherwise. Every structure entering hopscape from a file comes through here, so this is where the
 * size limit and the structure limits (lib/io/structure-limits.ts) are applied.
 */
export function readNamedStructures(text: string, filenameOrFormat?: string, options: ReadOptions = {}): NamedStructure[] {
  const limits = options.limits ?? configuredStructureLimits();
  const named = parseNamedStructures(text, filenameOrFormat, options, limits);
  for (const { name, structure } of named) {
    try {
      checkStructureLimits(structure, limits);
    } catch (e) {
      // In a file of several structures the message must say which one.
      throw named.length > 1 ? new Error(`structure '${excerpt(name)}': ${(e as Error).message}`) : e;
    }
  }
  return named;
}

function parseNamedStructures(text: string, filenameOrFormat: string | undefined, options: PoscarOptions, limits: StructureLimits): NamedStructure[] {
  const tooLarge = fileTooLarge(text);
  if (tooLarge) throw new Error(tooLarge);
  if (text.trim() === "") throw new Error("the file is empty");
  // Windows editors start UTF-8 files with a byte order mark; it is not part of the content.
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  const format = (filenameOrFormat && formatFromName(filenameOrFormat)) || formatFromContent(text);
  const base = filenameOrFormat && !Object.hasOwn(FORMAT_NAMES, filenameOrFormat.toLowerCase()) ? filenameOrFormat : "structure";
  switch (format) {
    case "cif":
      return readCifNamed(text, limits);
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
export const readStructureFile = (text: string, filenameOrFormat?: string, options: ReadOptions = {}): Structure[] =>
  readNamedStructures(text, filenameOrFormat, options).map((n) => n.structure);
