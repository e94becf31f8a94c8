/**
 * VASP inputs of stored pathways: one hop's NEB (folders 00..N+1, INCAR, KPOINTS, POTCAR.spec,
 * README, the three single points) or several hops in one zip, from the hop's IDPP band
 * (db/pathway-bands.ts reads the bands).
 */
import { z } from "zod";
import type { HopImages } from "../interpolation/hop-images";
import { vaspNebExport, type NebExportOptions, type VaspExport } from "./neb-export";
import { zipVaspExport } from "./zip-export";

/** Overrides a user may give (query parameters, CLI options); INCAR tags are checked, not passed through blindly. */
export const vaspExportOverrides = z.object({
  flavour: z.enum(["vtst", "vasp"]).default("vtst"),
  encut: z.coerce.number().min(100).max(2000).optional(),
  ediffg: z.coerce.number().min(-5).max(1).optional(),
  nsw: z.coerce.number().int().min(0).max(10_000).optional(),
  /** k-point length density, Å. */
  kpoints: z.coerce.number().min(1).max(200).optional(),
});
export type VaspExportOverrides = z.infer<typeof vaspExportOverrides>;

export function nebOptions(o: VaspExportOverrides, title: string): NebExportOptions {
  const incar: Record<string, number> = {};
  if (o.encut !== undefined) incar.ENCUT = o.encut;
  const nebIncar: Record<string, number> = {};
  if (o.ediffg !== undefined) nebIncar.EDIFFG = o.ediffg;
  if (o.nsw !== undefined) nebIncar.NSW = o.nsw;
  return { flavour: o.flavour, incar, nebIncar, kpointDensityA: o.kpoints, title };
}

/** A stored hop's band, named after its structure and rank. */
export interface PathwayBand {
  pathwayId: number;
  structureId: number;
  index: number;
  reducedFormula: string;
  images: HopImages | null;
  imagesError: string | null;
}

/** File names keep to characters every file system accepts. */
const safeName = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, "_");
export const pathwayFolderName = (p: PathwayBand) => safeName(`${p.reducedFormula}_s${p.structureId}_p${p.index}_id${p.pathwayId}`);
export const pathwayTitle = (p: PathwayBand) => `${p.reducedFormula} structure ${p.structureId} hop ${p.index} (hopscape pathway ${p.pathwayId})`;

/** The export of a stored band (its NEB inputs exactly as the zip holds them). */
export function exportOfBand(band: PathwayBand, overrides: VaspExportOverrides): VaspExport {
  if (!band.images) throw new Error(`pathway ${band.pathwayId} has no images: ${band.imagesError ?? "not computed"}`);
  return vaspNebExport(band.images, nebOptions(overrides, pathwayTitle(band)));
}

/** One pathway's inputs as a zip under a folder named after it. */
export function pathwayVaspZip(band: PathwayBand, overrides: VaspExportOverrides): { name: string; zip: Uint8Array } {
  const folder = pathwayFolderName(band);
  return { name: `${folder}_vasp.zip`, zip: zipVaspExport(exportOfBand(band, overrides).files, folder) };
}

/** Several pathways in one zip, a folder each; a pathway that cannot be exported gets a note instead. */
export function batchVaspZip(bands: PathwayBand[], overrides: VaspExportOverrides, top: string): Uint8Array {
  const files: Record<string, string> = {};
  const index: string[] = [`# hopscape VASP export: ${bands.length} pathway(s), lowest relaxed BVSE barrier first`, ""];
  for (const band of bands) {
    const folder = pathwayFolderName(band);
    const exported = exportOfBand(band, overrides);
    for (const [path, text] of Object.entries(exported.files)) files[`${folder}/${path}`] = text;
    index.push(`- ${folder}: ${pathwayTitle(band)}, ${exported.natoms} atoms, ${exported.images} images`);
  }
  files["INDEX.md"] = index.join("\n") + "\n";
  return zipVaspExport(files, top);
}
