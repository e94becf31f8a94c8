import { writePoscar } from "../io/poscar";
import { type Lattice, cartToFrac, inverseLattice } from "../structure/lattice";
import type { Structure } from "../structure/structure";
import type { Vec3 } from "../structure/vector";
import { type Incar, type IncarValue, writeIncar } from "./incar";
import { kpointGrid, writeKpoints } from "./kpoints";
import { DEFAULT_MAGMOM, MIT_BASE_INCAR, MIT_MAGMOM, potcarSymbol } from "./mit-settings";
import { nebReadme } from "./neb-readme";

/**
 * A band of supercell images (the shape of lib/interpolation's HopImages): `images[k][a]` is the
 * Cartesian position (Å) of atom a in image k, k = 0 and the last are the end points, atom 0 the
 * moving ion, whose coordinates run on continuously across the cell boundary.
 */
export interface NebBand {
  lattice: Lattice;
  species: string[];
  images: Vec3[][];
}

/**
 * "vtst": the VTST Tools optimisers (IBRION = 3, POTIM = 0, IOPT, ICHAIN = 0), which need a VASP built
 * with VTST. "vasp": VASP's own NEB with its quasi-Newton optimiser (IBRION = 1), as MITNEBSet writes it.
 */
export type NebFlavour = "vtst" | "vasp";

export interface NebExportOptions {
  flavour?: NebFlavour;
  /** Tags set in every INCAR after the defaults; null removes a tag. */
  incar?: Record<string, IncarValue | null>;
  /** Tags set in the NEB's INCAR only, after `incar`. */
  nebIncar?: Record<string, IncarValue | null>;
  /** k-point length density L, Å: n_i = max(1, ceil(L / |a_i|)); default 25 (the MIT set's length). */
  kpointDensityA?: number;
  /** Names the calculation in SYSTEM, the POSCAR comments and the README. */
  title?: string;
}

export interface VaspExport {
  /** Path → contents, ready to zip (zipVaspExport). */
  files: Record<string, string>;
  /** Species in POSCAR (and POTCAR) order, with their atom counts. */
  speciesOrder: string[];
  counts: number[];
  natoms: number;
  /** Interior images N (IMAGES). */
  images: number;
  /** The band image the midpoint single point uses. */
  midpointImage: number;
  kpoints: [number, number, number];
}

/** Species in order of first appearance (the moving ion's first) and the atom permutation grouping them. */
function speciesBlocks(species: string[]): { order: string[]; counts: number[] } {
  const order: string[] = [];
  for (const s of species) if (!order.includes(s)) order.push(s);
  return { order, counts: order.map((o) => species.filter((s) => s === o).length) };
}

function applyOverrides(base: Incar, ...overrides: (Record<string, IncarValue | null> | undefined)[]): Incar {
  const out: Incar = { ...base };
  for (const o of overrides) {
    for (const [k, v] of Object.entries(o ?? {})) {
      const key = k.toUpperCase();
      if (v === null) delete out[key];
      else out[key] = v;
    }
  }
  return out;
}

const two = (k: number) => String(k).padStart(2, "0");

/** The ready-to-run VASP inputs of a hop: the NEB and the original workflow's three single points. */
export function vaspNebExport(band: NebBand, options: NebExportOptions = {}): VaspExport {
  const n = band.images.length - 2;
  if (n < 1) throw new Error("an NEB needs the two end points and at least one image between them");
  if (n > 99) throw new Error("VASP numbers image folders with two digits: at most 99 images");
  const natoms = band.species.length;
  band.images.forEach((img, k) => {
    if (img.length !== natoms) throw new Error(`image ${k} has ${img.length} atoms, not ${natoms}`);
  });
  const title = options.title ?? "hopscape hop";
  const flavour = options.flavour ?? "vtst";
  const { order, counts } = speciesBlocks(band.species);
  const potcars = order.map(potcarSymbol);
  const density = options.kpointDensityA ?? 25;
  const grid = kpointGrid(band.lattice, density);
  const midpoint = Math.ceil((n + 1) / 2);

  const inv = inverseLattice(band.lattice);
  const structureOf = (image: Vec3[]): Structure => ({
    lattice: band.lattice,
    // Not wrapped: VASP takes the images' coordinates as they are, and a jump by a lattice vector between
    // neighbouring images would put the moving ion's path through the whole cell.
    sites: image.map((x, a) => ({ species: band.species[a], frac: cartToFrac(inv, x) })),
  });
  const poscar = (k: number, what: string) =>
    writePoscar(structureOf(band.images[k]), `${title}: ${what} (moving ${band.species[0]} is atom 1)`);

  const magmom = order.flatMap((el, i) => Array<number>(counts[i]).fill(MIT_MAGMOM[el] ?? DEFAULT_MAGMOM));
  // INCAR has no quoting: a comment or statement separator in the title would cut the line.
  const common: Incar = { SYSTEM: title.replace(/[#!;=\r\n]+/g, " "), ...MIT_BASE_INCAR, MAGMOM: magmom };
  const neb = applyOverrides(
    {
      ...common,
      IMAGES: n,
      SPRING: -5,
      ...(flavour === "vtst" ? { ICHAIN: 0, IBRION: 3, POTIM: 0, IOPT: 3 } : { IBRION: 1 }),
      NSW: 200,
      EDIFFG: -0.05,
    },
    options.incar,
    options.nebIncar,
  );
  const single = applyOverrides({ ...common, IBRION: -1, NSW: 0 }, options.incar);
  const kpoints = writeKpoints(grid, `Gamma-centred, n_i = max(1, ceil(${density} / |a_i|))`);
  const potcarSpec = potcars.join("\n") + "\n";

  const files: Record<string, string> = {
    "neb/INCAR": writeIncar(neb, NEB_COMMENTS),
    "neb/KPOINTS": kpoints,
    "neb/POTCAR.spec": potcarSpec,
  };
  for (let k = 0; k <= n + 1; k++) {
    files[`neb/${two(k)}/POSCAR`] = poscar(k, k === 0 ? "start" : k === n + 1 ? "end" : `image ${two(k)}`);
  }
  const points: [string, number][] = [["start", 0], ["midpoint", midpoint], ["end", n + 1]];
  for (const [name, k] of points) {
    files[`single-points/${name}/POSCAR`] = poscar(k, `${name} single point (band image ${two(k)})`);
    files[`single-points/${name}/INCAR`] = writeIncar(single, { NSW: "single point: no ionic steps" });
    files[`single-points/${name}/KPOINTS`] = kpoints;
    files[`single-points/${name}/POTCAR.spec`] = potcarSpec;
  }
  files["README.md"] = nebReadme({ title, flavour, images: n, midpoint, order, counts, potcars, grid, density });
  return { files, speciesOrder: order, counts, natoms, images: n, midpointImage: midpoint, kpoints: grid };
}

const NEB_COMMENTS: Record<string, string> = {
  ISYM: "no symmetry: the images break it",
  IMAGES: "interior images, folders 01 .. N",
  SPRING: "negative: nudged elastic band",
  ICHAIN: "VTST: 0 = NEB",
  IBRION: "3 with POTIM = 0 hands the ions to the VTST optimiser",
  IOPT: "VTST quick-min: robust far from the path",
  EDIFFG: "stop when every force is below 0.05 eV/A",
};
