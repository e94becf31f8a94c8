import { describe, expect, it } from "vitest";
import { latticeParameters } from "../structure/lattice";
import { caF2 } from "../structure/reference-crystals";
import type { Structure } from "../structure/structure";
import { readCif, readCifNamed } from "./cif-reader";
import { writeCif } from "./cif-writer";
import { sameCellAndSites } from "./structure-equality";

// Rutile TiO2 (P4_2/mnm): the asymmetric unit with ITA's 16 general-position operators, written the
// way ICSD exports look: uncertainties, quoted operators, a comment, a semicolon text field.
const RUTILE_ASYMMETRIC = `# rutile, asymmetric unit
data_rutile
_publ_section_title
;
Rutile, TiO2;
a test crystal
;
_chemical_name_common 'titanium dioxide'
_cell_length_a 4.5937(3)
_cell_length_b 4.5937(3)
_cell_length_c 2.9587(2)
_cell_angle_alpha 90.
_cell_angle_beta 90.
_cell_angle_gamma 90.
_symmetry_space_group_name_H-M 'P 42/m n m'
_symmetry_Int_Tables_number 136
loop_
_symmetry_equiv_pos_site_id
_symmetry_equiv_pos_as_xyz
1 'x, y, z'
2 '-x, -y, z'
3 '-y+1/2, x+1/2, z+1/2'
4 'y+1/2, -x+1/2, z+1/2'
5 '-x+1/2, y+1/2, -z+1/2'
6 'x+1/2, -y+1/2, -z+1/2'
7 'y, x, -z'
8 '-y, -x, -z'
9 '-x, -y, -z'
10 'x, y, -z'
11 'y+1/2, -x+1/2, -z+1/2'
12 '-y+1/2, x+1/2, -z+1/2'
13 'x+1/2, -y+1/2, z+1/2'
14 '-x+1/2, y+1/2, z+1/2'
15 '-y, -x, z'
16 'y, x, z'
loop_
_atom_site_label
_atom_site_type_symbol
_atom_site_symmetry_multiplicity
_atom_site_Wyckoff_symbol
_atom_site_fract_x
_atom_site_fract_y
_atom_site_fract_z
_atom_site_occupancy
Ti1 Ti4+ 2 a 0 0 0 1.
O1 O2- 4 f 0.30478(6) 0.30478(6) 0 1.
`;

// The same crystal in P1, every atom listed, in another order.
const X = 0.30478;
const RUTILE_P1 = `data_rutile_p1
_cell_length_a 4.5937
_cell_length_b 4.5937
_cell_length_c 2.9587
_cell_angle_alpha 90
_cell_angle_beta 90
_cell_angle_gamma 90
loop_
_symmetry_equiv_pos_as_xyz
'x, y, z'
loop_
_atom_site_type_symbol
_atom_site_label
_atom_site_fract_x
_atom_site_fract_y
_atom_site_fract_z
O O1 ${0.5 - X} ${0.5 + X} 0.5
O O2 ${X} ${X} 0
Ti Ti1 0.5 0.5 0.5
O O3 ${1 - X} ${1 - X} 0
O O4 ${0.5 + X} ${0.5 - X} 0.5
Ti Ti2 0 0 0
`;

const FLUORITE_BY_NAME = `data_CaF2
_cell_length_a 5.4626(1)
_cell_length_b 5.4626(1)
_cell_length_c 5.4626(1)
_cell_angle_alpha 90
_cell_angle_beta 90
_cell_angle_gamma 90
_space_group_name_H-M_alt 'F m -3 m'
loop_
_atom_site_label
_atom_site_fract_x
_atom_site_fract_y
_atom_site_fract_z
Ca1 0 0 0
F1 0.25 0.25 0.25
`;

const count = (s: Structure, species: string) => s.sites.filter((x) => x.species === species).length;

