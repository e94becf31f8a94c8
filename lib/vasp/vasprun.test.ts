import { describe, expect, it } from "vitest";
import type { Vec3 } from "../structure/vector";
import { parseVasprun } from "./vasprun";

interface Step {
  scsteps: number;
  /** e_fr_energy, e_wo_entrp, e_0_energy of the step. */
  energy: [number, number, number];
  forces: Vec3[];
}

const num = (x: number) => x.toFixed(8).padStart(17);
const v = (xs: number[]) => `   <v>${xs.map(num).join("")} </v>`;
const energyBlock = (e: [number, number, number], indent: string) =>
  [`${indent}<energy>`, `${indent} <i name="e_fr_energy">${num(e[0])} </i>`, `${indent} <i name="e_wo_entrp">${num(e[1])} </i>`, `${indent} <i name="e_0_energy">${num(e[2])} </i>`, `${indent}</energy>`].join("\n");

/** A vasprun.xml in the layout VASP 6 writes (the parts hopscape reads, with the blocks around them). */
function vasprunXml(o: { nelm: number; nsw: number; ibrion: number; ediffg: number; steps: Step[] }): string {
  const cell = [[0, 2.7313, 2.7313], [2.7313, 0, 2.7313], [2.7313, 2.7313, 0]];
  const positions = [[0, 0, 0], [0.25, 0.25, 0.25], [0.75, 0.75, 0.75]];
  const structure = (name?: string) =>
    [`  <structure${name ? ` name="${name}" ` : ""}>`, "   <crystal>", '    <varray name="basis" >', ...cell.map(v), "    </varray>", '    <i name="volume">     40.75000000 </i>', "   </crystal>", '   <varray name="positions" >', ...positions.map(v), "   </varray>", "  </structure>"].join("\n");
  const calculation = (s: Step) =>
    [
      " <calculation>",
      ...Array.from({ length: s.scsteps }, (_, i) =>
        ["  <scstep>", '   <time name="dav">    0.31    0.32</time>', energyBlock([s.energy[0] + 1 / (i + 1), s.energy[1] + 1 / (i + 1), s.energy[2] + 1 / (i + 1)], "   "), "  </scstep>"].join("\n"),
      ),
      structure(),
      '  <varray name="forces" >',
      ...s.forces.map(v),
      "  </varray>",
      '  <varray name="stress" >',
      ...[[1.2, 0, 0], [0, 1.2, 0], [0, 0, 1.2]].map(v),
      "  </varray>",
      energyBlock(s.energy, "  "),
      '  <time name="totalsc">    3.10    3.20</time>',
      '  <dos><i name="efermi">     -1.23456789 </i></dos>',
      " </calculation>",
    ].join("\n");
  return `<?xml version="1.0" encoding="ISO-8859-1"?>
<modeling>
 <generator>
  <i name="program" type="string">vasp </i>
  <i name="version" type="string">6.3.2  </i>
 </generator>
 <incar>
  <i type="string" name="PREC">accurate</i>
  <i name="ENCUT">    520.00000000</i>
  <i type="int" name="IBRION">    ${o.ibrion}</i>
  <i type="int" name="NSW">    ${o.nsw}</i>
  <i name="EDIFFG">${num(o.ediffg)}</i>
 </incar>
 <parameters>
  <separator name="electronic" >
   <i type="string" name="PREC">accurate</i>
   <separator name="electronic convergence" >
    <i type="int" name="NELM">    ${o.nelm}</i>
    <i type="int" name="NELMDL">     -5</i>
    <i type="int" name="NELMIN">      6</i>
   </separator>
  </separator>
  <separator name="ionic" >
   <i type="int" name="NSW">    ${o.nsw}</i>
   <i type="int" name="IBRION">    ${o.ibrion}</i>
   <i name="EDIFFG">${num(o.ediffg)}</i>
  </separator>
 </parameters>
 <atominfo>
  <atoms>       3 </atoms>
  <types>       2 </types>
  <array name="atoms" >
   <dimension dim="1">ion</dimension>
   <field type="string">element</field>
   <field type="int">atomtype</field>
   <set>
    <rc><c>Ca</c><c>   1</c></rc>
    <rc><c>F </c><c>   2</c></rc>
    <rc><c>F </c><c>   2</c></rc>
   </set>
  </array>
  <array name="atomtypes" >
   <dimension dim="1">type</dimension>
   <field type="int">atomspertype</field>
   <field type="string">element</field>
   <field>mass</field>
   <field>valence</field>
   <field type="string">pseudopotential</field>
   <set>
    <rc><c>   1</c><c>Ca</c><c>     40.07800000</c><c>     10.00000000</c><c>  PAW_PBE Ca_sv 06Sep2000                   </c></rc>
    <rc><c>   2</c><c>F </c><c>     18.99800000</c><c>      7.00000000</c><c>  PAW_PBE F 08Apr2002                       </c></rc>
   </set>
  </array>
 </atominfo>
${structure("initialpos")}
${o.steps.map(calculation).join("\n")}
${structure("finalpos")}
</modeling>
`;
}

