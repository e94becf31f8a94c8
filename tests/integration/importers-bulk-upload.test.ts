import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { writePoscar } from "../../lib/io/poscar";
import { writePymatgenJson } from "../../lib/io/pymatgen-json";
import { kMgF3 } from "../../lib/structure/reference-crystals";
import { bulkUpload, BulkUploadError, type BulkFileReport } from "../../server/services/importers/bulk-upload";
import { importOutcomes } from "../../server/services/importers/import-outcomes";
import { importStatus } from "../../server/services/structure-import";
import { LIF_CIF } from "../fixtures/lif-cif";
import { waitForImport } from "../helpers/wait-for-import";
import { library, originShifted, startWorkerWithFluorite, useImportTestDatabase } from "./importers-fixtures";

const ctx = useImportTestDatabase();

const file = (name: string, text: string) => ({ name, data: strToU8(text) });
const byName = (files: BulkFileReport[]) => Object.fromEntries(files.map((f) => [f.name, f]));

/** A zip whose central directory claims `claimed` bytes for its only file, whatever it really holds. */
function understatedZip(name: string, text: string, claimed: number): Uint8Array {
  const zip = zipSync({ [name]: strToU8(text) }, { level: 9 });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The central directory header (PK\x01\x02) holds the uncompressed size at offset 24.
  for (let i = zip.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x02014b50) {
      view.setUint32(i + 24, claimed, true);
      break;
    }
  }
  return zip;
}