describe("readCif", () => {
  it("expands an asymmetric unit with operators to the same structure as the P1 file", () => {
    const [asym] = readCif(RUTILE_ASYMMETRIC);
    const [p1] = readCif(RUTILE_P1);
    expect(asym.sites).toHaveLength(6);
    expect(count(asym, "Ti")).toBe(2);
    expect(sameCellAndSites(asym, p1)).toBe(true);
    // The site label and the element from "Ti4+" survive; the charge is not an element.
    expect(asym.sites.filter((s) => s.species === "Ti").every((s) => s.label === "Ti1")).toBe(true);
  });

  it("drops uncertainties from numbers", () => {
    const [s] = readCif(RUTILE_ASYMMETRIC);
    expect(latticeParameters(s.lattice).a).toBeCloseTo(4.5937, 10);
    expect(s.sites.find((x) => x.species === "O")!.frac[0]).toBeCloseTo(0.30478, 10);
  });

  it("builds the cell from the space-group name alone, as the centring construction does", () => {
    const [s] = readCif(FLUORITE_BY_NAME);
    expect(sameCellAndSites(s, caF2(5.4626))).toBe(true);
    expect(s.sites.find((x) => x.species === "F")!.label).toBe("F1");
  });

  it("falls back to the space-group number, and to P1 without any symmetry", () => {
    const byNumber = FLUORITE_BY_NAME.replace("_space_group_name_H-M_alt 'F m -3 m'", "_space_group_IT_number 225");
    expect(readCif(byNumber)[0].sites).toHaveLength(12);
    const none = FLUORITE_BY_NAME.replace("_space_group_name_H-M_alt 'F m -3 m'", "");
    expect(readCif(none)[0].sites).toHaveLength(2);
  });

  it("tries the Hall symbol, the name and the number in turn", () => {
    const badHall = FLUORITE_BY_NAME.replace("_space_group_name_H-M_alt", "_space_group_name_Hall '-F 9 9'\n_space_group_name_H-M_alt");
    expect(readCif(badHall)[0].sites).toHaveLength(12);
    const badName = FLUORITE_BY_NAME.replace("'F m -3 m'", "'F m -3 m (new)'\n_space_group_IT_number 225");
    expect(readCif(badName)[0].sites).toHaveLength(12);
  });

  it("takes rhombohedral axes for an R group in a rhombohedral cell", () => {
    // Corundum Al2O3, R-3c in rhombohedral axes: Al 4c (x,x,x), O 6e (x,-x+1/2,1/4), Z = 2 (ITA 167).
    const cif = `data_corundum
_cell_length_a 5.128
_cell_length_b 5.128
_cell_length_c 5.128
_cell_angle_alpha 55.28
_cell_angle_beta 55.28
_cell_angle_gamma 55.28
_symmetry_space_group_name_H-M 'R -3 c'
loop_
_atom_site_label
_atom_site_type_symbol
_atom_site_fract_x
_atom_site_fract_y
_atom_site_fract_z
Al1 Al3+ 0.3523 0.3523 0.3523
O1 O2- 0.5561 -0.0561 0.25
`;
    const [s] = readCif(cif);
    expect(count(s, "Al")).toBe(4);
    expect(count(s, "O")).toBe(6);
  });

  it("reads every data block that holds a crystal and skips a block of publication details", () => {
    const text = `data_global\n_journal_name_full 'Some Journal'\n\n${RUTILE_ASYMMETRIC}\n${FLUORITE_BY_NAME}`;
    const named = readCifNamed(text);
    expect(named.map((n) => n.name)).toEqual(["rutile", "CaF2"]);
    expect(named.map((n) => n.structure.sites.length)).toEqual([6, 12]);
  });

  it("reads DDLm tags with dots", () => {
    const ddlm = FLUORITE_BY_NAME.replace(/_cell_length_/g, "_cell.length_")
      .replace(/_atom_site_/g, "_atom_site.")
      .replace("_space_group_name_H-M_alt", "_space_group.name_H-M_alt");
    expect(readCif(ddlm)[0].sites).toHaveLength(12);
  });

  it("takes the element from the label when there is no type symbol", () => {
    const [s] = readCif(FLUORITE_BY_NAME);
    expect(count(s, "Ca")).toBe(4);
    expect(count(s, "F")).toBe(8);
  });

  it("round-trips through the P1 writer", () => {
    const [s] = readCif(RUTILE_ASYMMETRIC);
    const [back] = readCif(writeCif(s, "rutile TiO2"));
    expect(sameCellAndSites(s, back, { lengthA: 1e-6, angleDeg: 1e-6 })).toBe(true);
  });
});