const zero: Vec3[] = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];

describe("parseVasprun", () => {
  it("reads the atoms, the last step's energies and forces of a static run", () => {
    const r = parseVasprun(vasprunXml({ nelm: 60, nsw: 0, ibrion: -1, ediffg: -0.05, steps: [{ scsteps: 12, energy: [-18.41592357, -18.41012345, -18.41302351], forces: zero }] }));
    expect(r).toMatchObject({
      natoms: 3,
      species: ["Ca", "F", "F"],
      types: [
        { element: "Ca", count: 1, potcar: "PAW_PBE Ca_sv 06Sep2000" },
        { element: "F", count: 2, potcar: "PAW_PBE F 08Apr2002" },
      ],
      parameters: { NELM: 60, NSW: 0, IBRION: -1, EDIFFG: -0.05 },
      ionicSteps: 1,
      energies: { freeEnergyEv: -18.41592357, energyWithoutEntropyEv: -18.41012345, energySigma0Ev: -18.41302351 },
      electronicSteps: 12,
      electronicConverged: true,
      ionicConverged: true,
      forcesBelowEdiffg: true,
      complete: true,
    });
  });

  it("takes the last ionic step and judges convergence by NSW and EDIFFG", () => {
    const steps: Step[] = [
      { scsteps: 20, energy: [-18.1, -18.1, -18.1], forces: [[0, 0, 0], [0.3, 0, 0], [-0.3, 0, 0]] },
      { scsteps: 8, energy: [-18.2, -18.2, -18.2], forces: [[0, 0, 0], [0.06, 0.08, 0], [-0.06, -0.08, 0]] },
    ];
    const r = parseVasprun(vasprunXml({ nelm: 60, nsw: 2, ibrion: 3, ediffg: -0.05, steps }));
    expect(r.ionicSteps).toBe(2);
    expect(r.energies.freeEnergyEv).toBe(-18.2);
    expect(r.forces[1]).toEqual([0.06, 0.08, 0]);
    // |(0.06, 0.08, 0)| = 0.1 eV/Å, above |EDIFFG| = 0.05; the run used all NSW = 2 steps.
    expect(r.maxForceEvPerA).toBeCloseTo(0.1, 12);
    expect(r.forcesBelowEdiffg).toBe(false);
    expect(r.ionicConverged).toBe(false);
    expect(parseVasprun(vasprunXml({ nelm: 60, nsw: 3, ibrion: 3, ediffg: -0.05, steps })).ionicConverged).toBe(true);
  });

  it("reports an SCF that ran into NELM as not converged", () => {
    const r = parseVasprun(vasprunXml({ nelm: 5, nsw: 0, ibrion: -1, ediffg: -0.05, steps: [{ scsteps: 5, energy: [-1, -1, -1], forces: zero }] }));
    expect(r.electronicSteps).toBe(5);
    expect(r.electronicConverged).toBe(false);
  });

  it("reads what a killed run wrote: its last complete ionic step", () => {
    const steps: Step[] = [1, 2, 3].map((i) => ({ scsteps: 6, energy: [-i, -i, -i], forces: zero }));
    const full = vasprunXml({ nelm: 60, nsw: 50, ibrion: 3, ediffg: -0.05, steps });
    const cut = full.slice(0, full.lastIndexOf("<calculation>") + 200);
    const r = parseVasprun(cut);
    expect(r).toMatchObject({ ionicSteps: 2, energies: { freeEnergyEv: -2 }, complete: false });
  });

  it("refuses a file that is no vasprun.xml or holds no finished step", () => {
    expect(() => parseVasprun("<html></html>")).toThrow(/not a vasprun.xml/);
    const none = vasprunXml({ nelm: 60, nsw: 0, ibrion: -1, ediffg: -0.05, steps: [] });
    expect(() => parseVasprun(none)).toThrow(/no complete ionic step/);
  });
});
