/**
 * Uploaded VASP results of a pathway (a zip of the NEB folder, or the files): each file checked
 * against the pathway's supercell (atom count, species and their order as exported), then the
 * profile stored in the dft table, replacing an earlier one.
 */
import { strFromU8, unzipSync } from "fflate";
import type { Database } from "../../db/client";
import { dftRowOf, upsertDft } from "../../db/dft-rows";
import { pathwayBand } from "../../db/pathway-bands";
import { dftProfileFromFiles, type DftFileRefusal, type DftInputFile, type DftProfile } from "../../lib/vasp/dft-profile";
import { vaspNebExport } from "../../lib/vasp/neb-export";
import type { ExpectedAtoms } from "../../lib/vasp/vasp-result";

/** The whole upload, compressed as sent; a vasprun.xml is large, a zip of OUTCARs much less so. */
export const MAX_DFT_UPLOAD_BYTES = 50 * 1024 * 1024;
/** Inflated archive contents: vasprun.xml files compress about tenfold. */
const MAX_DFT_UNZIPPED_BYTES = 1024 * 1024 * 1024;

export interface DftUploadFile {
  name: string;
  data: Uint8Array;
}

export type DftImportReport =
  | { stored: true; profile: DftProfile; refused: DftFileRefusal[]; ignored: string[] }
  | { stored: false; error: string; refused: DftFileRefusal[]; ignored: string[] };

const isZip = (f: DftUploadFile) => f.data[0] === 0x50 && f.data[1] === 0x4b && f.data[2] === 0x03 && f.data[3] === 0x04;

/** Only the files the profile reads are inflated: an archive of a whole VASP run holds WAVECARs too. */
const wanted = (name: string) => !name.endsWith("/") && !/(^|\/)(__MACOSX\/|\.)/.test(name) && /(vasprun[^/]*\.xml|outcar[^/]*)$/i.test(name);

export function dftInputFiles(files: DftUploadFile[]): DftInputFile[] {
  const total = files.reduce((n, f) => n + f.data.length, 0);
  if (total > MAX_DFT_UPLOAD_BYTES) throw new Error(`the upload is ${(total / 1048576).toFixed(1)} MB; at most ${MAX_DFT_UPLOAD_BYTES / 1048576} MB`);
  const out: DftInputFile[] = [];
  for (const f of files) {
    if (!isZip(f)) {
      out.push({ path: f.name, text: strFromU8(f.data) });
      continue;
    }
    let declared = 0;
    const inflated = unzipSync(f.data, {
      filter: (info) => {
        if (!wanted(info.name)) return false;
        declared += info.originalSize;
        if (declared > MAX_DFT_UNZIPPED_BYTES) throw new Error(`${f.name} holds more than ${MAX_DFT_UNZIPPED_BYTES / 1048576} MB of results`);
        return true;
      },
    });
    for (const [path, data] of Object.entries(inflated)) out.push({ path: `${f.name}/${path}`, text: strFromU8(data) });
  }
  return out;
}

/** The atoms a result must have to belong to the pathway: those of its exported POSCARs. */
export async function expectedAtomsOf(db: Database, pathwayId: number): Promise<ExpectedAtoms> {
  const band = await pathwayBand(db, pathwayId);
  if (!band) throw new Error(`no pathway with id ${pathwayId}`);
  if (!band.images) throw new Error(`pathway ${pathwayId} has no images (${band.imagesError ?? "not computed"}), so no VASP inputs to compare with`);
  const exported = vaspNebExport(band.images);
  return { natoms: exported.natoms, speciesOrder: exported.speciesOrder, counts: exported.counts };
}

/** Reads, checks and (when every image is there and belongs) stores an upload; the report says what happened to each file. */
export async function importDftUpload(db: Database, pathwayId: number, files: DftUploadFile[]): Promise<DftImportReport> {
  const expected = await expectedAtomsOf(db, pathwayId);
  const result = dftProfileFromFiles(dftInputFiles(files), expected);
  if ("error" in result) return { stored: false, ...result };
  await upsertDft(db, dftRowOf(pathwayId, result.profile, "upload"));
  return { stored: true, ...result };
}
