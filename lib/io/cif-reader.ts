import { isElement } from "../elements/elements";
import { type Lattice, latticeFromParameters } from "../structure/lattice";
import type { Site, Structure } from "../structure/structure";
import type { Vec3 } from "../structure/vector";
import type { SymmetryOperation } from "../symmetry/analyze";
import { expandAsymmetricUnit } from "../symmetry/expand";
import { parseSymmetryOperation } from "../symmetry/operation-xyz";
import {
  spaceGroupFromHallSymbol,
  spaceGroupFromName,
  spaceGroupFromNumber,
} from "../symmetry/space-groups";
import { type CifBlock, type CifValue, cifNumber, cifText, parseCifBlocks } from "./cif-syntax";
import { excerpt } from "./excerpt";
import { DEFAULT_STRUCTURE_LIMITS, type StructureLimits, checkLattice } from "./structure-limits";

export interface NamedStructure {
  /** The data block's name (CIF) or the file's title line (POSCAR), for the user to recognise it by. */
  name: string;
  structure: Structure;
}

/** Occupancies from 0.99 up count as full: refinements of ordered crystals often give 0.995 or so. */
const FULL_OCCUPANCY = 0.99;

/** Longer labels are refused (see readSites). */
const MAX_LABEL_CHARS = 64;
/** Fm-3m in its conventional cell, 48 point operations times 4 centrings, has the most of any space group. */
const MAX_OPERATIONS = 192;
/** The order of m-3m, the largest point group an atom's site can have. */
const MAX_SITE_SYMMETRY = 48;
/** The longest operation in any table, "-x+y+1/3,-x+2/3,-z+2/3" and the like, is far shorter. */
const MAX_OPERATION_CHARS = 80;

const SYMOP_TAGS = ["_space_group_symop_operation_xyz", "_symmetry_equiv_pos_as_xyz"];
const HALL_TAGS = ["_space_group_name_hall", "_symmetry_space_group_name_hall"];
const HM_TAGS = ["_space_group_name_h-m_alt", "_symmetry_space_group_name_h-m", "_space_group_name_h-m_full"];
const NUMBER_TAGS = ["_space_group_it_number", "_symmetry_int_tables_number"];

class BlockReader {
  constructor(readonly block: CifBlock) {}

  fail(message: string): never {
    throw new Error(`CIF: data block '${excerpt(this.block.name)}' ${message}`);
  }

  first(tag: string): CifValue | undefined {
    return this.block.values.get(tag)?.[0];
  }

  firstOf(tags: string[]): { tag: string; value: string } | undefined {
    for (const tag of tags) {
      const value = cifText(this.first(tag));
      if (value !== undefined && value.trim() !== "") return { tag, value: value.trim() };
    }
    return undefined;
  }

  /** A number where one is required: missing, "?", or not a number are all refused by name. */
  number(v: CifValue | undefined, what: string): number {
    if (!v) this.fail(`has no ${what}`);
    const x = cifNumber(v);
    if (x === undefined) this.fail(`gives no value for ${what} ('${excerpt(v.text)}', line ${v.line})`);
    if (!Number.isFinite(x)) this.fail(`has a ${what} that is not a number: '${excerpt(v.text)}' (line ${v.line})`);
    return x;
  }
}

function readLattice(r: BlockReader): Lattice {
  const length = (axis: string) => {
    const tag = `_cell_length_${axis}`;
    const x = r.number(r.first(tag), tag);
    if (!(x > 0)) r.fail(`has a non-positive ${tag} (${x})`);
    return x;
  };
  const angle = (name: string) => {
    const tag = `_cell_angle_${name}`;
    const v = r.first(tag);
    // The CIF core dictionary gives 90° as the default of an absent cell angle ("?" is not absent).
    if (!v) return 90;
    const x = r.number(v, tag);
    if (!(x > 0 && x < 180)) r.fail(`has ${tag} ${x}, outside (0, 180) degrees`);
    return x;
  };
  const p = { a: length("a"), b: length("b"), c: length("c"), alpha: angle("alpha"), beta: angle("beta"), gamma: angle("gamma") };
  try {
    return latticeFromParameters(p);
  } catch {
    return r.fail(`has cell angles ${p.alpha}, ${p.beta}, ${p.gamma} that do not describe a real cell`);
  }
}

/**
 * Element symbol from `_atom_site_type_symbol` ("Ca2+", "F1-", "O2-", "CA") or, failing that, from the
 * label ("Ca1", "F2a"): the longest leading one- or two-letter element symbol.
 */
