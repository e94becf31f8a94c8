import { describe, expect, it } from "vitest";
import { parseOutcar } from "./outcar";

/** The lines of an OUTCAR that hopscape reads, in VASP 6's layout, with the lines around them. */
function outcar(o: { steps: { energy: number; wo: number; s0: number; scf: number; forces: number[][] }[]; reached: boolean; nelm?: number }): string {
  const head = ` vasp.6.3.2 18Jan22 (build Feb 10 2022 12:00:00) complex
 POTCAR:    PAW_PBE Ca_sv 06Sep2000
 POTCAR:    PAW_PBE F 08Apr2002
   VRHFIN =Ca: 3s3p4s
   LEXCH  = PE
   TITEL  = PAW_PBE Ca_sv 06Sep2000
   POMASS =   40.078; ZVAL   =   10.000    mass and valenz
   VRHFIN =F: s2p5
   TITEL  = PAW_PBE F 08Apr2002
 POTCAR:    PAW_PBE Ca_sv 06Sep2000
 POTCAR:    PAW_PBE F 08Apr2002
   ions per type =               1   2
 Dimension of arrays:
   NELM   =     ${o.nelm ?? 60};   NELMIN=  6; NELMDL= -5     # of ELM steps
   NSW    =    200    number of steps for IOM
   IBRION =      3    ionic relax: 0-MD 1-quasi-New 2-CG
   EDIFFG = -.5E-01   stopping-criterion for IOM
`;
  const steps = o.steps.map((s, i) => {
    const scf = Array.from({ length: s.scf }, (_, j) => `----------------------------------------- Iteration ${String(i + 1).padStart(6)}(${String(j + 1).padStart(4)})  ---------------------------------------
  free energy    TOTEN  =       ${(s.energy + 1 / (j + 1)).toFixed(8)} eV
  energy without entropy =      ${(s.wo + 1).toFixed(8)}  energy(sigma->0) =      ${(s.s0 + 1).toFixed(8)}
`).join("");
    const forces = s.forces.map((f) => `      0.00000      0.00000      0.00000  ${f.map((x) => x.toFixed(6).padStart(12)).join("  ")}`).join("\n");
    return `${scf}
 POSITION                                       TOTAL-FORCE (eV/Angst)
 -----------------------------------------------------------------------------------
${forces}
 -----------------------------------------------------------------------------------
    total drift:                                0.000000     -0.000000      0.000000

  FREE ENERGIE OF THE ION-ELECTRON SYSTEM (eV)
  ---------------------------------------------------
  free  energy   TOTEN  =       ${s.energy.toFixed(8)} eV

  energy  without entropy=      ${s.wo.toFixed(8)}  energy(sigma->0) =      ${s.s0.toFixed(8)}
`;
  });
  return head + steps.join("") + (o.reached ? "\n reached required accuracy - stopping structural energy minimisation\n" : "");
}

describe("parseOutcar", () => {
  const two = outcar({
    reached: true,
    steps: [
      { energy: -18.1, wo: -18.09, s0: -18.095, scf: 14, forces: [[0, 0, 0], [0.3, 0, 0], [-0.3, 0, 0]] },
      { energy: -18.41592357, wo: -18.41012345, s0: -18.41302351, scf: 7, forces: [[0, 0, 0], [0.03, -0.04, 0], [-0.03, 0.04, 0]] },
    ],
  });

  it("reads the last ionic step's energies and forces, not the electronic steps' lines", () => {
    const r = parseOutcar(two);
    expect(r.energies).toEqual({ freeEnergyEv: -18.41592357, energyWithoutEntropyEv: -18.41012345, energySigma0Ev: -18.41302351 });
    expect(r.forces).toEqual([[0, 0, 0], [0.03, -0.04, 0], [-0.03, 0.04, 0]]);
    // |(0.03, −0.04, 0)| = 0.05 eV/Å.
    expect(r.maxForceEvPerA).toBeCloseTo(0.05, 12);
    expect(r).toMatchObject({ ionicSteps: 2, electronicSteps: 7, electronicConverged: true, reachedRequiredAccuracy: true });
    expect(r.parameters).toEqual({ NELM: 60, NSW: 200, IBRION: 3, EDIFFG: -0.05 });
  });

  it("reads the atoms from the POTCAR titles and 'ions per type'", () => {
    expect(parseOutcar(two)).toMatchObject({
      natoms: 3,
      species: ["Ca", "F", "F"],
      types: [
        { element: "Ca", count: 1, potcar: "PAW_PBE Ca_sv 06Sep2000" },
        { element: "F", count: 2, potcar: "PAW_PBE F 08Apr2002" },
      ],
    });
  });

  it("tells a run stopped by NELM or NSW from a converged one", () => {
    const r = parseOutcar(outcar({ reached: false, nelm: 7, steps: [{ energy: -1, wo: -1, s0: -1, scf: 7, forces: [[0, 0, 0], [0, 0, 0], [0, 0, 0]] }] }));
    expect(r).toMatchObject({ reachedRequiredAccuracy: false, electronicConverged: false, electronicSteps: 7, ionicSteps: 1 });
  });

  it("refuses an OUTCAR without a finished ionic step", () => {
    expect(() => parseOutcar(outcar({ reached: false, steps: [] }))).toThrow(/no finished ionic step/);
    expect(() => parseOutcar("nothing here")).toThrow(/ions per type/);
  });
});
