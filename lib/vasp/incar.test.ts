import { describe, expect, it } from "vitest";
import { parseIncar, writeIncar } from "./incar";

describe("INCAR", () => {
  it("reads what it writes", () => {
    const incar = { SYSTEM: "CaF2 hop", ENCUT: 520, EDIFF: 1e-5, EDIFFG: -0.05, LWAVE: false, LCLIMB: true, ALGO: "Fast", MAGMOM: [5, 5, 0.6, 0.6, 0.6] };
    const text = writeIncar(incar, { ENCUT: "MIT" });
    expect(text).toContain("MAGMOM = 2*5 3*0.6");
    expect(text).toContain("EDIFF  = 1E-5");
    expect(text).toMatch(/ENCUT\s+= 520\s+# MIT/);
    expect(parseIncar(text)).toEqual(incar);
  });

  it("reads an INCAR as people write them: comments, several tags a line, Fortran logicals and exponents", () => {
    const text = `SYSTEM = hop
 ISTART = 0 ; ICHARG = 2   ! fresh start
 ediff = 1.0d-5
 LREAL = Auto   # projection in real space
 LWAVE = .FALSE.; LCHARG = F
 LCLIMB = .TRUE.
 MAGMOM = 4*0.6 2*5
 # ENCUT = 400
`;
    expect(parseIncar(text)).toEqual({
      SYSTEM: "hop",
      ISTART: 0,
      ICHARG: 2,
      EDIFF: 1e-5,
      LREAL: "Auto",
      LWAVE: false,
      LCHARG: false,
      LCLIMB: true,
      MAGMOM: [0.6, 0.6, 0.6, 0.6, 5, 5],
    });
  });
});
