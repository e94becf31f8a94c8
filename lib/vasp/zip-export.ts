import { strToU8, zipSync } from "fflate";

/** The files of an export as one zip, under a top folder so that unpacking makes one directory. */
export function zipVaspExport(files: Record<string, string>, folder = "vasp"): Uint8Array {
  const top = folder.replace(/[^A-Za-z0-9._-]+/g, "_") || "vasp";
  return zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [`${top}/${path}`, strToU8(text)])), { level: 6 });
}
