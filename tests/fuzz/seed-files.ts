import { writeCif } from "../../lib/io/cif-writer";
import { writePoscar } from "../../lib/io/poscar";
import { writePymatgenJson } from "../../lib/io/pymatgen-json";
import { libraryStructures } from "../../lib/library/build";
import { LITERATURE_ENTRIES, type LiteratureEntry } from "../../lib/library/fluorides";
import { formatSymmetryOperation } from "../../lib/symmetry/operation-xyz";
import { spaceGroupFromHallNumber } from "../../lib/symmetry/space-groups";

export type SeedFormat = "cif" | "cif-symmetric" | "poscar" | "json";

/** A valid file the mutations start from, with the file name an upload of it would carry. */
export interface SeedFile {
  id: string;
  format: SeedFormat;
  filename: string;
  text: string;
}

/**
 * A CIF as a crystallographer writes it: the asymmetric unit, the space group by name and number
 * and (with `withOperations`) the operator list, so mutations reach the symmetry expansion too.
 */
function symmetricCif(entry: LiteratureEntry, withOperations: boolean): string {
  const { cell } = entry;
  const ops = withOperations
    ? ["loop_", " _space_group_symop_operation_xyz", ...spaceGroupFromHallNumber(entry.hallNumber).operations.map((op) => `  '${formatSymmetryOperation(op)}'`)]
    : [];
  return [
    `data_${entry.id}`,
    `_symmetry_space_group_name_H-M   '${entry.spaceGroupSymbol}'`,
    `_space_group_IT_number   ${entry.spaceGroupNumber}`,
    `_cell_length_a   ${cell.a}`,
    `_cell_length_b   ${cell.b}`,
    `_cell_length_c   ${cell.c}`,
    `_cell_angle_alpha   ${cell.alpha}`,
    `_cell_angle_beta   ${cell.beta}`,
    `_cell_angle_gamma   ${cell.gamma}`,
    ...ops,
    "loop_",
    " _atom_site_label",
    " _atom_site_type_symbol",
    " _atom_site_fract_x",
    " _atom_site_fract_y",
    " _atom_site_fract_z",
    " _atom_site_occupancy",
    ...entry.sites.map((s, i) => `  ${s.element}${i + 1}  ${s.element}  ${s.x}  ${s.y}  ${s.z}  1.0`),
    "",
  ].join("\n");
}

/** Every library crystal written by the project's own writers, plus its asymmetric-unit CIF. */
export function seedFiles(): SeedFile[] {
  const out: SeedFile[] = [];
  for (const lib of libraryStructures()) {
    out.push({ id: lib.id, format: "cif", filename: `${lib.id}.cif`, text: writeCif(lib.structure, lib.id) });
    out.push({ id: lib.id, format: "poscar", filename: "POSCAR", text: writePoscar(lib.structure, lib.name) });
    out.push({ id: lib.id, format: "json", filename: `${lib.id}.json`, text: writePymatgenJson(lib.structure) });
  }
  LITERATURE_ENTRIES.forEach((entry, i) => {
    out.push({ id: entry.id, format: "cif-symmetric", filename: `${entry.id}-asym.cif`, text: symmetricCif(entry, i % 2 === 0) });
  });
  return out;
}