describe("bulk upload of structure files and zip archives", () => {
  it("reports each file as queued, duplicate or refused, and the import finds duplicates of stored crystals", async () => {
    await startWorkerWithFluorite(ctx);

    const archive = zipSync({
      "fluorides/LiF.cif": strToU8(LIF_CIF),
      "fluorides/POSCAR_NaF": strToU8(writePoscar(library("NaF-rocksalt"))),
      "fluorides/KMgF3.json": strToU8(writePymatgenJson(kMgF3())),
      "fluorides/broken.cif": strToU8("data_broken\n_cell_length_a 4\n"),
      "fluorides/notes.txt": strToU8("measured on Tuesday"),
      "fluorides/inner.zip": zipSync({ "x.cif": strToU8(LIF_CIF) }),
      "__MACOSX/fluorides/._LiF.cif": strToU8("resource fork"),
      "fluorides/": new Uint8Array(0),
    });
    const report = await bulkUpload(
      [{ name: "batch.zip", data: archive }, file("fluorite.vasp", writePoscar(originShifted(library("CaF2-fluorite"))))],
      { pool: ctx.t.pool },
    );
    const files = byName(report.files);
    expect(Object.keys(files).sort()).toEqual(
      [
        "batch.zip/fluorides/KMgF3.json",
        "batch.zip/fluorides/LiF.cif",
        "batch.zip/fluorides/POSCAR_NaF",
        "batch.zip/fluorides/broken.cif",
        "batch.zip/fluorides/inner.zip",
        "batch.zip/fluorides/notes.txt",
        "fluorite.vasp",
      ].sort(),
    );
    expect(report).toMatchObject({ queued: 4, duplicate: 0, refused: 3 });
    expect(files["batch.zip/fluorides/LiF.cif"]).toMatchObject({ status: "queued", structures: 1, inputKey: expect.any(String) });
    expect(files["batch.zip/fluorides/broken.cif"]).toMatchObject({ status: "refused", reason: expect.stringMatching(/CIF/) });
    expect(files["batch.zip/fluorides/notes.txt"]).toMatchObject({ status: "refused", reason: "not a CIF, POSCAR or pymatgen JSON file" });
    expect(files["batch.zip/fluorides/inner.zip"]).toMatchObject({ status: "refused", reason: "an archive inside an archive is not opened" });

    const keys = report.files.flatMap((f) => ("inputKey" in f ? [f.inputKey] : []));
    for (const key of keys) await waitForImport(ctx.t.pool, key);
    expect(await importOutcomes(keys, ctx.t.pool)).toMatchObject({ imported: 3, duplicate: 1, failed: 0 });
    const fluorite = files["fluorite.vasp"];
    expect(fluorite.status).toBe("queued");
    if (fluorite.status === "queued") {
      const status = await importStatus(fluorite.inputKey, ctx.t.pool);
      expect(status.note).toMatch(/^duplicate of #\d+$/);
    }
    const stored = (await ctx.t.pool.query("select source_id from structures where source = 'upload' order by source_id")).rows;
    expect(stored.map((r) => r.source_id)).toEqual(["KMgF3.json", "LiF.cif", "POSCAR_NaF"]);

    // The same archive again: every readable file was submitted before.
    const again = await bulkUpload([{ name: "batch.zip", data: archive }], { pool: ctx.t.pool });
    expect(again).toMatchObject({ queued: 0, duplicate: 3, refused: 3 });
  });

  it("refuses files over the per-file limit by the archive's header, before inflating them", async () => {
    const big = `data_big\n${"# padding\n".repeat(30_000)}`;
    const archive = zipSync({ "big.cif": strToU8(big), "LiF.cif": strToU8(LIF_CIF) });
    const report = await bulkUpload([{ name: "a.zip", data: archive }, file("loose-big.cif", big)], { pool: ctx.t.pool, limits: { maxFileBytes: 100_000 } });
    const files = byName(report.files);
    expect(files["a.zip/big.cif"]).toMatchObject({ status: "refused", reason: expect.stringMatching(/limited to 0\.1 MB/) });
    expect(files["loose-big.cif"]).toMatchObject({ status: "refused", reason: expect.stringMatching(/limited to 0\.1 MB/) });
    expect(files["a.zip/LiF.cif"].status).toBe("duplicate");
  });

  it("refuses a whole upload that is too large, holds too many files or would inflate past the limit (zip bomb)", async () => {
    await expect(bulkUpload([file("a.cif", LIF_CIF)], { pool: ctx.t.pool, limits: { maxUploadBytes: 100 } })).rejects.toThrow(BulkUploadError);
    const many = zipSync(Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`s${i}.cif`, strToU8(LIF_CIF)])));
    await expect(bulkUpload([{ name: "many.zip", data: many }], { pool: ctx.t.pool, limits: { maxFiles: 4 } })).rejects.toThrow(/more than 4 files/);
    // 2 × 600 kB of zeros deflate to about 1 kB each: the headers declare 1.2 MB, over a 1 MB budget.
    const bomb = zipSync({ "a.cif": new Uint8Array(600_000), "b.cif": new Uint8Array(600_000) }, { level: 9 });
    expect(bomb.length).toBeLessThan(10_000);
    await expect(
      bulkUpload([{ name: "bomb.zip", data: bomb }], { pool: ctx.t.pool, limits: { maxUncompressedBytes: 1_000_000 } }),
    ).rejects.toThrow(/1\.1 MB uncompressed/);
    await expect(bulkUpload([{ name: "x.zip", data: strToU8("not a zip") }], { pool: ctx.t.pool })).rejects.toThrow(/not a readable zip archive/);
    await expect(bulkUpload([], { pool: ctx.t.pool })).rejects.toThrow(/no files/);
  });

  it("inflates no more than a header declares, even when the header understates the size", async () => {
    const text = `data_lying\n${"# padding\n".repeat(300_000)}`;
    const zip = understatedZip("lying.cif", text, 64);
    const report = await bulkUpload([{ name: "lying.zip", data: zip }], { pool: ctx.t.pool });
    // Only the declared 64 bytes come out: a CIF with no cell, refused by the reader.
    expect(report.files).toEqual([{ name: "lying.zip/lying.cif", status: "refused", reason: expect.stringMatching(/CIF/) }]);
  });
});
