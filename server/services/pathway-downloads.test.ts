import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readCifNamed } from "../../lib/io/cif-reader";
import { readPoscar } from "../../lib/io/poscar";
import { pathwayFile } from "./pathway-downloads";
import { testBand as band } from "./pathway-test-band";

describe("pathway downloads", () => {
  it("writes one CIF data block per image, readable back with the moving ion's coordinates", () => {
    const text = pathwayFile(band, "cif", "CaF_test", "t").body as string;
    expect(text.match(/^data_/gm)).toHaveLength(4);
    const blocks = readCifNamed(text);
    expect(blocks.map((b) => b.name)).toEqual(["CaF_test_00", "CaF_test_01", "CaF_test_02", "CaF_test_03"]);
    const f = blocks[3].structure.sites.find((x) => x.species === "F")!;
    expect(f.frac[0]).toBeCloseTo(2.5 / 4, 8);
  });

  it("writes an XYZ frame per image with the ion first, in Å", () => {
    const lines = (pathwayFile(band, "xyz", "b", 't"x').body as string).trimEnd().split("\n");
    expect(lines).toHaveLength(4 * 4);
    expect(lines[1]).toContain('Lattice="4.00000000 0.00000000 0.00000000');
    expect(lines[1]).not.toContain('t"x');
    expect(lines[4 + 2].trim().split(/\s+/)).toEqual(["F", "1.16666667", "1.00000000", "2.00000000"]);
  });

  it("zips one POSCAR per image in NEB folders 00 … 03", () => {
    const files = unzipSync(pathwayFile(band, "poscar", "b", "t").body as Uint8Array);
    expect(Object.keys(files).sort()).toEqual(["b/00/POSCAR", "b/01/POSCAR", "b/02/POSCAR", "b/03/POSCAR"]);
    const { structure } = readPoscar(strFromU8(files["b/03/POSCAR"]));
    expect(structure.sites[0].species).toBe("F");
    expect(structure.sites[0].frac[0]).toBeCloseTo(2.5 / 4, 8);
  });
});
