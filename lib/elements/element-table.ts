/**
 * Element data, H (Z = 1) to Lr (Z = 103), one row per element in order of atomic number.
 *
 * Sources:
 * - Atomic mass (u): IUPAC standard atomic weights (CIAAW; Meija et al., Pure Appl. Chem. 88,
 *   265 (2016)), abridged/conventional values where IUPAC gives an interval (H, Li, B, C, N, O,
 *   Mg, Si, S, Cl, Br, Tl). Elements without a standard atomic weight carry the mass number of a
 *   long-lived isotope (Tc 98, Pm 145, Po 209, …), as the periodic tables of IUPAC do.
 * - Electronegativity: Pauling scale as tabulated in the CRC Handbook of Chemistry and Physics
 *   (the values pymatgen and WebElements use). He, Ne and Ar have none (null).
 * - Common oxidation states: the "common" states of Greenwood & Earnshaw, Chemistry of the
 *   Elements (2nd ed., 1997), as pymatgen lists them in `Element.common_oxidation_states`.
 * - Other oxidation states: further states well established in ionic solids (halides, oxides),
 *   e.g. Ti³⁺ in TiF₃, Mn³⁺ in MnF₃, Ni⁴⁺ in K₂NiF₆, Ag²⁺ in AgF₂, Sm²⁺/Yb²⁺ in SmF₂/YbF₂
 *   (Greenwood & Earnshaw). They are tried only after the common ones (lib/oxidation).
 */
export interface ElementRecord {
  z: number;
  symbol: string;
  /** Standard atomic weight in u (g/mol). */
  massU: number;
  /** Pauling electronegativity, null where none is defined. */
  paulingEn: number | null;
  commonOxidationStates: readonly number[];
  otherOxidationStates: readonly number[];
}

type Row = [symbol: string, massU: number, paulingEn: number | null, common: number[], other: number[]];