function elementOf(text: string): string | undefined {
  const m = /^([A-Za-z])([A-Za-z]?)/.exec(text.trim());
  if (!m) return undefined;
  const one = m[1].toUpperCase();
  const two = one + m[2].toLowerCase();
  if (m[2] && isElement(two)) return two;
  return isElement(one) ? one : undefined;
}

function readSites(r: BlockReader): Site[] {
  const column = (tag: string) => r.block.values.get(tag);
  const xs = column("_atom_site_fract_x");
  const ys = column("_atom_site_fract_y");
  const zs = column("_atom_site_fract_z");
  if (!xs || !ys || !zs) {
    if (column("_atom_site_cartn_x")) r.fail("gives Cartesian _atom_site_Cartn_* only; fractional coordinates are needed");
    r.fail("has no _atom_site_fract_x/y/z");
  }
  const loop = r.block.loopOf.get("_atom_site_fract_x");
  const inLoop = (tag: string) => {
    const c = column(tag);
    return c && r.block.loopOf.get(tag) === loop ? c : undefined;
  };
  if (inLoop("_atom_site_fract_y") !== ys || inLoop("_atom_site_fract_z") !== zs) {
    r.fail("has _atom_site_fract_x/y/z outside one loop");
  }
  const labels = inLoop("_atom_site_label");
  const types = inLoop("_atom_site_type_symbol");
  const occupancies = inLoop("_atom_site_occupancy");
  const flags = inLoop("_atom_site_calc_flag");
  const sites: Site[] = [];
  for (let i = 0; i < xs.length; i++) {
    // Dummy atoms (calc_flag "dum") mark points such as ring centres, not atoms.
    if (cifText(flags?.[i])?.toLowerCase() === "dum") continue;
    const label = cifText(labels?.[i]) ?? `#${i + 1}`;
    // A label names an atom in messages; one of thousands of characters is a damaged file, not a name.
    if (label.length > MAX_LABEL_CHARS) r.fail(`has a site label of ${label.length} characters ('${excerpt(label, 24)}')`);
    const site = `site '${excerpt(label, 24)}'`;
    const typeText = cifText(types?.[i]);
    const species = elementOf(typeText ?? label);
    if (!species) r.fail(`has ${site} of unknown element '${excerpt(typeText ?? label, 12)}'`);
    const occupancy = occupancies ? cifNumber(occupancies[i]) : undefined;
    if (occupancy !== undefined) {
      if (!Number.isFinite(occupancy)) r.fail(`has ${site} with occupancy '${excerpt(occupancies![i].text)}' that is not a number`);
      if (occupancy < FULL_OCCUPANCY || occupancy > 1 + (1 - FULL_OCCUPANCY)) {
        r.fail(`has ${site} with occupancy ${occupancy}: partially occupied sites are not supported`);
      }
    }
    const frac = [xs[i], ys[i], zs[i]].map((v, k) => r.number(v, `fractional ${"xyz"[k]} of ${site}`)) as Vec3;
    sites.push(labels ? { species, frac, label } : { species, frac });
  }
  if (sites.length === 0) r.fail("has no atoms");
  return sites;
}

/**
 * Operations in the order a CIF's author meant them: an explicit operator list, else the Hall symbol,
 * the Hermann–Mauguin name, the number; with none of them the file is taken as P1, as pymatgen does.
 */
function readOperations(r: BlockReader, lattice: Lattice): SymmetryOperation[] {
  for (const tag of SYMOP_TAGS) {
    const column = r.block.values.get(tag);
    if (!column) continue;
    // Listed twice is harmless; more distinct operations than any space group has is not a crystal.
    const distinct = new Map<string, CifValue>();
    for (const v of column) distinct.set(v.text.replace(/\s+/g, "").toLowerCase(), v);
    if (distinct.size > MAX_OPERATIONS) r.fail(`lists ${distinct.size} symmetry operations; no space group has more than ${MAX_OPERATIONS}`);
    return [...distinct.values()].map((v) => {
      if (v.text.length > MAX_OPERATION_CHARS) r.fail(`line ${v.line}: symmetry operation '${excerpt(v.text)}' is too long to be one`);
      try {
        return parseSymmetryOperation(v.text);
      } catch (e) {
        return r.fail(`line ${v.line}: ${excerpt((e as Error).message, 160)}`);
      }
    });
  }
  // Each description the file gives is tried in turn: an unknown Hall symbol spelling is not fatal
  // when the Hermann–Mauguin name or the number is there too.
  const hall = r.firstOf(HALL_TAGS);
  const hm = r.firstOf(HM_TAGS);
  const num = r.firstOf(NUMBER_TAGS);
  const lookups = [
    hall && (() => spaceGroupFromHallSymbol(hall.value)),
    hm && (() => spaceGroupFromName(hm.value, { rhombohedralAxes: isRhombohedralCell(lattice) })),
    num && (() => spaceGroupFromNumber(Number(num.value))),
  ].filter((f) => !!f);
  let firstError: Error | undefined;
  for (const lookup of lookups) {
    try {
      return lookup().operations;
    } catch (e) {
      firstError ??= e as Error;
    }
  }
  if (firstError) r.fail(`has a space group the reader does not know: ${excerpt(firstError.message, 120)}`);
  return [parseSymmetryOperation("x,y,z")];
}

