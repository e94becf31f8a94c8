/**
 * The built-in library: experimentally known fluorides (and a few chlorides for comparison), each as
 * literature facts only — space group and setting, measured cell, the asymmetric unit by Wyckoff
 * position, a density and the reference it comes from. Nothing here is computed by hopscape; the
 * full cells are produced from these entries by lib/library/build.ts with the shared symmetry code.
 *
 * How the data was compiled:
 * - Cells and coordinates are the published values of the cited study. Entries with `checkedAgainst`
 *   were compared with a database copy of that study (Crystallography Open Database, American
 *   Mineralogist Crystal Structure Database, or the NCrystal data library's conversions of COD
 *   entries). The others were written from the compiler's knowledge of the source; there a value is
 *   given only to the number of digits the compiler is sure of (for example α-AlF3 x(F) = 0.43, LaF3
 *   coordinates to three decimals), and the entry's note says so where digits were dropped.
 * - Cells are at room temperature unless `temperatureK` says otherwise.
 * - `density` is either a measured (pycnometric/flotation, handbook) value, an X-ray density as
 *   reported by the source, or an X-ray density computed here from the cited cell and Z with IUPAC
 *   atomic weights (Dx = Z·M / (N_A·V)); `densityKind` tells which. The library test compares it with
 *   the density of the expanded cell, which checks that the expansion produced Z formula units.
 * - Site coordinates of special positions are written out in full (e.g. 1/4 as 0.25, 2/3 as 2/3) so
 *   the expansion merges their images exactly.
 * - Some entries were checked against a compilation rather than a database copy of the study: the
 *   AFLOW Library of Crystallographic Prototypes (M. J. Mehl et al., Comput. Mater. Sci. 136, S1
 *   (2017)), whose prototype parameters reproduce the cited study's values, or a secondary web summary;
 *   `checkedAgainst` names which, and the note says when only a secondary summary was available.
 * - Entries that could not be stated with confidence were left out rather than approximated
 *   (among them NaMgF3, α-PbF2, SnF2, CuF2, LiCaAlF6, tysonite PrF3/NdF3, FeF3/GaF3/InF3, HgF2, and
 *   the B24 (Fmmm) model of TlF, which its own compilers mark as superseded).
 *
 * Contents: 53 crystals — 43 fluorides, 1 fluoride chloride (matlockite PbFCl) and 9 chlorides.
 */

/** One site of the asymmetric unit, as the source lists it. */
export interface WyckoffSite {
  element: string;
  /** Multiplicity and Wyckoff letter in the stated setting, e.g. "4a", "18e". */
  wyckoff: string;
  x: number;
  y: number;
  z: number;
}

export type DensityKind = "measured" | "x-ray reported" | "x-ray computed";

export interface LiteratureEntry {
  /** Stable identifier: formula and structure type or mineral, e.g. "CaF2-fluorite". */
  id: string;
  name: string;
  mineral?: string;
  formula: string;
  /** Formula units in the conventional cell. */
  z: number;
  spaceGroupNumber: number;
  /** Hermann–Mauguin symbol of the setting the coordinates are given in. */
  spaceGroupSymbol: string;
  /**
   * Hall number (spglib/moyo numbering, 1–530) of that setting: it fixes origin choice and axes
   * unambiguously, e.g. 460 = R-3c hexagonal axes, 365 = I41/a origin choice 2, 82 = P 1 21/n 1.
   */
  hallNumber: number;
  /** Cell edges in Å and angles in degrees. */
  cell: { a: number; b: number; c: number; alpha: number; beta: number; gamma: number };
  /** Measurement temperature when the source is not at room temperature. */
  temperatureK?: number;
  sites: WyckoffSite[];
  /** g/cm³. */
  density: number;
  densityKind: DensityKind;
  reference: string;
  icsd?: number;
  cod?: number;
  /**
   * The database copy of the source these numbers were checked against. Entries without it were
   * written from the compiler's knowledge of the source (see the header on precision).
   */
  checkedAgainst?: string;
  note?: string;
}

// Small helpers so the cells of the high-symmetry systems read as what they are.
const cubic = (a: number) => ({ a, b: a, c: a, alpha: 90, beta: 90, gamma: 90 });
const tetragonal = (a: number, c: number) => ({ a, b: a, c, alpha: 90, beta: 90, gamma: 90 });
const hexagonal = (a: number, c: number) => ({ a, b: a, c, alpha: 90, beta: 90, gamma: 120 });
const orthorhombic = (a: number, b: number, c: number) => ({ a, b, c, alpha: 90, beta: 90, gamma: 90 });
const site = (element: string, wyckoff: string, x: number, y: number, z: number): WyckoffSite => ({
  element,
  wyckoff,
  x,
  y,
  z,
});

