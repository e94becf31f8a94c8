/** A CIF of a cubic crystal as a paper would give it: the space-group name and the asymmetric unit only. */
export function cubicCif(name: string, spaceGroup: string, a: string, sites: Array<[string, number, number, number]>): string {
  const rows = sites.map(([label, x, y, z]) => `${label} ${x} ${y} ${z}`).join("\n");
  return `data_${name}
_symmetry_space_group_name_H-M '${spaceGroup}'
_cell_length_a ${a}
_cell_length_b ${a}
_cell_length_c ${a}
_cell_angle_alpha 90
_cell_angle_beta 90
_cell_angle_gamma 90
loop_
_atom_site_label
_atom_site_fract_x
_atom_site_fract_y
_atom_site_fract_z
${rows}
`;
}
