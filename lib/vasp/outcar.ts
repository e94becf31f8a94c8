import type { Vec3 } from "../structure/vector";
import { type AtomTypes, type FinalEnergies, maxForceNorm } from "./vasp-result";

/** What hopscape reads from an OUTCAR: the atoms, the last ionic step's energies and forces, and the stop reason. */
export interface OutcarResult extends AtomTypes {
  energies: FinalEnergies;
  forces: Vec3[];
  maxForceEvPerA: number;
  /** Ionic steps with a final energy ("free  energy   TOTEN" lines). */
  ionicSteps: number;
  /** Electronic steps of the last ionic step, from the "Iteration  n(  m)" headers. */
  electronicSteps: number;
  /** NELM, NSW, IBRION, EDIFFG as the OUTCAR echoes them. */
  parameters: { NELM?: number; NSW?: number; IBRION?: number; EDIFFG?: number };
  electronicConverged?: boolean;
  /** "reached required accuracy": a relaxation (or NEB) stopped by its EDIFFG criterion. */
  reachedRequiredAccuracy: boolean;
}

const fail = (message: string): never => {
  throw new Error(`OUTCAR: ${message}`);
};

const lastMatch = (text: string, re: RegExp): RegExpExecArray | undefined => {
  let last: RegExpExecArray | undefined;
  for (const m of text.matchAll(re)) last = m;
  return last;
};

/** An element from a POTCAR title ("PAW_PBE Ca_sv 06Sep2000" → Ca, "PAW_PBE F 08Apr2002" → F). */
const potcarElement = (title: string): string => (title.trim().split(/\s+/)[1] ?? "").split(/[_.]/)[0];

function readAtoms(text: string): AtomTypes {
  const perType = /ions per type\s*=\s*([\d\s]+?)\s*\n/.exec(text);
  if (!perType) return fail("no 'ions per type' line");
  const counts = perType[1].trim().split(/\s+/).map(Number);
  // TITEL appears once per POTCAR; the "POTCAR:" lines are printed twice, so only the first n count.
  let titles = [...text.matchAll(/TITEL\s*=\s*(.+)/g)].map((m) => m[1].trim());
  if (titles.length < counts.length) titles = [...text.matchAll(/^\s*POTCAR:\s*(.+)$/gm)].map((m) => m[1].trim());
  if (titles.length < counts.length) fail(`${counts.length} species counted but ${titles.length} POTCARs named`);
  const types = counts.map((count, i) => ({ element: potcarElement(titles[i]), count, potcar: titles[i] }));
  return { natoms: counts.reduce((a, b) => a + b, 0), species: types.flatMap((t) => Array<string>(t.count).fill(t.element)), types };
}

function readForces(text: string, natoms: number): Vec3[] {
  const header = lastMatch(text, /POSITION\s+TOTAL-FORCE \(eV\/Angst\)[^\n]*\n\s*-+\s*\n/g);
  if (!header) return fail("no TOTAL-FORCE block");
  const lines = text.slice(header.index + header[0].length).split("\n", natoms);
  return lines.map((line, a) => {
    const xs = line.trim().split(/\s+/).map(Number);
    if (xs.length < 6 || xs.some((x) => !Number.isFinite(x))) fail(`the last force block breaks off at atom ${a + 1}`);
    return [xs[3], xs[4], xs[5]] as Vec3;
  });
}

const param = (text: string, name: string): number | undefined => {
  const m = new RegExp(`^\\s*${name}\\s*=\\s*([-+.\\dEe]+)`, "m").exec(text);
  const x = m ? Number(m[1]) : NaN;
  return Number.isFinite(x) ? x : undefined;
};

/** Reads an OUTCAR of a static run, a relaxation or one NEB image. Throws when no ionic step finished. */
export function parseOutcar(text: string): OutcarResult {
  const atoms = readAtoms(text);
  // The ionic step's own lines have two spaces ("free  energy   TOTEN", "energy  without entropy="), the
  // electronic steps' lines one, so these patterns see only finished ionic steps.
  const free = [...text.matchAll(/free {2}energy {3}TOTEN\s*=\s*(\S+)\s*eV/g)].map((m) => Number(m[1]));
  if (free.length === 0) return fail("no finished ionic step (no 'free  energy   TOTEN' line)");
  const wo = lastMatch(text, /energy {2}without entropy=\s*(\S+)\s+energy\(sigma->0\)\s*=\s*(\S+)/g);
  const freeEnergy = free[free.length - 1];
  const forces = readForces(text, atoms.natoms);
  const iteration = lastMatch(text, /Iteration\s+\d+\(\s*(\d+)\)/g);
  const electronicSteps = iteration ? Number(iteration[1]) : 0;
  const parameters = {
    NELM: param(text, "NELM"),
    NSW: param(text, "NSW"),
    IBRION: param(text, "IBRION"),
    EDIFFG: param(text, "EDIFFG"),
  };
  return {
    ...atoms,
    energies: {
      freeEnergyEv: freeEnergy,
      energyWithoutEntropyEv: wo ? Number(wo[1]) : freeEnergy,
      energySigma0Ev: wo ? Number(wo[2]) : freeEnergy,
    },
    forces,
    maxForceEvPerA: maxForceNorm(forces),
    ionicSteps: free.length,
    electronicSteps,
    parameters,
    ...(parameters.NELM !== undefined && iteration ? { electronicConverged: electronicSteps < parameters.NELM } : {}),
    reachedRequiredAccuracy: /reached required accuracy/.test(text),
  };
}
