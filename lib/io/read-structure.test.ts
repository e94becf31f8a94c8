import { describe, expect, it } from "vitest";
import { caF2 } from "../structure/reference-crystals";
import { writeCif, writeCifImages } from "./cif-writer";
import { writePoscar } from "./poscar";
import { writePymatgenJson } from "./pymatgen-json";
import { MAX_FILE_BYTES, formatFromName, readNamedStructures, readStructureFile } from "./read-structure";
import { sameCellAndSites } from "./structure-equality";

describe("readStructureFile", () => {
  const s = caF2();

  it("detects each format from the content", () => {
    for (const text of [writeCif(s, "CaF2"), writePoscar(s, "CaF2"), writePymatgenJson(s)]) {
      const [back] = readStructureFile(text);
      expect(sameCellAndSites(back, s, { lengthA: 1e-6, angleDeg: 1e-6 })).toBe(true);
    }
  });

  it("takes the format from a file name or a format name", () => {
    expect(formatFromName("uploads/CaF2.CIF")).toBe("cif");
    expect(formatFromName("CONTCAR")).toBe("poscar");
    expect(formatFromName("POSCAR_03")).toBe("poscar");
    expect(formatFromName("x.vasp")).toBe("poscar");
    expect(formatFromName("mp-1.json")).toBe("json");
    expect(formatFromName("poscar")).toBe("poscar");
    expect(formatFromName("notes.txt")).toBeUndefined();
    // A CIF read as POSCAR because the name says so fails as a POSCAR, not silently as something else.
    expect(() => readStructureFile(writeCif(s), "POSCAR")).toThrow(/^POSCAR: /);
  });

  it("names structures by CIF block, POSCAR comment or file name", () => {
    expect(readNamedStructures(writeCifImages([s, s, s], "neb")).map((n) => n.name)).toEqual(["neb_00", "neb_01", "neb_02"]);
    expect(readNamedStructures(writePoscar(s, "fluorite test"))[0].name).toBe("fluorite test");
    expect(readNamedStructures(writePymatgenJson(s), "mp-2741.json")[0].name).toBe("mp-2741.json");
  });

  it("refuses files over 5 MB before parsing them", () => {
    const big = writeCif(s) + "#".repeat(MAX_FILE_BYTES);
    expect(() => readStructureFile(big)).toThrow(/the file is 5\.0 MB; structure files are limited to 5 MB/);
    // Multi-byte characters count as bytes: 2.7 million "é" are 5.4 MB of UTF-8 in fewer than 5 M characters.
    const accents = "é".repeat(2_700_000);
    expect(() => readStructureFile(accents)).toThrow(/limited to 5 MB/);
  });

  it("gives clear errors for empty and unrecognisable files", () => {
    expect(() => readStructureFile("")).toThrow("the file is empty");
    expect(() => readStructureFile("just some words\nnothing else")).toThrow(/unrecognised file format/);
    expect(() => readStructureFile("{not json")).toThrow(/JSON: not valid JSON/);
  });
});
