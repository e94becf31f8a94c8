import { isElement } from "../elements/elements";
import {
  type Lattice,
  cartToFrac,
  fracToCart,
  inverseLattice,
  latticeParameters,
  latticeVolume,
  wrapFrac,
} from "../structure/lattice";
import type { Site, Structure } from "../structure/structure";
import type { Vec3 } from "../structure/vector";
import { excerpt } from "./excerpt";

/** Species entries summing to this count as a full site, as for CIF occupancies. */
const FULL_OCCUPANCY = 0.99;

const fail = (message: string): never => {
  throw new Error(`JSON: ${message}`);
};

/** What a JSON value is, for a message about a value of the wrong kind (never the value itself). */
const jsonType = (x: unknown): string =>
  x === null ? "null" : Array.isArray(x) ? "a list" : typeof x === "object" ? "an object" : typeof x === "string" ? `the text '${excerpt(x, 20)}'` : String(x);

/**
 * V8's JSON.parse message, made fit to show: it quotes the file around the error verbatim (line
 * breaks, control characters and all), which is clipped and cleaned to a short excerpt here, and
 * gives a character position, which a person finds faster as a line and column.
 */
function jsonParseProblem(message: string, text: string): string {
  const m = /^Unexpected token '([^]*?)', ([^]*) is not valid JSON$/.exec(message);
  if (m) return `unexpected '${excerpt(m[1], 4)}' in ${excerpt(m[2].replace(/^"(\.\.\.)?|(\.\.\.)?"$/g, ""), 40)}`;
  const at = /^(.*) in JSON at position (\d+)/.exec(message) ?? /^(.*) at position (\d+)/.exec(message);
  if (at) {
    const before = text.slice(0, Number(at[2]));
    const line = before.split("\n").length;
    const column = before.length - before.lastIndexOf("\n");
    return `${excerpt(at[1], 80)} at line ${line}, column ${column}`;
  }
  return excerpt(message, 120);
}

/** Deepest nesting accepted: an API response holding a structure is about 8 levels deep. */
const MAX_JSON_DEPTH = 64;

/**
 * The nesting depth of a JSON text, counted without parsing and given up past `max`: V8 parses
 * a deeply nested document several times slower than a flat one of the same size, and nothing
 * that deep is a structure.
 */
function nestingDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

function vec3(x: unknown, what: string): Vec3 {
  if (!Array.isArray(x) || x.length !== 3 || !x.every((v) => typeof v === "number" && Number.isFinite(v))) {
    return fail(`${what} must be three finite numbers`);
  }
  return [x[0], x[1], x[2]];
}

function readLattice(x: unknown): Lattice {
  if (!isObject(x) || !Array.isArray(x.matrix)) return fail("structure has no lattice.matrix");
  if (x.matrix.length !== 3) fail("lattice.matrix must have three rows");
  const m = x.matrix.map((row, i) => vec3(row, `lattice.matrix row ${i + 1}`)) as Lattice;
  if (!(latticeVolume(m) > 1e-8)) fail("lattice.matrix rows are linearly dependent");
  return m;
}

function readSite(x: unknown, i: number, inv: Lattice): Site {
  if (!isObject(x)) return fail(`site ${i + 1} is not an object`);
  const label = typeof x.label === "string" ? x.label : undefined;
  const name = label !== undefined ? `site '${excerpt(label, 24)}' (${i + 1})` : `site ${i + 1}`;
  const species = x.species;
  if (!Array.isArray(species) || species.length === 0) return fail(`${name} has no species`);
  if (species.length > 1) {
    const els = excerpt(species.map((s) => (isObject(s) && typeof s.element === "string" ? s.element : "?")).join(", "), 60);
    fail(`${name} is a mixed site (${els}); only ordered structures are supported`);
  }
  const sp = species[0];
  if (!isObject(sp) || typeof sp.element !== "string") return fail(`${name} has no element symbol`);
  if (!isElement(sp.element)) return fail(`${name} has the unknown element '${excerpt(sp.element, 12)}'`);
  const occu = sp.occu === undefined ? 1 : sp.occu;
  if (typeof occu !== "number" || !(occu >= FULL_OCCUPANCY && occu <= 2 - FULL_OCCUPANCY)) {
    fail(
      typeof occu === "number"
        ? `${name} has occupancy ${occu}: partially occupied sites are not supported`
        : `${name} has an occupancy that is not a number (${jsonType(occu)})`,
    );
  }
  let frac: Vec3;
  if (x.abc !== undefined) frac = vec3(x.abc, `${name} abc`);
  else if (x.xyz !== undefined) frac = cartToFrac(inv, vec3(x.xyz, `${name} xyz`));
  else return fail(`${name} has neither abc nor xyz coordinates`);
  const site: Site = { species: sp.element, frac: wrapFrac(frac) };
  if (label !== undefined) site.label = label;
  if (typeof sp.oxidation_state === "number" && Number.isFinite(sp.oxidation_state)) {
    site.oxidationState = sp.oxidation_state;
  }
  return site;
}