// Fluorite as a COD-style file: author names with apostrophes, a text field inside a loop, symmetry
// operators with ids, type and anisotropic loops, geometry loops with "?" and ".", Windows line ends.
const FLUORITE_COD = [
  "#------------------------------------------------------------------------------",
  "data_9007004",
  "loop_",
  "_publ_author_name",
  "'O'Keeffe, M.'",
  "\"D'Ans, J.\"",
  "_journal_name_full",
  ";",
  "Zeitschrift f\u00fcr Kristallographie; with a semicolon",
  ";",
  "_chemical_formula_sum 'Ca F2'",
  "_space_group_IT_number 225",
  "_symmetry_space_group_name_Hall '-F 4 2 3'",
  "_symmetry_space_group_name_H-M 'F m -3 m'",
  "_cell_angle_alpha 90",
  "_cell_angle_beta 90",
  "_cell_angle_gamma 90",
  "_cell_length_a 5.46305(7)",
  "_cell_length_b 5.46305(7)",
  "_cell_length_c 5.46305(7)",
  "_cell_volume 163.04(1) # a trailing comment",
  "loop_",
  "_space_group_symop_id",
  "_space_group_symop_operation_xyz",
  "1 x,y,z",
  "2 -x,-y,-z",
  "3 1/2+x,1/2+y,z",
  "4 1/2-x,1/2-y,-z",
  "5 x,1/2+y,1/2+z",
  "6 -x,1/2-y,1/2-z",
  "7 1/2+x,y,1/2+z",
  "8 1/2-x,-y,1/2-z",
  "loop_",
  "_atom_type_symbol",
  "_atom_type_oxidation_number",
  "Ca2+ 2",
  "F1- -1",
  "loop_",
  "_atom_site_label",
  "_atom_site_type_symbol",
  "_atom_site_fract_x",
  "_atom_site_fract_y",
  "_atom_site_fract_z",
  "_atom_site_U_iso_or_equiv",
  "_atom_site_calc_flag",
  "_atom_site_occupancy",
  "_atom_site_disorder_assembly",
  "Ca Ca2+ 0.00000 0.00000 0.00000 0.0071(2) d 1.0 .",
  "F F1- 0.25000 0.25000 0.25000 0.0098(3) d 1.0 .",
  "F F1- 0.75000 0.75000 0.75000 0.0098(3) d 1.0 .",
  "Q1 Q 0.1 0.1 0.1 ? dum 1 .",
  "loop_",
  "_atom_site_aniso_label",
  "_atom_site_aniso_U_11",
  "Ca 0.0071(2)",
  "loop_",
  "_geom_bond_atom_site_label_1",
  "_geom_bond_atom_site_label_2",
  "_geom_bond_distance",
  "_geom_bond_site_symmetry_2",
  "Ca F 2.3656(1) ?",
  "Ca F 2.3656(1) .",
  "",
].join("\r\n");

describe("readCif on a COD-style file", () => {
  it("reads the crystal and ignores what it does not need", () => {
    // The operators listed are only a subgroup of Fm-3m (inversion and centring), so 4 Ca and 8 F
    // come from the listed F sites and the centring, not from the space-group name.
    const [s] = readCif(FLUORITE_COD);
    expect(count(s, "Ca")).toBe(4);
    expect(count(s, "F")).toBe(8);
    expect(sameCellAndSites(s, caF2(5.46305))).toBe(true);
  });
});

describe("readCif refuses what it cannot represent, naming the site", () => {
  it("refuses a partially occupied site", () => {
    const text = RUTILE_ASYMMETRIC.replace("O1 O2- 4 f 0.30478(6) 0.30478(6) 0 1.", "O1 O2- 4 f 0.30478(6) 0.30478(6) 0 0.5");
    expect(() => readCif(text)).toThrow("CIF: data block 'rutile' has site 'O1' with occupancy 0.5: partially occupied sites are not supported");
  });

  it("accepts occupancies within the 0.99 tolerance", () => {
    const text = RUTILE_ASYMMETRIC.replace("0.30478(6) 0 1.", "0.30478(6) 0 0.995(3)");
    expect(readCif(text)[0].sites).toHaveLength(6);
  });

  it("refuses two species on one position", () => {
    const text = FLUORITE_BY_NAME.replace("F1 0.25 0.25 0.25", "F1 0.25 0.25 0.25\nSr1 0 0 0");
    expect(() => readCif(text)).toThrow(/data block 'CaF2' cannot be expanded: sites 'Ca1' \(Ca\) and 'Sr1' \(Sr\) occupy the same position/);
  });
});

