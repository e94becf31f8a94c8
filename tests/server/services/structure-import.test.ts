import { describe, expect, it } from "vitest";
import { caF2 } from "../../../lib/structure/reference-crystals";
import { importInputKey, validateStructureText } from "../../../server/services/structure-import";
import { LIF_CIF } from "../../fixtures/lif-cif";

describe("validateStructureText", () => {
  it("previews the first structure of a valid file", () => {
    expect(validateStructureText(LIF_CIF, "LiF.cif")).toEqual({
      ok: true,
      preview: {
        formula: "LiF",
        reducedFormula: "LiF",
        spacegroup: { number: 225, symbol: expect.any(String) },
        // The primitive cell of rock salt: one Li, one F.
        nsites: 2,
        count: 1,
      },
    });
  });

  it("returns the reader's message for a malformed file instead of throwing", () => {
    const result = validateStructureText("data_x\n_cell_length_a 4\n", "x.cif");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
  });
});

describe("importInputKey", () => {
  it("depends on the content of the input, not on the order of its keys", () => {
    const structure = caF2();
    const a = importInputKey({ source: "library", sourceId: "x", structure });
    const b = importInputKey({ structure, sourceId: "x", source: "library" });
    expect(a).toBe(b);
    expect(importInputKey({ source: "upload", sourceId: "x", structure })).not.toBe(a);
    expect(importInputKey({ source: "library", sourceId: "x", structure: caF2(5.5) })).not.toBe(a);
  });
});