/** a = b = c and α = β = γ ≠ 90°: the rhombohedral axes of an R group, when the name does not say. */
function isRhombohedralCell(l: Lattice): boolean {
  const len = l.map((v) => Math.hypot(...v));
  const cos = (i: number, j: number) => (l[i][0] * l[j][0] + l[i][1] * l[j][1] + l[i][2] * l[j][2]) / (len[i] * len[j]);
  const angles = [cos(1, 2), cos(0, 2), cos(0, 1)];
  const same = (xs: number[], tol: number) => Math.max(...xs) - Math.min(...xs) < tol;
  return same(len, 1e-3 * len[0]) && same(angles, 1e-4) && Math.abs(angles[0]) > 1e-4;
}

/** Has the block anything of a crystal? Blocks of publication details only are skipped, not refused. */
const describesCrystal = (b: CifBlock) =>
  [...b.values.keys()].some((tag) => tag.startsWith("_cell_length_") || tag.startsWith("_atom_site_fract_"));

/**
 * The block's crystal. The lattice is checked and the listed atoms counted before the expansion, and
 * the expansion stops past `maxSites`, so that a hostile file cannot make it compare ~10⁵ images.
 */
function structureOfBlock(block: CifBlock, limits: StructureLimits): Structure {
  const r = new BlockReader(block);
  const lattice = readLattice(r);
  try {
    checkLattice(lattice, limits);
  } catch (e) {
    r.fail(`has a cell that cannot be used: ${(e as Error).message}`);
  }
  const sites = readSites(r);
  if (sites.length > limits.maxSites) r.fail(`lists ${sites.length} atom sites; the limit is ${limits.maxSites}`);
  const operations = readOperations(r, lattice);
  // An atom is the image of its site under at most 48 operations (the order of m-3m, the largest
  // site symmetry), so a file of distinct sites making at most maxSites atoms needs no more images.
  const maxImages = MAX_SITE_SYMMETRY * limits.maxSites;
  if (sites.length * operations.length > maxImages) {
    r.fail(
      `lists ${sites.length} atom sites and ${operations.length} symmetry operations: ` +
        `more than the ${maxImages} images a cell of at most ${limits.maxSites} atoms can come from`,
    );
  }
  try {
    return expandAsymmetricUnit(lattice, operations, sites, undefined, limits.maxSites);
  } catch (e) {
    return r.fail(`cannot be expanded: ${excerpt((e as Error).message, 240)}`);
  }
}

/**
 * Every crystal structure in a CIF, one per data block that describes one, with the block's name.
 * `limits` bound the work a file may ask for (see structureOfBlock); the full structure checks are
 * the caller's (lib/io/read-structure.ts).
 */
export function readCifNamed(text: string, limits: StructureLimits = DEFAULT_STRUCTURE_LIMITS): NamedStructure[] {
  if (text.trim() === "") throw new Error("CIF: the file is empty");
  const blocks = parseCifBlocks(text);
  if (blocks.length === 0) throw new Error("CIF: no data block (data_...) found");
  const crystals = blocks.filter(describesCrystal);
  if (crystals.length === 0) {
    throw new Error(`CIF: none of the ${blocks.length} data block(s) has a cell or atom sites`);
  }
  return crystals.map((b) => ({ name: b.name, structure: structureOfBlock(b, limits) }));
}

/** Every crystal structure in a CIF (see readCifNamed). Throws a user-facing Error on a bad file. */
export const readCif = (text: string, limits?: StructureLimits): Structure[] => readCifNamed(text, limits).map((n) => n.structure);