// Row index + 1 is the atomic number; keeping rows positional makes a missing element obvious.
const ROWS: Row[] = [
  ["H", 1.008, 2.2, [-1, 1], []],
  ["He", 4.002602, null, [], []],
  ["Li", 6.94, 0.98, [1], []],
  ["Be", 9.0121831, 1.57, [2], []],
  ["B", 10.81, 2.04, [3], []],
  ["C", 12.011, 2.55, [-4, 4], [2]],
  ["N", 14.007, 3.04, [-3, 3, 5], []],
  ["O", 15.999, 3.44, [-2], []],
  ["F", 18.998403163, 3.98, [-1], []],
  ["Ne", 20.1797, null, [], []],
  ["Na", 22.98976928, 0.93, [1], []],
  ["Mg", 24.305, 1.31, [2], []],
  ["Al", 26.9815385, 1.61, [3], []],
  ["Si", 28.085, 1.9, [-4, 4], []],
  ["P", 30.973761998, 2.19, [-3, 3, 5], []],
  ["S", 32.06, 2.58, [-2, 2, 4, 6], []],
  ["Cl", 35.45, 3.16, [-1, 1, 3, 5, 7], []],
  ["Ar", 39.948, null, [], []],
  ["K", 39.0983, 0.82, [1], []],
  ["Ca", 40.078, 1.0, [2], []],
  ["Sc", 44.955908, 1.36, [3], []],
  ["Ti", 47.867, 1.54, [4], [2, 3]],
  ["V", 50.9415, 1.63, [5], [2, 3, 4]],
  ["Cr", 51.9961, 1.66, [3, 6], [2, 4, 5]],
  ["Mn", 54.938044, 1.55, [2, 4, 7], [3, 5, 6]],
  ["Fe", 55.845, 1.83, [2, 3], [4]],
  ["Co", 58.933194, 1.88, [2, 3], [4]],
  ["Ni", 58.6934, 1.91, [2], [3, 4]],
  ["Cu", 63.546, 1.9, [2], [1, 3]],
  ["Zn", 65.38, 1.65, [2], []],
  ["Ga", 69.723, 1.81, [3], [1]],
  ["Ge", 72.63, 2.01, [-4, 2, 4], []],
  ["As", 74.921595, 2.18, [-3, 3, 5], []],
  ["Se", 78.971, 2.55, [-2, 2, 4, 6], []],
  ["Br", 79.904, 2.96, [-1, 1, 3, 5], [7]],
  ["Kr", 83.798, 3.0, [2], []],
  ["Rb", 85.4678, 0.82, [1], []],
  ["Sr", 87.62, 0.95, [2], []],
  ["Y", 88.90584, 1.22, [3], []],
  ["Zr", 91.224, 1.33, [4], [3]],
  ["Nb", 92.90637, 1.6, [5], [3, 4]],
  ["Mo", 95.95, 2.16, [4, 6], [3, 5]],
  ["Tc", 98, 1.9, [4, 7], []],
  ["Ru", 101.07, 2.2, [3, 4], [5, 6]],
  ["Rh", 102.9055, 2.28, [3], [4]],
  ["Pd", 106.42, 2.2, [2, 4], []],
  ["Ag", 107.8682, 1.93, [1], [2, 3]],
  ["Cd", 112.414, 1.69, [2], []],
  ["In", 114.818, 1.78, [3], [1]],
  ["Sn", 118.71, 1.96, [-4, 2, 4], []],
  ["Sb", 121.76, 2.05, [-3, 3, 5], []],
  ["Te", 127.6, 2.1, [-2, 2, 4, 6], []],
  ["I", 126.90447, 2.66, [-1, 1, 3, 5, 7], []],
  ["Xe", 131.293, 2.6, [2, 4, 6], []],
  ["Cs", 132.90545196, 0.79, [1], []],
  ["Ba", 137.327, 0.89, [2], []],
  ["La", 138.90547, 1.1, [3], []],
  ["Ce", 140.116, 1.12, [3, 4], []],
  ["Pr", 140.90766, 1.13, [3], [4]],
  ["Nd", 144.242, 1.14, [3], [2]],
  ["Pm", 145, 1.13, [3], []],
  ["Sm", 150.36, 1.17, [3], [2]],
  ["Eu", 151.964, 1.2, [2, 3], []],
  ["Gd", 157.25, 1.2, [3], []],
  ["Tb", 158.92535, 1.1, [3], [4]],
  ["Dy", 162.5, 1.22, [3], [2]],
  ["Ho", 164.93033, 1.23, [3], []],
  ["Er", 167.259, 1.24, [3], []],
  ["Tm", 168.93422, 1.25, [3], [2]],
  ["Yb", 173.045, 1.1, [3], [2]],
  ["Lu", 174.9668, 1.27, [3], []],
  ["Hf", 178.49, 1.3, [4], []],
  ["Ta", 180.94788, 1.5, [5], [3, 4]],
  ["W", 183.84, 2.36, [4, 6], [5]],
  ["Re", 186.207, 1.9, [4], [6, 7]],
  ["Os", 190.23, 2.2, [4], [6, 8]],
  ["Ir", 192.217, 2.2, [3, 4], [5]],
  ["Pt", 195.084, 2.28, [2, 4], []],
  ["Au", 196.966569, 2.54, [3], [1]],
  ["Hg", 200.592, 2.0, [1, 2], []],
  ["Tl", 204.38, 1.62, [1, 3], []],
  ["Pb", 207.2, 2.33, [2, 4], []],
  ["Bi", 208.9804, 2.02, [3], [5]],
  ["Po", 209, 2.0, [-2, 2, 4], []],
  ["At", 210, 2.2, [-1, 1], []],
  ["Rn", 222, 2.2, [2], []],
  ["Fr", 223, 0.7, [1], []],
  ["Ra", 226, 0.9, [2], []],
  ["Ac", 227, 1.1, [3], []],
  ["Th", 232.0377, 1.3, [4], []],
  ["Pa", 231.03588, 1.5, [5], [4]],
  ["U", 238.02891, 1.38, [6], [3, 4, 5]],
  ["Np", 237, 1.36, [5], [3, 4, 6]],
  ["Pu", 244, 1.28, [4], [3, 5, 6]],
  ["Am", 243, 1.13, [3], [4]],
  ["Cm", 247, 1.28, [3], [4]],
  ["Bk", 247, 1.3, [3], [4]],
  ["Cf", 251, 1.3, [3], []],
  ["Es", 252, 1.3, [3], []],
  ["Fm", 257, 1.3, [3], []],
  ["Md", 258, 1.3, [3], []],
  ["No", 259, 1.3, [2], []],
  ["Lr", 262, 1.3, [3], []],
];

export const ELEMENTS: readonly ElementRecord[] = ROWS.map(([symbol, massU, paulingEn, common, other], i) => ({
  z: i + 1,
  symbol,
  massU,
  paulingEn,
  commonOxidationStates: common,
  otherOxidationStates: other,
}));
