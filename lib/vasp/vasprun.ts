import type { Vec3 } from "../structure/vector";
import { type AtomTypes, type FinalEnergies, maxForceNorm } from "./vasp-result";

/**
 * What hopscape reads from a vasprun.xml: the atoms, the last ionic step's energies and forces, and
 * whether the run converged. The file is scanned for the few elements needed rather than parsed as a
 * whole document, so a large run (hundreds of MB of eigenvalues and DOS) costs one pass over the text,
 * and a run killed mid-write still gives its last complete ionic step.
 */
export interface VasprunResult extends AtomTypes {
  /** The run's parameters that convergence depends on (from <parameters>, else <incar>). */
  parameters: { NELM: number; NSW: number; IBRION: number; EDIFFG?: number; IMAGES?: number };
  /** Complete ionic steps (<calculation> elements with their energy). */
  ionicSteps: number;
  /** Of the last ionic step (eV). */
  energies: FinalEnergies;
  /** Of the last ionic step, eV/Å, one per atom. */
  forces: Vec3[];
  maxForceEvPerA: number;
  /** Electronic steps of the last ionic step. */
  electronicSteps: number;
  /** The last ionic step's SCF ended before NELM (VASP stops at NELM whether converged or not). */
  electronicConverged: boolean;
  /** A single point, or a relaxation that stopped before NSW ionic steps (so by its EDIFFG criterion). */
  ionicConverged: boolean;
  /** EDIFFG < 0 and every force below |EDIFFG|; undefined when EDIFFG is an energy criterion. */
  forcesBelowEdiffg?: boolean;
  /** The file ends with </modeling>: VASP finished writing it. */
  complete: boolean;
}

const fail = (message: string): never => {
  throw new Error(`vasprun.xml: ${message}`);
};

/** The text between <tag ...> and the matching </tag> from `from`, or undefined (non-nested tags only). */
function element(text: string, open: RegExp, close: string, from = 0): { body: string; end: number } | undefined {
  open.lastIndex = from;
  const m = open.exec(text);
  if (!m) return undefined;
  const start = m.index + m[0].length;
  const end = text.indexOf(close, start);
  if (end < 0) return undefined;
  return { body: text.slice(start, end), end: end + close.length };
}

/** `<i name="NAME">value</i>` in a block (type attributes in any order). */
function scalar(block: string | undefined, name: string): string | undefined {
  if (!block) return undefined;
  const m = new RegExp(`<i\\b[^>]*\\bname="${name}"[^>]*>([^<]*)</i>`).exec(block);
  return m?.[1].trim();
}

const numberOf = (s: string | undefined): number | undefined => {
  if (s === undefined) return undefined;
  const x = Number(s.trim().replace(/^\*+$/, "NaN"));
  return Number.isFinite(x) ? x : undefined;
};

function rows(block: string): string[][] {
  return [...block.matchAll(/<rc>([\s\S]*?)<\/rc>/g)].map((r) => [...r[1].matchAll(/<c>([\s\S]*?)<\/c>/g)].map((c) => c[1].trim()));
}

function readAtoms(text: string): AtomTypes {
  const info = element(text, /<atominfo>/g, "</atominfo>")?.body ?? fail("no <atominfo>");
  const atoms = element(info, /<array\s+name="atoms"\s*>/g, "</array>")?.body ?? fail("no atoms array in <atominfo>");
  const types = element(info, /<array\s+name="atomtypes"\s*>/g, "</array>")?.body ?? fail("no atomtypes array in <atominfo>");
  const species = rows(atoms).map((r) => r[0]);
  const typeRows = rows(types);
  return {
    natoms: species.length,
    species,
    types: typeRows.map((r) => ({ element: r[1], count: Number(r[0]), potcar: r[4]?.replace(/\s+/g, " ") })),
  };
}

function readVarray(block: string, name: string): Vec3[] | undefined {
  const v = element(block, new RegExp(`<varray\\s+name="${name}"\\s*>`, "g"), "</varray>");
  if (!v) return undefined;
  return [...v.body.matchAll(/<v>([^<]*)<\/v>/g)].map((m) => {
    const xs = m[1].trim().split(/\s+/).map(Number);
    return [xs[0], xs[1], xs[2]] as Vec3;
  });
}

/** Reads a vasprun.xml (VASP 5 or 6). Throws on a file that holds no complete ionic step. */
export function parseVasprun(text: string): VasprunResult {
  if (!/<modeling>/.test(text)) fail("not a vasprun.xml (no <modeling> element)");
  const atoms = readAtoms(text);
  const params = element(text, /<parameters>/g, "</parameters>")?.body;
  const incar = element(text, /<incar>/g, "</incar>")?.body;
  const param = (name: string) => numberOf(scalar(params, name)) ?? numberOf(scalar(incar, name));

  let ionicSteps = 0;
  let last: { energies: FinalEnergies; forces?: Vec3[]; scsteps: number } | undefined;
  for (let from = 0; ; ) {
    const calc = element(text, /<calculation>/g, "</calculation>", from);
    if (!calc) break;
    from = calc.end;
    const scsteps = (calc.body.match(/<scstep>/g) ?? []).length;
    // The step's own <energy> is the one left once the SCF steps' are removed.
    const own = calc.body.replace(/<scstep>[\s\S]*?<\/scstep>/g, "");
    const energy = element(own, /<energy>/g, "</energy>")?.body;
    const free = numberOf(scalar(energy, "e_fr_energy"));
    if (free === undefined) continue;
    ionicSteps++;
    last = {
      energies: {
        freeEnergyEv: free,
        energyWithoutEntropyEv: numberOf(scalar(energy, "e_wo_entrp")) ?? free,
        energySigma0Ev: numberOf(scalar(energy, "e_0_energy")) ?? free,
      },
      forces: readVarray(own, "forces"),
      scsteps,
    };
  }
  if (!last) return fail("no complete ionic step (the run stopped before its first one finished)");

  const NELM = param("NELM") ?? 60;
  const NSW = param("NSW") ?? 0;
  const IBRION = param("IBRION") ?? (NSW > 0 ? 0 : -1);
  const EDIFFG = param("EDIFFG");
  const IMAGES = param("IMAGES");
  const forces = last.forces ?? fail("the last ionic step has no forces");
  if (forces.length !== atoms.natoms) fail(`the last ionic step has ${forces.length} forces for ${atoms.natoms} atoms`);
  const maxForce = maxForceNorm(forces);
  return {
    ...atoms,
    parameters: { NELM, NSW, IBRION, ...(EDIFFG !== undefined ? { EDIFFG } : {}), ...(IMAGES !== undefined ? { IMAGES } : {}) },
    ionicSteps,
    energies: last.energies,
    forces,
    maxForceEvPerA: maxForce,
    electronicSteps: last.scsteps,
    electronicConverged: last.scsteps < NELM,
    ionicConverged: IBRION === -1 || NSW <= 1 || ionicSteps < NSW,
    ...(EDIFFG !== undefined && EDIFFG < 0 ? { forcesBelowEdiffg: maxForce < -EDIFFG } : {}),
    complete: /<\/modeling>\s*$/.test(text),
  };
}