// Structure-type templates: the Wyckoff positions are fixed by the type, only the cell differs.
const rockSalt = (cation: string, anion: string) => [site(cation, "4a", 0, 0, 0), site(anion, "4b", 0.5, 0.5, 0.5)];
const fluorite = (cation: string, anion: string) => [site(cation, "4a", 0, 0, 0), site(anion, "8c", 0.25, 0.25, 0.25)];
const rutile = (cation: string, x: number) => [site(cation, "2a", 0, 0, 0), site("F", "4f", x, x, 0)];
const perovskite = (a: string, b: string) => [
  site(a, "1a", 0, 0, 0),
  site(b, "1b", 0.5, 0.5, 0.5),
  site("F", "3c", 0, 0.5, 0.5),
];

const FM3M = { spaceGroupNumber: 225, spaceGroupSymbol: "F m -3 m", hallNumber: 523 } as const;
const PM3M = { spaceGroupNumber: 221, spaceGroupSymbol: "P m -3 m", hallNumber: 517 } as const;
const P42MNM = { spaceGroupNumber: 136, spaceGroupSymbol: "P 42/m n m", hallNumber: 419 } as const;
const reO3 = (cation: string) => [site(cation, "1a", 0, 0, 0), site("F", "3d", 0.5, 0, 0)];

const NBS = "H. E. Swanson et al., Standard X-ray Diffraction Powder Patterns, NBS Circular 539 (1953–1960)";

