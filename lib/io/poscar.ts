import { isElement } from "../elements/elements";
import { compositionOf, formula } from "../structure/composition";
import { type Lattice, cartToFrac, inverseLattice, latticeVolume, wrapFrac } from "../structure/lattice";
import type { Site, Structure } from "../structure/structure";
import { type Vec3, det3 } from "../structure/vector";
import { excerpt } from "./excerpt";

export interface PoscarOptions {
  /**
   * Species in the order of the counts line, for VASP 4 files that have no species line
   * (they come from the POTCAR). Ignored when the file has its own species line.
   */
  species?: string[];
}

export interface PoscarResult {
  /** The first line of the file. */
  comment: string;
  structure: Structure;
}

const fail = (message: string): never => {
  throw new Error(`POSCAR: ${message}`);
};

function numbers(line: string | undefined, lineNo: number, what: string, count: number): number[] {
  if (line === undefined) return fail(`the file ends before ${what} (line ${lineNo})`);
  const fields = line.trim().split(/\s+/).slice(0, count);
  const xs = fields.map(Number);
  if (fields.length < count || xs.some((x) => !Number.isFinite(x))) {
    fail(`line ${lineNo} should hold ${what}, found '${excerpt(line.trim(), 60)}'`);
  }
  return xs;
}

/** "Ca_sv", "F/1a2b3c" (VASP 6 writes the POTCAR hash) → "Ca", "F". */
const potcarSymbol = (s: string) => s.split(/[_/]/)[0];

/**
 * Species named by the comment line of a VASP 4 file, as pymatgen and ASE write it ("Ca4 F8",
 * "CaF2", "Ca F"): the elements of every word that is a formula, in order of first appearance.
 */
function speciesFromComment(comment: string): string[] {
  const out: string[] = [];
  for (const word of comment.split(/[\s,;]+/)) {
    if (!/^([A-Z][a-z]?\d*(\.\d+)?)+$/.test(word)) continue;
    const symbols = [...word.matchAll(/[A-Z][a-z]?/g)].map((m) => m[0]);
    if (!symbols.every(isElement)) continue;
    for (const s of symbols) if (!out.includes(s)) out.push(s);
  }
  return out;
}

/**
 * Reads a POSCAR/CONTCAR: VASP 5 (species line) or VASP 4 (species from the caller or the comment),
 * Direct or Cartesian coordinates, a scale factor (negative: the cell volume in Å³; three numbers: per
 * Cartesian axis), selective dynamics flags (ignored). Velocities and predictor data after the
 * positions are ignored.
 */
export function readPoscar(text: string, options: PoscarOptions = {}): PoscarResult {
  if (text.trim() === "") fail("the file is empty");
  // Trailing blank lines would otherwise read as empty lattice or position lines.
  const lines = text.replace(/\s+$/, "").split(/\r\n|\r|\n/);
  const comment = lines[0].trim();
  // VASP 6 accepts three factors (one per Cartesian axis); anything after the numbers is a comment.
  const scaleFields = (lines[1] ?? "").trim().split(/\s+/);
  const three = scaleFields.length >= 3 && scaleFields.slice(0, 3).every((x) => Number.isFinite(Number(x)));
  const scale = numbers(lines[1], 2, "the scale factor", three ? 3 : 1);
  const raw = [2, 3, 4].map((i) => numbers(lines[i], i + 1, "a lattice vector", 3)) as Lattice;

  let lattice: Lattice;
  let positionScale: Vec3;
  if (scale.length === 3) {
    if (scale.some((s) => !(s > 0))) fail("three scale factors must all be positive");
    lattice = raw.map((v) => [v[0] * scale[0], v[1] * scale[1], v[2] * scale[2]]) as Lattice;
    positionScale = scale as Vec3;
  } else {
    if (scale[0] === 0) fail("the scale factor is zero");
    const rawVolume = latticeVolume(raw);
    if (!(rawVolume > 1e-8)) fail("the lattice vectors are linearly dependent");
    // A negative scale is the wanted cell volume (VASP convention).
    const s = scale[0] > 0 ? scale[0] : Math.cbrt(-scale[0] / rawVolume);
    lattice = raw.map((v) => [v[0] * s, v[1] * s, v[2] * s]) as Lattice;
    positionScale = [s, s, s];
  }
  if (!(Math.abs(det3(lattice)) > 1e-8)) fail("the lattice vectors are linearly dependent");

  let n = 5;
  let species: string[];
  const speciesOrCounts = (lines[n] ?? "").trim().split(/\s+/);
  if (speciesOrCounts[0] !== "" && /^[A-Za-z]/.test(speciesOrCounts[0])) {
    species = speciesOrCounts.map(potcarSymbol);
    const bad = species.find((s) => !isElement(s));
    if (bad !== undefined) fail(`line 6: '${excerpt(bad, 12)}' is not an element symbol`);
    n++;
  } else {
    species = options.species ?? speciesFromComment(comment);
  }
  const countFields = (lines[n] ?? "").trim().split(/\s+/);
  const counts = countFields.map(Number);
  if (countFields[0] === "" || counts.some((c) => !Number.isInteger(c) || c < 0)) {
    fail(`line ${n + 1} should hold the atom counts, found '${excerpt((lines[n] ?? "").trim(), 60)}'`);
  }
  if (species.length !== counts.length) {
    if (species.length === 0) {
      fail("the file has no species line (VASP 4 format); give the species or name them in the comment line");
    }
    fail(`${counts.length} atom counts but ${species.length} species (${excerpt(species.join(" "), 60)})`);
  }
  n++;
  if (/^\s*s/i.test(lines[n] ?? "")) n++; // Selective dynamics
  const mode = (lines[n] ?? "").trim();
  if (mode === "") fail(`line ${n + 1} should say Direct or Cartesian`);
  const cartesian = /^[ck]/i.test(mode);
  n++;

  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) fail("the file has no atoms");
  const inv = inverseLattice(lattice);
  const sites: Site[] = [];
  counts.forEach((count, k) => {
    for (let i = 0; i < count; i++, n++) {
      if (lines[n] === undefined || lines[n].trim() === "") {
        fail(`expected ${total} atom positions, the file has ${sites.length}`);
      }
      const p = numbers(lines[n], n + 1, "an atom position", 3) as Vec3;
      const frac = cartesian
        ? cartToFrac(inv, [p[0] * positionScale[0], p[1] * positionScale[1], p[2] * positionScale[2]])
        : p;
      sites.push({ species: species[k], frac: wrapFrac(frac) });
    }
  });
  return { comment, structure: { lattice, sites } };
}

const f = (x: number) => x.toFixed(12).padStart(18);

/**
 * VASP 5 POSCAR with Direct coordinates. Sites are grouped by species (in order of first appearance),
 * as the format requires one block per species; within a species the order is kept.
 */
export function writePoscar(structure: Structure, comment?: string): string {
  const order: string[] = [];
  for (const s of structure.sites) if (!order.includes(s.species)) order.push(s.species);
  const bySpecies = order.map((sp) => structure.sites.filter((s) => s.species === sp));
  const title = (comment ?? formula(compositionOf(structure))).replace(/[\r\n]+/g, " ");
  return [
    title,
    "1.0",
    ...structure.lattice.map((v) => v.map(f).join("")),
    order.map((s) => s.padStart(5)).join(""),
    bySpecies.map((g) => String(g.length).padStart(5)).join(""),
    "Direct",
    ...bySpecies.flat().map((s) => `${s.frac.map(f).join("")} ${s.species}`),
    "",
  ].join("\n");
}
