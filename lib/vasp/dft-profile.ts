/**
 * A DFT energy profile from the vasprun.xml / OUTCAR files of a band's images: each file assigned
 * to its image by the two-digit folder (00, 01, …) in its path, checked against the hop's atoms, and
 * read for its last ionic step. Pure (no database, no file system): the upload and the dft stage both
 * use it.
 */
import { parseOutcar, type OutcarResult } from "./outcar";
import { checkImagesMatchPathway, type ExpectedAtoms } from "./vasp-result";
import { parseVasprun, type VasprunResult } from "./vasprun";

export interface DftInputFile {
  /** Path as uploaded or found, e.g. "neb/03/OUTCAR" or "02_vasprun.xml". */
  path: string;
  text: string;
}

export interface DftImage {
  image: number;
  file: string;
  /** Free energy TOTEN of the last ionic step, eV. */
  energyEv: number;
  maxForceEvPerA: number;
  converged: boolean;
}

export interface DftProfile {
  imageEnergies: number[];
  barrier: number;
  reverseBarrier: number;
  converged: boolean;
  forcesMax: number;
  images: DftImage[];
}

export interface DftFileRefusal {
  file: string;
  reason: string;
}

export type DftProfileResult = { profile: DftProfile; refused: DftFileRefusal[]; ignored: string[] } | { error: string; refused: DftFileRefusal[]; ignored: string[] };

const kindOf = (path: string): "vasprun" | "outcar" | undefined => {
  const base = path.split("/").pop()!.toLowerCase();
  if (base.includes("vasprun") && base.endsWith(".xml")) return "vasprun";
  if (base.includes("outcar")) return "outcar";
  return undefined;
};

/** The image a path belongs to: the last two-digit folder ("neb/03/OUTCAR"), else a two-digit prefix of the name ("03_vasprun.xml"). */
export function imageOfPath(path: string): number | undefined {
  const parts = path.split("/");
  for (let i = parts.length - 2; i >= 0; i--) if (/^\d{2}$/.test(parts[i])) return Number(parts[i]);
  const m = /^(\d{2})(?:[_.-]|$)/.exec(parts[parts.length - 1]) ?? /[_.-](\d{2})(?:\.xml)?$/.exec(parts[parts.length - 1]);
  return m ? Number(m[1]) : undefined;
}

/**
 * Converged by the calculation's own criteria: the SCF ended before NELM and the ionic loop stopped
 * by EDIFFG (or was a single point). An OUTCAR that does not say (no NELM echo) counts on its
 * "reached required accuracy" line alone.
 */
function converged(kind: "vasprun" | "outcar", r: VasprunResult | OutcarResult): boolean {
  if (kind === "vasprun") {
    const v = r as VasprunResult;
    return v.electronicConverged && v.ionicConverged;
  }
  const o = r as OutcarResult;
  const single = o.parameters.IBRION === -1 || (o.parameters.NSW ?? 0) <= 1;
  return o.electronicConverged !== false && (single || o.reachedRequiredAccuracy);
}

/**
 * Reads the files and builds the profile over images 00..M (M ≥ 2, none missing). A vasprun.xml is
 * preferred to an OUTCAR of the same image (it says whether the SCF converged). Files of another cell
 * (atom count, species, order) are refused with the reason; so is an unreadable file. The profile is
 * only built when every image has an accepted file.
 */
export function dftProfileFromFiles(files: DftInputFile[], expected: ExpectedAtoms): DftProfileResult {
  const refused: DftFileRefusal[] = [];
  const ignored: string[] = [];
  const byImage = new Map<number, { kind: "vasprun" | "outcar"; image: DftImage }>();
  for (const f of files) {
    const kind = kindOf(f.path);
    if (!kind) {
      ignored.push(f.path);
      continue;
    }
    const image = imageOfPath(f.path);
    if (image === undefined) {
      refused.push({ file: f.path, reason: "no image number: put it in a folder 00, 01, … or name it 00_vasprun.xml, 01_OUTCAR, …" });
      continue;
    }
    let parsed: VasprunResult | OutcarResult;
    try {
      parsed = kind === "vasprun" ? parseVasprun(f.text) : parseOutcar(f.text);
      checkImagesMatchPathway(parsed, expected, `${f.path}`);
    } catch (e) {
      refused.push({ file: f.path, reason: e instanceof Error ? e.message : String(e) });
      continue;
    }
    const held = byImage.get(image);
    if (held && (held.kind === "vasprun" || kind === "outcar")) {
      ignored.push(f.path);
      continue;
    }
    if (held) ignored.push(held.image.file);
    byImage.set(image, {
      kind,
      image: { image, file: f.path, energyEv: parsed.energies.freeEnergyEv, maxForceEvPerA: parsed.maxForceEvPerA, converged: converged(kind, parsed) },
    });
  }
  if (byImage.size === 0) return { error: "no vasprun.xml or OUTCAR of this pathway's images was found", refused, ignored };
  const last = Math.max(...byImage.keys());
  const missing = Array.from({ length: last + 1 }, (_, k) => k).filter((k) => !byImage.has(k));
  if (missing.length > 0 || last < 2) {
    const which = missing.map((k) => String(k).padStart(2, "0")).join(", ");
    return { error: last < 2 ? "a profile needs images 00, 01 and 02 at least" : `no accepted file for image(s) ${which}`, refused, ignored };
  }
  const images = [...byImage.values()].map((x) => x.image).sort((a, b) => a.image - b.image);
  const energies = images.map((i) => i.energyEv);
  const top = Math.max(...energies);
  return {
    profile: {
      imageEnergies: energies,
      barrier: top - energies[0],
      reverseBarrier: top - energies[energies.length - 1],
      converged: images.every((i) => i.converged),
      forcesMax: Math.max(...images.map((i) => i.maxForceEvPerA)),
      images,
    },
    refused,
    ignored,
  };
}