export const LITERATURE_ENTRIES: readonly LiteratureEntry[] = [
  // ---- Rock-salt alkali fluorides (Fm-3m, cation 4a, F 4b) ----
  {
    id: "LiF-rocksalt", name: "lithium fluoride", mineral: "griceite", formula: "LiF", z: 4, ...FM3M,
    cell: cubic(4.027), sites: rockSalt("Li", "F"), density: 2.635, densityKind: "measured",
    reference: `${NBS} (Swanson & Tatge, 1953); density: CRC Handbook`,
  },
  {
    id: "NaF-rocksalt", name: "sodium fluoride", mineral: "villiaumite", formula: "NaF", z: 4, ...FM3M,
    cell: cubic(4.62), sites: rockSalt("Na", "F"), density: 2.828, densityKind: "x-ray computed",
    checkedAgainst: "COD 9008679 (as converted in the NCrystal data library)",
    reference: "R. W. G. Wyckoff, Crystal Structures, vol. 1, 2nd ed., Interscience (1963); via COD",
    cod: 9008679,
  },
  {
    id: "KF-rocksalt", name: "potassium fluoride", mineral: "carobbiite", formula: "KF", z: 4, ...FM3M,
    cell: cubic(5.347), sites: rockSalt("K", "F"), density: 2.524, densityKind: "x-ray computed",
    reference: `${NBS} (Swanson & Tatge, 1953)`,
  },
  {
    id: "RbF-rocksalt", name: "rubidium fluoride", formula: "RbF", z: 4, ...FM3M,
    cell: cubic(5.64), sites: rockSalt("Rb", "F"), density: 3.868, densityKind: "x-ray computed",
    reference: "R. W. G. Wyckoff, Crystal Structures, vol. 1, 2nd ed., Interscience (1963)",
  },
  {
    id: "CsF-rocksalt", name: "caesium fluoride", formula: "CsF", z: 4, ...FM3M,
    cell: cubic(6.008), sites: rockSalt("Cs", "F"), density: 4.653, densityKind: "x-ray computed",
    reference: "R. W. G. Wyckoff, Crystal Structures, vol. 1, 2nd ed., Interscience (1963)",
  },
  {
    id: "AgF-rocksalt", name: "silver(I) fluoride", formula: "AgF", z: 4, ...FM3M,
    cell: cubic(4.936), sites: rockSalt("Ag", "F"), density: 7.007, densityKind: "x-ray computed",
    checkedAgainst: "a secondary web summary of the AgF literature (room-temperature a = 4.936(1) Å; 4.9217 Å at 100 K)",
    reference: "room-temperature cell of AgF-I (rock-salt type) as quoted in the literature summarised there",
    note:
      "only a secondary summary, not a database copy, was available to check the cell, and the primary paper is not named here; the handbook density (5.85 g/cm³) is far below the X-ray density, so the X-ray value computed from the cell is used",
  },

  // ---- Fluorite-type difluorides (Fm-3m, cation 4a, F 8c) ----
  {
    id: "CaF2-fluorite", name: "calcium fluoride", mineral: "fluorite", formula: "CaF2", z: 4, ...FM3M,
    cell: cubic(5.4626), sites: fluorite("Ca", "F"), density: 3.18, densityKind: "measured",
    reference: `${NBS} (Swanson & Tatge, 1953); density: CRC Handbook`, icsd: 52754,
  },
  {
    id: "SrF2-fluorite", name: "strontium fluoride", formula: "SrF2", z: 4, ...FM3M,
    cell: cubic(5.7996), sites: fluorite("Sr", "F"), density: 4.24, densityKind: "measured",
    reference: `${NBS}; density: CRC Handbook`,
  },
  {
    id: "BaF2-fluorite", name: "barium fluoride", mineral: "frankdicksonite", formula: "BaF2", z: 4, ...FM3M,
    cell: cubic(6.2001), sites: fluorite("Ba", "F"), density: 4.89, densityKind: "measured",
    checkedAgainst: "COD 9009004 (as converted in the NCrystal data library)",
    reference:
      "R. W. G. Wyckoff, Crystal Structures, vol. 1, 2nd ed., Interscience (1963); via COD; density: CRC Handbook",
    cod: 9009004,
  },
  {
    id: "PbF2-beta-fluorite", name: "β-lead fluoride", mineral: "fluorocronite", formula: "PbF2", z: 4, ...FM3M,
    cell: cubic(5.9306), sites: fluorite("Pb", "F"), density: 7.808, densityKind: "x-ray computed",
    checkedAgainst: "COD 9015789 (as converted in the NCrystal data library)",
    reference:
      "S. J. Mills et al., Fluorocronite, the natural analogue of β-PbF2, Eur. J. Mineral. 23 (2011); via COD",
    cod: 9015789,
  },
  {
    id: "CdF2-fluorite", name: "cadmium fluoride", formula: "CdF2", z: 4, ...FM3M,
    cell: cubic(5.388), sites: fluorite("Cd", "F"), density: 6.387, densityKind: "x-ray computed",
    reference: "R. W. G. Wyckoff, Crystal Structures, vol. 1, 2nd ed., Interscience (1963)",
  },
  {
    id: "EuF2-fluorite", name: "europium(II) fluoride", formula: "EuF2", z: 4, ...FM3M,
    cell: cubic(5.842), sites: fluorite("Eu", "F"), density: 6.328, densityKind: "x-ray computed",
    checkedAgainst: "the German Wikipedia article on europium(II) fluoride (infobox a = 584.21 pm, with a literature reference)",
    reference: "fluorite-type EuF2 (G. Brauer, Handbuch der Präparativen Anorganischen Chemie, 3rd ed., vol. 1, Enke (1975) for the structure type); cell as tabulated in the source checked",
    note:
      "the checked page's own text gives 582.41 pm, so a is uncertain by about 0.02 Å; the tabulated density (6.495 g/cm³) fits neither value, so the X-ray density from the cell is used and the density test checks Z only",
  },

  // ---- Rutile-type difluorides (P42/mnm, cation 2a, F 4f x,x,0) ----
  {
    id: "MgF2-rutile", name: "magnesium fluoride", mineral: "sellaite", formula: "MgF2", z: 2, ...P42MNM,
    cell: tetragonal(4.6213, 3.0519), sites: rutile("Mg", 0.3028), density: 3.148, densityKind: "measured",
    checkedAgainst: "COD 9007534 for a and x(F) (as converted in the NCrystal data library)",
    reference:
      "W. H. Baur & A. A. Khan, Rutile-type compounds IV, Acta Cryst. B27, 2133 (1971) for a and x(F); c as tabulated for sellaite in the Handbook of Mineralogy; density: CRC Handbook",
    cod: 9007534,
  },
  {
    id: "ZnF2-rutile", name: "zinc fluoride", formula: "ZnF2", z: 2, ...P42MNM,
    cell: tetragonal(4.7048, 3.1338), sites: rutile("Zn", 0.3024), density: 4.949, densityKind: "x-ray computed",
    checkedAgainst: "COD 9007539 (as converted in the NCrystal data library)",
    reference: "W. H. Baur & A. A. Khan, Rutile-type compounds IV, Acta Cryst. B27, 2133 (1971); via COD",
    cod: 9007539,
  },
  {
    id: "MnF2-rutile", name: "manganese(II) fluoride", formula: "MnF2", z: 2, ...P42MNM,
    cell: tetragonal(4.8734, 3.3099), sites: rutile("Mn", 0.305), density: 3.926, densityKind: "x-ray computed",
    reference: "J. W. Stout & S. A. Reed, J. Am. Chem. Soc. 76, 5279 (1954)",
  },
  {
    id: "FeF2-rutile", name: "iron(II) fluoride", formula: "FeF2", z: 2, ...P42MNM,
    cell: tetragonal(4.6966, 3.3091), sites: rutile("Fe", 0.3), density: 4.27, densityKind: "x-ray computed",
    reference: "J. W. Stout & S. A. Reed, J. Am. Chem. Soc. 76, 5279 (1954)",
  },
  {
    id: "CoF2-rutile", name: "cobalt(II) fluoride", formula: "CoF2", z: 2, ...P42MNM,
    cell: tetragonal(4.6951, 3.1796), sites: rutile("Co", 0.306), density: 4.593, densityKind: "x-ray computed",
    reference: "J. W. Stout & S. A. Reed, J. Am. Chem. Soc. 76, 5279 (1954)",
  },
  {
    id: "NiF2-rutile", name: "nickel(II) fluoride", formula: "NiF2", z: 2, ...P42MNM,
    cell: tetragonal(4.6506, 3.0836), sites: rutile("Ni", 0.302), density: 4.815, densityKind: "x-ray computed",
    checkedAgainst: "COD 9009077 (as converted in the NCrystal data library)",
    reference:
      "J. W. Stout & S. A. Reed, J. Am. Chem. Soc. 76, 5279 (1954), as compiled by R. W. G. Wyckoff, Crystal Structures (1963); via COD",
    cod: 9009077,
  },

  // ---- Cubic fluoroperovskites (Pm-3m, A 1a, B 1b, F 3c) ----
  {
    id: "KMgF3-perovskite", name: "potassium magnesium fluoride", mineral: "parascandolaite", formula: "KMgF3", z: 1,
    ...PM3M, cell: cubic(3.9924), temperatureK: 293, sites: perovskite("K", "Mg"), density: 3.142,
    densityKind: "x-ray computed",
    checkedAgainst: "the published abstract (a = 3.9924(2) Å at 293 K)",
    reference:
      "R. H. Mitchell, L. M. D. Cranswick & I. Swainson, Phys. Chem. Minerals 33, 587 (2006), neutron powder data at 293 K",
  },
  {
    id: "KMnF3-perovskite", name: "potassium manganese fluoride", formula: "KMnF3", z: 1, ...PM3M,
    cell: cubic(4.189), sites: perovskite("K", "Mn"), density: 3.412, densityKind: "x-ray computed",
    reference: "K. Knox, Perovskite-like fluorides I, Acta Cryst. 14, 583 (1961)",
    note: "cubic above 186 K; the cell is the room-temperature value",
  },
  {
    id: "KFeF3-perovskite", name: "potassium iron(II) fluoride", formula: "KFeF3", z: 1, ...PM3M,
    cell: cubic(4.121), sites: perovskite("K", "Fe"), density: 3.605, densityKind: "x-ray computed",
    reference: "K. Knox, Perovskite-like fluorides I, Acta Cryst. 14, 583 (1961)",
  },
  {
    id: "KCoF3-perovskite", name: "potassium cobalt(II) fluoride", formula: "KCoF3", z: 1, ...PM3M,
    cell: cubic(4.069), sites: perovskite("K", "Co"), density: 3.821, densityKind: "x-ray computed",
    reference: "K. Knox, Perovskite-like fluorides I, Acta Cryst. 14, 583 (1961)",
  },
  {
    id: "KNiF3-perovskite", name: "potassium nickel(II) fluoride", formula: "KNiF3", z: 1, ...PM3M,
    cell: cubic(4.013), sites: perovskite("K", "Ni"), density: 3.977, densityKind: "x-ray computed",
    reference: "K. Knox, Perovskite-like fluorides I, Acta Cryst. 14, 583 (1961)",
  },
  {
    id: "KZnF3-perovskite", name: "potassium zinc fluoride", formula: "KZnF3", z: 1, ...PM3M,
    cell: cubic(4.055), sites: perovskite("K", "Zn"), density: 4.021, densityKind: "x-ray computed",
    reference: "K. Knox, Perovskite-like fluorides I, Acta Cryst. 14, 583 (1961)",
  },
  {
    id: "RbMnF3-perovskite", name: "rubidium manganese fluoride", formula: "RbMnF3", z: 1, ...PM3M,
    cell: cubic(4.24), sites: perovskite("Rb", "Mn"), density: 4.3, densityKind: "x-ray computed",
    reference: "room-temperature cell of cubic RbMnF3 as tabulated in R. W. G. Wyckoff, Crystal Structures, vol. 2, 2nd ed., Interscience (1964)",
    note: "cell from the compiler's knowledge, not checked against a source (no database copy was found); the density is the X-ray density from that cell, so the density test checks Z only; a given to two decimals (commonly quoted as 4.2396 Å); cubic down to the Néel temperature (≈83 K)",
  },
  {
    id: "RbCaF3-perovskite", name: "rubidium calcium fluoride", formula: "RbCaF3", z: 1, ...PM3M,
    cell: cubic(4.455), sites: perovskite("Rb", "Ca"), density: 3.428, densityKind: "x-ray computed",
    reference: "W. L. W. Ludekens & A. J. E. Welch, Reactions between metal oxides and fluorides: some new double-fluoride structures of type ABF3, Acta Cryst. 5, 841 (1952)",
    note: "cell from the compiler's knowledge, not checked against a source (no database copy was found); the density is the X-ray density from that cell, so the density test checks Z only; the third decimal of a is uncertain; cubic above its transition to a tetragonal phase at ≈194 K",
  },
  {
    id: "CsCaF3-perovskite", name: "caesium calcium fluoride", formula: "CsCaF3", z: 1, ...PM3M,
    cell: cubic(4.52), sites: perovskite("Cs", "Ca"), density: 4.135, densityKind: "x-ray computed",
    reference: "W. L. W. Ludekens & A. J. E. Welch, Reactions between metal oxides and fluorides: some new double-fluoride structures of type ABF3, Acta Cryst. 5, 841 (1952)",
    note: "cell from the compiler's knowledge, not checked against a source (no database copy was found); the density is the X-ray density from that cell, so the density test checks Z only; a given to two decimals",
  },
  {
    id: "BaLiF3-inverse-perovskite", name: "barium lithium fluoride", formula: "BaLiF3", z: 1, ...PM3M,
    cell: cubic(3.995), sites: perovskite("Ba", "Li"), density: 5.242, densityKind: "x-ray computed",
    reference: "W. L. W. Ludekens & A. J. E. Welch, Reactions between metal oxides and fluorides: some new double-fluoride structures of type ABF3, Acta Cryst. 5, 841 (1952)",
    note: "\"inverse\" perovskite: the monovalent Li on the octahedral B site (1b), Ba on the 12-coordinated A site (1a); cell from the compiler's knowledge, not checked against a source (no database copy was found); the density is the X-ray density from that cell, so the density test checks Z only",
  },

  // ---- ReO3-type trifluoride (Pm-3m, M 1a, F 3d) ----
  {
    id: "ScF3-ReO3", name: "scandium fluoride", formula: "ScF3", z: 1, ...PM3M,
    cell: cubic(4.01), sites: reO3("Sc"), density: 2.625, densityKind: "x-ray computed",
    reference:
      "B. K. Greve, K. L. Martin, P. L. Lee, P. J. Chupas, K. W. Chapman & A. P. Wilkinson, Pronounced negative thermal expansion from a simple structure: cubic ScF3, J. Am. Chem. Soc. 132, 15496 (2010)",
    note: "cell from the compiler's knowledge, not checked against a source (no database copy was found); the density is the X-ray density from that cell, so the density test checks Z only; a given to two decimals (room temperature); cubic from ≈10 K to above 1600 K",
  },

  // ---- Layered and framework fluorides ----
  {
    id: "K2NiF4-K2NiF4", name: "potassium tetrafluoronickelate(II)", formula: "K2NiF4", z: 2,
    spaceGroupNumber: 139, spaceGroupSymbol: "I 4/m m m", hallNumber: 424,
    cell: tetragonal(4.006, 13.076),
    sites: [
      site("K", "4e", 0, 0, 0.352),
      site("Ni", "2a", 0, 0, 0),
      site("F", "4c", 0, 0.5, 0),
      site("F", "4e", 0, 0, 0.151),
    ],
    density: 3.369, densityKind: "x-ray computed",
    reference: "D. Balz & K. Plieth, Z. Elektrochem. 59, 545 (1955)",
  },
  {
    id: "KAlF4-TlAlF4", name: "potassium tetrafluoroaluminate", formula: "KAlF4", z: 2,
    spaceGroupNumber: 127, spaceGroupSymbol: "P 4/m b m", hallNumber: 406,
    cell: tetragonal(5.043, 6.164),
    sites: [
      site("K", "2c", 0, 0.5, 0.5),
      site("Al", "2a", 0, 0, 0),
      site("F", "4g", 0.2989, -0.2011, 0),
      site("F", "4e", 0, 0, 0.2842),
    ],
    density: 3.01, densityKind: "x-ray computed",
    checkedAgainst: "COD 1000166",
    reference:
      "J. Nouet, J. Pannetier & J. L. Fourquet, The room-temperature structure of potassium tetrafluoroaluminate, Acta Cryst. B37, 32 (1981); via COD",
    cod: 1000166,
  },
  {
    id: "AlF3-alpha", name: "α-aluminium fluoride", formula: "AlF3", z: 6,
    spaceGroupNumber: 167, spaceGroupSymbol: "R -3 c :H", hallNumber: 460,
    cell: hexagonal(4.9305, 12.4462),
    sites: [site("Al", "6b", 0, 0, 0), site("F", "18e", 0.43, 0, 0.25)],
    density: 3.193, densityKind: "x-ray computed",
    checkedAgainst: "COD 1000467 (cell only)",
    reference:
      "P. Daniel, A. Bulou, M. Rousseau, J. Nouet, J. L. Fourquet, M. Leblanc & R. Burriel, J. Phys.: Condens. Matter 2, 5663 (1990); cell via COD",
    cod: 1000467,
    note: "x(F) given to two decimals (Al–F 1.79 Å, Al–F–Al ≈ 158°); the cell is the cited refinement's",
  },
  {
    id: "Na3AlF6-cryolite", name: "sodium hexafluoroaluminate", mineral: "cryolite", formula: "Na3AlF6", z: 2,
    spaceGroupNumber: 14, spaceGroupSymbol: "P 1 21/n 1", hallNumber: 82,
    cell: { a: 5.4024, b: 5.5959, c: 7.7564, alpha: 90, beta: 90.278, gamma: 90 },
    sites: [
      site("Al", "2a", 0, 0, 0),
      site("Na", "2b", 0, 0, 0.5),
      site("Na", "4e", 0.5133, -0.0519, 0.2474),
      site("F", "4e", 0.1026, 0.0455, 0.2194),
      site("F", "4e", -0.2732, 0.1737, 0.0462),
      site("F", "4e", 0.1634, 0.269, -0.063),
    ],
    density: 2.973, densityKind: "x-ray reported",
    checkedAgainst: "AMCSD 0005118",
    reference:
      "F. C. Hawthorne & R. B. Ferguson, Refinement of the crystal structure of cryolite, Can. Mineral. 13, 377 (1975); via AMCSD 0005118",
  },
  {
    id: "K2SiF6-hieratite", name: "potassium hexafluorosilicate", mineral: "hieratite", formula: "K2SiF6", z: 4,
    ...FM3M, cell: cubic(8.134),
    sites: [site("K", "8c", 0.25, 0.25, 0.25), site("Si", "4a", 0, 0, 0), site("F", "24e", 0.206, 0, 0)],
    density: 2.719, densityKind: "x-ray computed",
    reference: "J. H. Loehlin, Acta Cryst. C40, 570 (1984)",
    note: "x(F) given to three decimals (Si–F 1.68 Å)",
  },
  {
    id: "Ba3AlF9-Ib", name: "barium nonafluoroaluminate, form Ib", formula: "Ba3AlF9", z: 4,
    spaceGroupNumber: 62, spaceGroupSymbol: "P n m a", hallNumber: 292,
    cell: orthorhombic(10.063, 5.567, 14.88),
    sites: [
      site("Ba", "4c", 0.4463, 0.25, 0.3995),
      site("Ba", "4c", 0.3306, 0.25, 0.9577),
      site("Ba", "4c", 0.2343, 0.25, 0.6801),
      site("Al", "4c", 0.0236, 0.25, 0.332),
      site("F", "4c", 0.366, 0.25, 0.2257),
      site("F", "4c", 0.1728, 0.25, 0.4001),
      site("F", "4c", 0.1403, 0.25, 0.849),
      site("F", "8d", 0.1489, -0.0029, 0.044),
      site("F", "8d", 0.4563, 0.0187, 0.0934),
      site("F", "8d", 0.0837, 0.0204, 0.2601),
    ],
    density: 4.86, densityKind: "x-ray reported",
    checkedAgainst: "AMCSD 0012542",
    reference:
      "J. Renaudin, G. Férey, A. de Kozak & M. Samouël, Eur. J. Solid State Inorg. Chem. 28, 373 (1991); via AMCSD 0012542",
    cod: 1000329,
  },
  {
    id: "BeF2-quartz", name: "beryllium fluoride (α-quartz type)", formula: "BeF2", z: 3,
    spaceGroupNumber: 152, spaceGroupSymbol: "P 31 2 1", hallNumber: 441,
    cell: hexagonal(4.739, 5.1875),
    sites: [site("Be", "3a", 0.47, 0, 1 / 3), site("F", "6c", 0.4164, 0.2671, 0.21312)],
    density: 2.321, densityKind: "x-ray computed",
    checkedAgainst: "the NCrystal data library file citing this source",
    reference: "P. Ghalsasi & P. S. Ghalsasi, Inorg. Chem. 50, 86 (2011)",
  },

  // ---- Other binary fluorides and a fluoride chloride ----
  {
    id: "TlF-II", name: "thallium(I) fluoride (TlF-II)", formula: "TlF", z: 4,
    spaceGroupNumber: 57, spaceGroupSymbol: "P b c m", hallNumber: 269,
    cell: orthorhombic(6.09556, 5.4886, 5.183),
    sites: [site("F", "4d", 0.8593, 0.0628, 0.25), site("Tl", "4d", 0.255, 0.0096, 0.25)],
    density: 8.556, densityKind: "x-ray computed",
    checkedAgainst: "the AFLOW Library of Crystallographic Prototypes (Mehl et al. 2017), prototype AB_oP8_57_d_d (cell as a and the ratios b/a, c/a)",
    reference: "P. Berastegui & S. Hull, The crystal structures of thallium(I) fluoride, J. Solid State Chem. 150, 266 (2000)",
    note:
      "distorted rock salt; b and c are a times the compilation's ratios, rounded to 0.1 mÅ; the measurement temperature is not stated in the compilation, which calls this the low-temperature ground state of TlF",
  },
  {
    id: "BiF3-D03", name: "bismuth(III) fluoride, cubic α form", formula: "BiF3", z: 4, ...FM3M,
    cell: cubic(5.853),
    sites: [site("Bi", "4a", 0, 0, 0), site("F", "4b", 0.5, 0.5, 0.5), site("F", "8c", 0.25, 0.25, 0.25)],
    density: 8.811, densityKind: "x-ray computed",
    checkedAgainst: "the AFLOW Library of Crystallographic Prototypes (Mehl et al. 2017), prototype AB3_cF16_225_a_bc (D0_3)",
    reference:
      "F. Hund & R. Fricke, Der Kristallbau von α-BiF3, Z. Anorg. Chem. 258, 198 (1949); O. Hassel & S. Nilssen, Z. Anorg. Chem. 181, 172 (1929)",
    note: "the cubic D0_3 (BiF3-type) form of the early studies; the stable ambient form of BiF3 is orthorhombic (YF3 type)",
  },
  {
    id: "SiF4-molecular", name: "silicon tetrafluoride (solid)", formula: "SiF4", z: 2,
    spaceGroupNumber: 217, spaceGroupSymbol: "I -4 3 m", hallNumber: 513,
    cell: cubic(5.45858),
    sites: [site("Si", "2a", 0, 0, 0), site("F", "8c", 0.165, 0.165, 0.165)],
    density: 2.125, densityKind: "x-ray computed",
    checkedAgainst: "the AFLOW Library of Crystallographic Prototypes (Mehl et al. 2017), prototype A4B_cI10_217_c_a",
    reference: "M. Atoji & W. N. Lipscomb, The structure of SiF4, Acta Cryst. 7, 597 (1954)",
    note:
      "molecular crystal of SiF4 tetrahedra (Si–F 1.56 Å), stable only at low temperature (SiF4 sublimes at −86 °C); the measurement temperature is not recorded in the compilation",
  },
  {
    id: "PbFCl-matlockite", name: "lead fluoride chloride", mineral: "matlockite", formula: "PbFCl", z: 2,
    spaceGroupNumber: 129, spaceGroupSymbol: "P 4/n m m :2", hallNumber: 409,
    cell: tetragonal(4.11, 7.246),
    sites: [site("F", "2a", 0.75, 0.25, 0), site("Cl", "2c", 0.25, 0.25, 0.6497), site("Pb", "2c", 0.25, 0.25, 0.2058)],
    density: 7.099, densityKind: "x-ray computed",
    checkedAgainst: "the AFLOW Library of Crystallographic Prototypes (Mehl et al. 2017), prototype ABC_tP6_129_c_a_c (which cites the study via AMCSD)",
    reference: "M. Pasero & N. Perchiazzi, Crystal structure refinement of matlockite, Mineral. Mag. 60, 833 (1996)",
    note:
      "a mixed-anion fluoride chloride, counted apart from the fluorides; origin choice 2 (centre at the origin); c is a times the compilation's c/a, rounded to 1 mÅ",
  },

  // ---- Rare-earth and yttrium fluorides ----
  {
    id: "LaF3-tysonite", name: "lanthanum fluoride", mineral: "fluocerite-(La)", formula: "LaF3", z: 6,
    spaceGroupNumber: 165, spaceGroupSymbol: "P -3 c 1", hallNumber: 457,
    cell: hexagonal(7.185, 7.351),
    sites: [
      site("La", "6f", 0.66, 0, 0.25),
      site("F", "12g", 0.366, 0.054, 0.081),
      site("F", "4d", 1 / 3, 2 / 3, 0.187),
      site("F", "2a", 0, 0, 0.25),
    ],
    density: 5.939, densityKind: "x-ray computed",
    reference:
      "A. Zalkin & D. H. Templeton, Refinement of the trigonal crystal structure of lanthanum trifluoride with neutron diffraction data, Acta Cryst. B41, 91 (1985)",
    note: "coordinates given to three decimals (two for La x), the precision the compiler is sure of",
  },
  {
    id: "CeF3-tysonite", name: "cerium(III) fluoride", mineral: "fluocerite-(Ce)", formula: "CeF3", z: 6,
    spaceGroupNumber: 165, spaceGroupSymbol: "P -3 c 1", hallNumber: 457,
    cell: hexagonal(7.131, 7.286),
    sites: [
      site("Ce", "6f", 0.6607, 0, 0.25),
      site("F", "12g", 0.3659, 0.054, 0.0824),
      site("F", "4d", 1 / 3, 2 / 3, 0.1871),
      site("F", "2a", 0, 0, 0.25),
    ],
    density: 6.121, densityKind: "x-ray reported",
    checkedAgainst: "AMCSD 0009548",
    reference:
      "A. K. Cheetham, B. E. F. Fender, H. Fuess & A. F. Wright, A powder neutron diffraction study of lanthanum and cerium trifluorides, Acta Cryst. B32, 94 (1976); via AMCSD 0009548",
  },
  {
    id: "YF3-betaYF3", name: "yttrium fluoride", formula: "YF3", z: 4,
    spaceGroupNumber: 62, spaceGroupSymbol: "P n m a", hallNumber: 292,
    cell: orthorhombic(6.353, 6.85, 4.393),
    sites: [
      site("Y", "4c", 0.367, 0.25, 0.058),
      site("F", "4c", 0.522, 0.25, 0.584),
      site("F", "8d", 0.165, 0.06, 0.363),
    ],
    density: 5.069, densityKind: "x-ray computed",
    reference: "A. Zalkin & D. H. Templeton, The crystal structures of YF3 and related compounds, J. Am. Chem. Soc. 75, 2453 (1953)",
  },
  {
    id: "LiYF4-scheelite", name: "lithium yttrium fluoride (YLF)", formula: "LiYF4", z: 4,
    spaceGroupNumber: 88, spaceGroupSymbol: "I 41/a :1", hallNumber: 364,
    cell: tetragonal(5.1668, 10.733),
    sites: [
      site("Li", "4a", 0, 0, 0),
      site("Y", "4b", 0, 0, 0.5),
      site("F", "16f", 0.2821, 0.1642, 0.0815),
    ],
    density: 3.984, densityKind: "x-ray computed",
    reference: "E. Garcia & R. R. Ryan, Structure of the laser host material LiYF4, Acta Cryst. C49, 2053 (1993)",
    note: "origin choice 1 (Li on -4 at the origin), as in the source",
  },

  // ---- Chlorides, for comparison with the fluorides ----
  {
    id: "NaCl-halite", name: "sodium chloride", mineral: "halite", formula: "NaCl", z: 4, ...FM3M,
    cell: cubic(5.6402), sites: rockSalt("Na", "Cl"), density: 2.165, densityKind: "measured",
    reference: `${NBS} (Swanson & Fuyat, 1953); density: CRC Handbook`,
  },
  {
    id: "KCl-sylvite", name: "potassium chloride", mineral: "sylvite", formula: "KCl", z: 4, ...FM3M,
    cell: cubic(6.2931), sites: rockSalt("K", "Cl"), density: 1.988, densityKind: "measured",
    reference: `${NBS} (Swanson & Tatge, 1953); density: CRC Handbook`,
  },
  {
    id: "LiCl-rocksalt", name: "lithium chloride", formula: "LiCl", z: 4, ...FM3M,
    cell: cubic(5.1295), sites: rockSalt("Li", "Cl"), density: 2.086, densityKind: "x-ray computed",
    reference: `${NBS} (Swanson & Tatge, 1953)`,
  },
  {
    id: "RbCl-rocksalt", name: "rubidium chloride", formula: "RbCl", z: 4, ...FM3M,
    cell: cubic(6.581), sites: rockSalt("Rb", "Cl"), density: 2.818, densityKind: "x-ray computed",
    reference: `${NBS}`,
  },
  {
    id: "AgCl-chlorargyrite", name: "silver chloride", mineral: "chlorargyrite", formula: "AgCl", z: 4, ...FM3M,
    cell: cubic(5.5491), sites: rockSalt("Ag", "Cl"), density: 5.56, densityKind: "measured",
    reference: `${NBS}; density: CRC Handbook`,
  },
  {
    id: "SrCl2-fluorite", name: "strontium chloride", formula: "SrCl2", z: 4, ...FM3M,
    cell: cubic(6.9767), sites: fluorite("Sr", "Cl"), density: 3.101, densityKind: "x-ray computed",
    reference: `${NBS}`,
  },
  {
    id: "CuCl-nantokite", name: "copper(I) chloride", mineral: "nantokite", formula: "CuCl", z: 4,
    spaceGroupNumber: 216, spaceGroupSymbol: "F -4 3 m", hallNumber: 512,
    cell: cubic(5.4057), sites: [site("Cu", "4a", 0, 0, 0), site("Cl", "4c", 0.25, 0.25, 0.25)],
    density: 4.163, densityKind: "x-ray computed",
    reference: `${NBS} (zinc-blende γ-CuCl)`,
  },
  {
    id: "CsCl-CsCl", name: "caesium chloride", formula: "CsCl", z: 1, ...PM3M,
    cell: cubic(4.123), sites: [site("Cs", "1a", 0, 0, 0), site("Cl", "1b", 0.5, 0.5, 0.5)],
    density: 3.988, densityKind: "measured",
    reference: `${NBS} (Swanson & Fuyat, 1953); density: CRC Handbook`,
  },
  {
    id: "TlCl-CsCl", name: "thallium(I) chloride", formula: "TlCl", z: 1, ...PM3M,
    cell: cubic(3.834), sites: [site("Tl", "1a", 0, 0, 0), site("Cl", "1b", 0.5, 0.5, 0.5)],
    density: 7.066, densityKind: "x-ray computed",
    reference: `${NBS}`,
  },
];
