import { unzipSync } from "fflate";
import type pg from "pg";
import { formatFromContent, formatFromName } from "../../../lib/io/read-structure";
import { inputStructures } from "../../../lib/records/structure-record";
import type { StructureImportInput } from "../../../lib/records/structure-import-input";
import { enqueueStructureImport } from "../structure-import";

export interface BulkUploadLimits {
  /** All uploaded bytes together (archives counted compressed). */
  maxUploadBytes: number;
  /** Files after archives are opened. */
  maxFiles: number;
  /** One structure file, uncompressed. */
  maxFileBytes: number;
  /** All files of all archives together, uncompressed, as the archives' headers declare it. */
  maxUncompressedBytes: number;
}

export const DEFAULT_BULK_LIMITS: BulkUploadLimits = {
  maxUploadBytes: 50 * 1024 * 1024,
  maxFiles: 2000,
  maxFileBytes: 5 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
};

export interface UploadedFile {
  name: string;
  data: Uint8Array;
}

export type BulkFileReport =
  | { name: string; status: "queued"; inputKey: string; structures: number }
  /** The same file (name and content) was submitted before: nothing new is queued. */
  | { name: string; status: "duplicate"; inputKey: string; structures: number }
  | { name: string; status: "refused"; reason: string };

export interface BulkUploadReport {
  files: BulkFileReport[];
  queued: number;
  duplicate: number;
  refused: number;
}

/** The whole upload is refused (too large, too many files, not a zip): nothing was queued. */
export class BulkUploadError extends Error {}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const isZip = (f: UploadedFile) =>
  /\.zip$/i.test(f.name) || (f.data[0] === 0x50 && f.data[1] === 0x4b && f.data[2] === 0x03 && f.data[3] === 0x04);

/** Folders, macOS resource forks and hidden files are archive clutter, not files someone meant to upload. */
const isClutter = (path: string) => path.endsWith("/") || /(^|\/)(__MACOSX\/|\.)/.test(path);

type Candidate = { name: string; data: Uint8Array } | { name: string; refused: string };

/**
 * The files of an archive. Sizes come from the archive's central directory and are checked before
 * anything is inflated (the zip-bomb guard): entries over the per-file limit are refused, and an archive
 * declaring more than the uncompressed total or too many files is refused whole. fflate inflates into a
 * buffer of the declared size, so a header that understates a size cannot make it allocate more.
 */
function openArchive(file: UploadedFile, limits: BulkUploadLimits, budget: { files: number; bytes: number }): Candidate[] {
  const out: Candidate[] = [];
  const wanted = new Set<string>();
  try {
    unzipSync(file.data, {
      filter: (info) => {
        if (isClutter(info.name)) return false;
        const name = `${file.name}/${info.name}`;
        const size = Math.max(info.originalSize, info.compression === 0 ? info.size : 0);
        budget.files++;
        if (budget.files > limits.maxFiles) {
          throw new BulkUploadError(`more than ${limits.maxFiles} files: upload them in several parts`);
        }
        if (info.compression !== 0 && info.compression !== 8) {
          out.push({ name, refused: `compression method ${info.compression} is not supported (use deflate)` });
        } else if (size > limits.maxFileBytes) {
          out.push({ name, refused: `${mb(size)} uncompressed; structure files are limited to ${mb(limits.maxFileBytes)}` });
        } else if (/\.zip$/i.test(info.name)) {
          out.push({ name, refused: "an archive inside an archive is not opened" });
        } else {
          budget.bytes += size;
          wanted.add(info.name);
        }
        return false;
      },
    });
  } catch (e) {
    if (e instanceof BulkUploadError) throw e;
    throw new BulkUploadError(`${file.name} is not a readable zip archive (${e instanceof Error ? e.message : String(e)})`);
  }
  if (budget.bytes > limits.maxUncompressedBytes) {
    throw new BulkUploadError(
      `the archives hold ${mb(budget.bytes)} uncompressed; at most ${mb(limits.maxUncompressedBytes)} can be uploaded at once`,
    );
  }
  const inflated = unzipSync(file.data, { filter: (info) => wanted.has(info.name) });
  for (const [inner, data] of Object.entries(inflated)) out.push({ name: `${file.name}/${inner}`, data });
  return out;
}

/** The input of one file, or why it is refused: the reader runs here so that the report says what is wrong. */
function fileInput(c: { name: string; data: Uint8Array }): { input: StructureImportInput; structures: number } | { refused: string } {
  const text = new TextDecoder("utf-8").decode(c.data);
  const base = c.name.split("/").pop()!;
  if (!formatFromName(base) && !formatFromContent(text)) return { refused: "not a CIF, POSCAR or pymatgen JSON file" };
  const input: StructureImportInput = { source: "upload", text, filename: base };
  try {
    return { input, structures: inputStructures(input).length };
  } catch (e) {
    return { refused: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Imports many structure files at once: loose CIF / POSCAR / JSON files and zip archives of them.
 * Each file gets a line in the report: queued (with the input key to follow it by), duplicate (this
 * file was submitted before) or refused (and why). Whether a queued structure turns out to be a
 * crystal already in the table is the import job's finding: importStatus / importOutcomes tell it.
 * Throws BulkUploadError, queuing nothing, when the upload as a whole breaks a limit.
 */
export async function bulkUpload(
  files: UploadedFile[],
  options: { pool?: pg.Pool; limits?: Partial<BulkUploadLimits> } = {},
): Promise<BulkUploadReport> {
  const limits = { ...DEFAULT_BULK_LIMITS, ...options.limits };
  const uploaded = files.reduce((n, f) => n + f.data.length, 0);
  if (uploaded > limits.maxUploadBytes) {
    throw new BulkUploadError(`the upload is ${mb(uploaded)}; at most ${mb(limits.maxUploadBytes)} at once`);
  }
  if (files.length === 0) throw new BulkUploadError("no files were uploaded");
  const budget = { files: 0, bytes: 0 };
  const candidates: Candidate[] = [];
  for (const f of files) {
    if (isZip(f)) {
      candidates.push(...openArchive(f, limits, budget));
      continue;
    }
    budget.files++;
    if (budget.files > limits.maxFiles) throw new BulkUploadError(`more than ${limits.maxFiles} files: upload them in several parts`);
    candidates.push(
      f.data.length > limits.maxFileBytes
        ? { name: f.name, refused: `${mb(f.data.length)}; structure files are limited to ${mb(limits.maxFileBytes)}` }
        : f,
    );
  }

  const report: BulkUploadReport = { files: [], queued: 0, duplicate: 0, refused: 0 };
  for (const c of candidates) {
    const parsed = "refused" in c ? c : fileInput(c);
    if ("refused" in parsed) {
      report.files.push({ name: c.name, status: "refused", reason: parsed.refused });
      report.refused++;
      continue;
    }
    const { inputKey, queued } = await enqueueStructureImport(parsed.input, options.pool);
    report.files.push({ name: c.name, status: queued ? "queued" : "duplicate", inputKey, structures: parsed.structures });
    if (queued) report.queued++;
    else report.duplicate++;
  }
  return report;
}
