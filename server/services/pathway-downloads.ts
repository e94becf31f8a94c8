/**
 * A hop's image band as files: one multi-block CIF (one data block per image, as the original
 * workflow's write_path), an extended-XYZ trajectory, and the POSCARs of a VASP NEB directory
 * (00 … 0N+1) in a zip. The moving ion is the first atom in every file.
 */
import { zipSync, strToU8 } from "fflate";
import { imageFractional, type HopImages } from "../../lib/interpolation/hop-images";
import { writeCifImages } from "../../lib/io/cif-writer";
import { writePoscar } from "../../lib/io/poscar";
import type { Structure } from "../../lib/structure/structure";

export const PATHWAY_DOWNLOAD_FORMATS = ["cif", "xyz", "poscar"] as const;
export type PathwayDownloadFormat = (typeof PATHWAY_DOWNLOAD_FORMATS)[number];

/** Each image as a structure of the supercell; coordinates are left unwrapped, as the band has them. */
export function imageStructures(images: HopImages): Structure[] {
  return images.images.map((image) => ({
    lattice: images.lattice,
    sites: imageFractional(images.lattice, image).map((frac, a) => ({ species: images.species[a], frac })),
  }));
}

const xyzNumber = (x: number) => x.toFixed(8).padStart(16);

/**
 * Extended XYZ (the ASE/OVITO dialect): per frame the atom count, a comment line holding the
 * supercell as Lattice="…" and the frame's image number, then one "symbol x y z" line per atom (Å).
 */
export function writeXyzTrajectory(images: HopImages, title: string): string {
  const lattice = images.lattice.flat().map((x) => x.toFixed(8)).join(" ");
  const safeTitle = title.replace(/["\r\n]+/g, " ");
  const frames = images.images.map((image, k) => {
    const comment = `Lattice="${lattice}" Properties=species:S:1:pos:R:3 pbc="T T T" image=${k} title="${safeTitle}"`;
    const lines = image.map((x, a) => `${images.species[a].padEnd(3)}${x.map(xyzNumber).join("")}`);
    return [String(image.length), comment, ...lines].join("\n");
  });
  return frames.join("\n") + "\n";
}

/** Two-digit folder names as VASP's NEB expects them (00, 01, …, 0N+1; three digits past 99 images). */
export function imageFolder(k: number, count: number): string {
  return String(k).padStart(Math.max(2, String(count - 1).length), "0");
}

/** A zip with <folder>/<image>/POSCAR for every image. */
export function poscarZip(images: HopImages, folder: string, title: string): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  imageStructures(images).forEach((s, k) => {
    files[`${folder}/${imageFolder(k, images.images.length)}/POSCAR`] = strToU8(writePoscar(s, `${title} image ${k}`));
  });
  return zipSync(files, { level: 6 });
}

export interface PathwayFile {
  body: string | Uint8Array;
  name: string;
  type: string;
}

/** One download of a hop's band; `base` is a file-system-safe name for it. */
export function pathwayFile(images: HopImages, format: PathwayDownloadFormat, base: string, title: string): PathwayFile {
  if (format === "cif") return { body: writeCifImages(imageStructures(images), base), name: `${base}_images.cif`, type: "chemical/x-cif" };
  if (format === "xyz") return { body: writeXyzTrajectory(images, title), name: `${base}_images.xyz`, type: "chemical/x-xyz" };
  return { body: poscarZip(images, base, title), name: `${base}_poscars.zip`, type: "application/zip" };
}
