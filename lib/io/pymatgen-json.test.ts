import { describe, expect, it } from "vitest";
import { caF2, kMgF3 } from "../structure/reference-crystals";
import { readPymatgenJson, toPymatgenDict, writePymatgenJson } from "./pymatgen-json";
import { sameCellAndSites } from "./structure-equality";

// The shape pymatgen's Structure.as_dict() gives (abridged by hand to two sites of LiF).
const LIF = {
  "@module": "pymatgen.core.structure",
  "@class": "Structure",
  charge: 0,
  lattice: { matrix: [[0, 2.01315, 2.01315], [2.01315, 0, 2.01315], [2.01315, 2.01315, 0]], pbc: [true, true, true] },
  properties: {},
  sites: [
    { species: [{ element: "Li", occu: 1 }], abc: [0, 0, 0], xyz: [0, 0, 0], label: "Li", properties: {} },
    { species: [{ element: "F", oxidation_state: -1, occu: 1 }], abc: [0.5, 0.5, 0.5], xyz: [2.01315, 2.01315, 2.01315], label: "F", properties: {} },
  ],
};

describe("readPymatgenJson", () => {
  it("reads a Structure.as_dict() with labels and oxidation states", () => {
    const [s] = readPymatgenJson(JSON.stringify(LIF));
    expect(s.sites).toEqual([
      { species: "Li", frac: [0, 0, 0], label: "Li" },
      { species: "F", frac: [0.5, 0.5, 0.5], label: "F", oxidationState: -1 },
    ]);
  });

  it("uses xyz when abc is missing", () => {
    const noAbc = { ...LIF, sites: LIF.sites.map(({ abc: _abc, ...rest }) => rest) };
    const [s] = readPymatgenJson(JSON.stringify(noAbc));
    expect(s.sites[1].frac.map((x) => Number(x.toFixed(12)))).toEqual([0.5, 0.5, 0.5]);
  });

  it("accepts a Materials Project document, a list and an API response", () => {
    expect(readPymatgenJson(JSON.stringify({ material_id: "mp-1138", structure: LIF }))).toHaveLength(1);
    expect(readPymatgenJson(JSON.stringify([LIF, LIF]))).toHaveLength(2);
    expect(readPymatgenJson(JSON.stringify({ data: [{ structure: LIF }, { structure: LIF }, { structure: LIF }] }))).toHaveLength(3);
  });

  it("refuses partial occupancy and mixed sites, naming the site", () => {
    const partial = structuredClone(LIF);
    partial.sites[1].species[0].occu = 0.5;
    expect(() => readPymatgenJson(JSON.stringify(partial))).toThrow(
      "JSON: document: site 'F' (2) has occupancy 0.5: partially occupied sites are not supported",
    );
    const mixed = structuredClone(LIF) as { sites: { species: unknown[] }[] };
    mixed.sites[0].species = [{ element: "Li", occu: 0.5 }, { element: "Na", occu: 0.5 }];
    expect(() => readPymatgenJson(JSON.stringify(mixed))).toThrow(/site 'Li' \(1\) is a mixed site \(Li, Na\)/);
  });

  it.each([
    ["empty text", "", /JSON: the file is empty/],
    ["broken JSON", '{"lattice": ', /JSON: not valid JSON/],
    ["another pymatgen class", JSON.stringify({ "@class": "Molecule", sites: [] }), /found @class 'Molecule'/],
    ["a missing lattice", JSON.stringify({ sites: LIF.sites }), /structure has no lattice.matrix/],
    ["a NaN coordinate", JSON.stringify(LIF).replace('"abc":[0.5,0.5,0.5]', '"abc":[0.5,"x",0.5]'), /site 'F' \(2\) abc must be three finite numbers/],
    ["an unknown element", JSON.stringify(LIF).replace('"element":"Li"', '"element":"Xx"'), /site 'Li' \(1\) has the unknown element 'Xx'/],
    ["an empty list", "[]", /the list holds no structures/],
  ])("gives a clear error for %s", (_what, text, message) => {
    expect(() => readPymatgenJson(text)).toThrow(message);
  });
});

describe("writePymatgenJson", () => {
  it("round-trips and writes pymatgen's keys", () => {
    for (const s of [caF2(), kMgF3()]) {
      const [back] = readPymatgenJson(writePymatgenJson(s));
      expect(sameCellAndSites(back, s, { lengthA: 1e-12, angleDeg: 1e-9 })).toBe(true);
      expect(back.lattice).toEqual(s.lattice);
    }
    const d = toPymatgenDict({ ...caF2(), sites: [{ species: "Ca", frac: [0, 0, 0], oxidationState: 2 }] });
    expect(d["@class"]).toBe("Structure");
    expect((d.sites as { species: unknown[] }[])[0].species).toEqual([{ element: "Ca", oxidation_state: 2, occu: 1 }]);
  });
});