describe("readCif on malformed files", () => {
  it.each([
    ["an empty file", "", /CIF: the file is empty/],
    ["white space only", "  \n\n", /CIF: the file is empty/],
    ["garbage text", "hello world, this is not a CIF", /CIF: expected a data block header \(data_\.\.\.\), found 'hello' \(line 1\)/],
    ["binary-ish noise", "\u0000\u0001PK\u0003\u0004", /CIF: expected a data block header/],
    ["a block without a crystal", "data_x\n_journal_name_full 'J'\n", /none of the 1 data block\(s\) has a cell or atom sites/],
    ["a missing cell length", FLUORITE_BY_NAME.replace("_cell_length_a 5.4626(1)\n", ""), /data block 'CaF2' has no _cell_length_a/],
    ["a cell length that is not a number", FLUORITE_BY_NAME.replace("_cell_length_a 5.4626(1)", "_cell_length_a NaN"), /'CaF2' has a _cell_length_a that is not a number: 'NaN'/],
    ["an unknown cell length", FLUORITE_BY_NAME.replace("_cell_length_b 5.4626(1)", "_cell_length_b ?"), /'CaF2' gives no value for _cell_length_b/],
    ["a negative cell length", FLUORITE_BY_NAME.replace("_cell_length_c 5.4626(1)", "_cell_length_c -5.4626"), /non-positive _cell_length_c \(-5.4626\)/],
    ["an unknown cell angle", FLUORITE_BY_NAME.replace("_cell_angle_beta 90", "_cell_angle_beta ?"), /'CaF2' gives no value for _cell_angle_beta/],
    ["impossible angles", FLUORITE_BY_NAME.replace("_cell_angle_alpha 90", "_cell_angle_alpha 170").replace("_cell_angle_beta 90", "_cell_angle_beta 10"), /do not describe a real cell/],
    ["a truncated loop", FLUORITE_BY_NAME.replace("F1 0.25 0.25 0.25\n", "F1 0.25 0.25\n"), /loop_ of _atom_site_label has 7 values, not a multiple of its 4 columns/],
    ["a loop cut off before its values", "data_x\n_cell_length_a 5\nloop_\n_atom_site_label\n_atom_site_fract_x\n", /loop_ of _atom_site_label has no values/],
    ["a tag without a value", "data_x\n_cell_length_a\n_cell_length_b 4\n", /tag _cell_length_a has no value \(line 2\)/],
    ["an unclosed quote", "data_x\n_title 'unclosed\n", /quoted string 'unclosed is never closed \(line 2\)/],
    ["an unclosed text field", "data_x\n_title\n;\nsome text\n", /text field opened with ';' is never closed \(line 3\)/],
    ["no atom sites", "data_x\n_cell_length_a 5\n_cell_length_b 5\n_cell_length_c 5\n", /'x' has no _atom_site_fract_x\/y\/z/],
    ["an unknown coordinate", FLUORITE_BY_NAME.replace("F1 0.25 0.25 0.25", "F1 0.25 ? 0.25"), /gives no value for fractional y of site 'F1'/],
    ["an unknown element", FLUORITE_BY_NAME.replace("F1 0.25", "Qq1 0.25"), /has site 'Qq1' of unknown element 'Qq1'/],
    ["an unknown space group", FLUORITE_BY_NAME.replace("'F m -3 m'", "'Q 9'"), /space group the reader does not know: unknown space group "Q 9"/],
    ["a bad operator", RUTILE_P1.replace("'x, y, z'", "'x, y'"), /'rutile_p1' line 10: symmetry operation "x, y" does not have three components/],
  ])("gives a clear error for %s", (_what, text, message) => {
    expect(() => readCif(text)).toThrow(message);
  });
});
