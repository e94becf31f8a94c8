import { compositionOf, formula } from "../structure/composition";
import { latticeParameters, latticeVolume } from "../structure/lattice";
import type { Structure } from "../structure/structure";

// Eight decimals: 1e-8 of a 20 Å cell is 2e-7 Å, far below any tolerance that reads the file back.
const num = (x: number) => x.toFixed(8);

/** A data block name: CIF forbids white space in it, and an empty one. */
const blockName = (name: string) => name.trim().replace(/\s+/g, "_") || "structure";

/**
 * One P1 data block with every site: cell parameters, the identity as the only operation, and
 * labels made unique per element (Ca1, Ca2, F1, ...) because CIF labels name atoms.
 */
export function writeCif(structure: Structure, name = "structure"): string {
  const p = latticeParameters(structure.lattice);
  const counts = new Map<string, number>();
  const rows = structure.sites.map((s) => {
    const n = (counts.get(s.species) ?? 0) + 1;
    counts.set(s.species, n);
    return `  ${s.species}  ${s.species}${n}  1  ${s.frac.map(num).join("  ")}  1`;
  });
  return [
    `data_${blockName(name)}`,
    `_symmetry_space_group_name_H-M   'P 1'`,
    `_cell_length_a   ${num(p.a)}`,
    `_cell_length_b   ${num(p.b)}`,
    `_cell_length_c   ${num(p.c)}`,
    `_cell_angle_alpha   ${num(p.alpha)}`,
    `_cell_angle_beta   ${num(p.beta)}`,
    `_cell_angle_gamma   ${num(p.gamma)}`,
    `_symmetry_Int_Tables_number   1`,
    `_chemical_formula_sum   '${formula(compositionOf(structure))}'`,
    `_cell_volume   ${num(latticeVolume(structure.lattice))}`,
    `_cell_formula_units_Z   1`,
    "loop_",
    " _symmetry_equiv_pos_site_id",
    " _symmetry_equiv_pos_as_xyz",
    "  1  'x, y, z'",
    "loop_",
    " _atom_site_type_symbol",
    " _atom_site_label",
    " _atom_site_symmetry_multiplicity",
    " _atom_site_fract_x",
    " _atom_site_fract_y",
    " _atom_site_fract_z",
    " _atom_site_occupancy",
    ...rows,
    "",
  ].join("\n");
}

/**
 * Several structures as data blocks of one CIF, e.g. the images of a migration path; blocks are
 * named `${baseName}_00`, `${baseName}_01`, ... so that they sort in order.
 */
export function writeCifImages(structures: Structure[], baseName = "image"): string {
  const width = Math.max(2, String(structures.length - 1).length);
  return structures.map((s, i) => writeCif(s, `${baseName}_${String(i).padStart(width, "0")}`)).join("\n");
}