/** A pymatgen Structure.as_dict() (or the Materials Project's `structure` field, the same shape). */
export function structureFromPymatgenDict(x: unknown): Structure {
  if (!isObject(x)) return fail("a structure must be an object");
  if (typeof x["@class"] === "string" && x["@class"] !== "Structure") {
    fail(`expected a pymatgen Structure, found @class '${excerpt(x["@class"])}'`);
  }
  const lattice = readLattice(x.lattice);
  if (!Array.isArray(x.sites) || x.sites.length === 0) return fail("structure has no sites");
  const inv = inverseLattice(lattice);
  return { lattice, sites: x.sites.map((s, i) => readSite(s, i, inv)) };
}

/**
 * Structures in a JSON document: one Structure dict, a list of them, an object with a `structure`
 * field (a Materials Project summary document), or an API response whose `data` lists such documents.
 */
export function readPymatgenJson(text: string): Structure[] {
  if (text.trim() === "") fail("the file is empty");
  if (nestingDeeperThan(text, MAX_JSON_DEPTH)) fail(`nested more than ${MAX_JSON_DEPTH} levels deep; a structure document is not`);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return fail(`not valid JSON: ${jsonParseProblem((e as Error).message, text)}`);
  }
  const one = (x: unknown, where: string): Structure => {
    const inner = isObject(x) && !("lattice" in x) && "structure" in x ? x.structure : x;
    try {
      return structureFromPymatgenDict(inner);
    } catch (e) {
      throw new Error((e as Error).message.replace(/^JSON: /, `JSON: ${where}: `));
    }
  };
  if (Array.isArray(doc)) {
    if (doc.length === 0) fail("the list holds no structures");
    return doc.map((x, i) => one(x, `entry ${i + 1}`));
  }
  if (isObject(doc) && Array.isArray(doc.data) && !("lattice" in doc)) {
    if (doc.data.length === 0) fail("'data' holds no structures");
    return doc.data.map((x, i) => one(x, `data entry ${i + 1}`));
  }
  return [one(doc, "document")];
}

/** The pymatgen Structure.as_dict() form of a structure, which pymatgen's Structure.from_dict reads. */
export function toPymatgenDict(structure: Structure): Record<string, unknown> {
  const p = latticeParameters(structure.lattice);
  return {
    "@module": "pymatgen.core.structure",
    "@class": "Structure",
    charge: 0,
    lattice: {
      matrix: structure.lattice.map((r) => [...r]),
      pbc: [true, true, true],
      ...p,
      volume: latticeVolume(structure.lattice),
    },
    properties: {},
    sites: structure.sites.map((s) => ({
      species: [
        s.oxidationState === undefined
          ? { element: s.species, occu: 1 }
          : { element: s.species, oxidation_state: s.oxidationState, occu: 1 },
      ],
      abc: [...s.frac],
      xyz: fracToCart(structure.lattice, s.frac),
      label: s.label ?? s.species,
      properties: {},
    })),
  };
}

export const writePymatgenJson = (structure: Structure): string => JSON.stringify(toPymatgenDict(structure), null, 2);
