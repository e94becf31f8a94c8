import { HOSTILE_NUMBERS, type Mutation } from "./text-mutations";

/** Sets the value of a one-line CIF item (`_tag value`), keeping the rest of the file. */
function setCifItem(text: string, tag: string, value: string): string {
  const re = new RegExp(`^(${tag.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s+).*$`, "im");
  return re.test(text) ? text.replace(re, (_m, head: string) => head + value) : text;
}

const CELL_LENGTHS = ["_cell_length_a", "_cell_length_b", "_cell_length_c"];
const CELL_ANGLES = ["_cell_angle_alpha", "_cell_angle_beta", "_cell_angle_gamma"];
const SPACE_GROUP_NAMES = [
  "'F m -3 m'", "'P 6_3/m m c'", "'R -3 c'", "'I 41/a'", "'P 21/c'", "'Q 99'", "'P'", "''", "'F d d d'", "'P 1 21/n 1'", "?",
];
const SPECIES = ["Xx", "D", "Q", "?", ".", "'Ca 2+'", "1", "ca", "CA", "Uuo", "'F-'", "''"];

/** Mutations aimed at the meaning of a CIF: cell, angles, space group, atom site columns. */
export const CIF_MUTATIONS: Mutation[] = [
  {
    name: "CIF cell length",
    apply: (t, rng) => setCifItem(t, rng.pick(CELL_LENGTHS), rng.pick(["0", "-1", "-4.5", "1e-9", "1e400", "1e6", "NaN", "?", ".", "1e308", "0.1", "0.4"])),
  },
  {
    name: "CIF cell angle",
    apply: (t, rng) => setCifItem(t, rng.pick(CELL_ANGLES), rng.pick(["0", "180", "179.99999", "1e-9", "360", "-90", "120", "60", "NaN", "?"])),
  },
  {
    name: "CIF flat cell (three 120° angles)",
    apply: (t) => CELL_ANGLES.reduce((s, tag) => setCifItem(s, tag, "120"), t),
  },
  {
    name: "CIF space group",
    apply: (t, rng) => {
      // Without the operator loop the reader falls back to the name or the number.
      const withoutOps = rng.chance(0.7) ? t.replace(/loop_\s+_symmetry_equiv_pos_site_id\s+_symmetry_equiv_pos_as_xyz\s+1\s+'x, y, z'\n/, "") : t;
      const named = setCifItem(withoutOps, "_symmetry_space_group_name_H-M", rng.pick(SPACE_GROUP_NAMES));
      return setCifItem(named, "_symmetry_Int_Tables_number", rng.pick(["225", "0", "231", "-1", "1e9", "abc", "2.5", "194"]));
    },
  },
  {
    name: "CIF symmetry operation",
    apply: (t, rng) =>
      t.replace(
        "'x, y, z'",
        `'${rng.pick(["x,y", "x,y,z,w", "2x,y,z", "x+y,y,z", "x/0,y,z", "x+1/0,y,z", "x,y,z+1e400", "-x,-y,-z", "x,x,z", "x*,y,z", "1/2+x, 1/2+y, z", "", ",,"])}'`,
      ),
  },
  {
    name: "CIF atom site value",
    apply: (t, rng) => {
      const rows = [...t.matchAll(/^ {2}(\S+) {2}(\S+) {2}1 {2}(\S+) {2}(\S+) {2}(\S+) {2}1$/gm)];
      if (rows.length === 0) return t;
      const row = rng.pick(rows);
      const fields = row[0].trim().split(/\s+/);
      const k = rng.pick([0, 1, 3, 4, 5, 6]);
      fields[k] = k <= 1 ? rng.pick(SPECIES) : k === 6 ? rng.pick(["0.5", "0", "-1", "2", "NaN", "?"]) : rng.pick(HOSTILE_NUMBERS);
      return t.replace(row[0], `  ${fields.join("  ")}`);
    },
  },
  {
    name: "CIF loop header",
    apply: (t, rng) => {
      const headers = [...t.matchAll(/^ _atom_site_\S+$/gm)];
      if (headers.length === 0) return t;
      const h = rng.pick(headers);
      const replacement = rng.pick(["", " _atom_site_fract_x", " _atom_site_Cartn_x", " _unknown_tag", "loop_", h[0] + "\n" + h[0]]);
      return t.replace(h[0], replacement);
    },
  },
  {
    name: "CIF unclosed text field",
    apply: (t, rng) => {
      const ls = t.split("\n");
      ls.splice(1 + rng.int(Math.max(ls.length - 1, 1)), 0, ";", rng.pick(["some text", "", "'"]));
      return ls.join("\n");
    },
  },
];

/** Mutations aimed at a POSCAR's fixed line structure: scale, lattice, species, counts, mode. */
export const POSCAR_MUTATIONS: Mutation[] = [
  {
    name: "POSCAR scale factor",
    apply: (t, rng) => {
      const ls = t.split("\n");
      ls[1] = rng.pick(["0", "-0", "-1", "-1e-30", "-1e300", "1e300", "1e-300", "NaN", "0 0 0", "1 1 0", "1 -1 1", "1 1", "Infinity", "-"]);
      return ls.join("\n");
    },
  },
  {
    name: "POSCAR lattice vector",
    apply: (t, rng) => {
      const ls = t.split("\n");
      const i = 2 + rng.int(3);
      ls[i] = rng.pick(["0 0 0", ls[2], "1e300 0 0", "1e-300 0 0", "1 2", "a b c", "NaN 0 0", "1e400 0 0", "0.1 0 0"]);
      return ls.join("\n");
    },
  },
  {
    name: "POSCAR species line",
    apply: (t, rng) => {
      const ls = t.split("\n");
      ls[5] = rng.pick(["Xx F", "", "1 2", "Ca_pv F/abc", "Ca", "F F F F", "H He Li Be B C N O F Ne", "ca f", "D"]);
      return ls.join("\n");
    },
  },
  {
    name: "POSCAR counts line",
    apply: (t, rng) => {
      const ls = t.split("\n");
      ls[6] = rng.pick(["999999999", "1e9", "-1", "0 0", "1.5 2", "2147483648 1", "", "4 8 1", "0", "1e400"]);
      return ls.join("\n");
    },
  },
  {
    name: "POSCAR coordinate mode",
    apply: (t, rng) => {
      const ls = t.split("\n");
      ls[7] = rng.pick(["Cartesian", "Selective dynamics", "", "kartesian", "direct", "x"]);
      return ls.join("\n");
    },
  },
];
