import type { Incar } from "./incar";

/**
 * The MIT high-throughput settings (Jain et al., Comput. Mater. Sci. 50, 2295 (2011)) as pymatgen's
 * MITRelaxSet / MITNEBSet define them, which the original workflow used for its NEB inputs. Values
 * are transcribed from pymatgen's MITRelaxSet.yaml; where hopscape departs from them the reason is
 * given at the value.
 */

/** PBE PAW POTCAR of each element in the MIT set (the fewer-electron choices of its time). */
export const MIT_POTCAR_SYMBOLS: Readonly<Record<string, string>> = {
  Ac: "Ac", Ag: "Ag", Al: "Al", Ar: "Ar", As: "As", Au: "Au", B: "B", Ba: "Ba_sv", Be: "Be", Bi: "Bi",
  Br: "Br", C: "C", Ca: "Ca_sv", Cd: "Cd", Ce: "Ce", Cl: "Cl", Co: "Co", Cr: "Cr", Cs: "Cs_sv", Cu: "Cu",
  Dy: "Dy_3", Er: "Er_3", Eu: "Eu", F: "F", Fe: "Fe", Ga: "Ga", Gd: "Gd", Ge: "Ge", H: "H", He: "He",
  Hf: "Hf", Hg: "Hg", Ho: "Ho_3", I: "I", In: "In", Ir: "Ir", K: "K_sv", Kr: "Kr", La: "La", Li: "Li",
  Lu: "Lu_3", Mg: "Mg", Mn: "Mn", Mo: "Mo_pv", N: "N", Na: "Na", Nb: "Nb_pv", Nd: "Nd", Ne: "Ne", Ni: "Ni",
  Np: "Np", O: "O", Os: "Os", P: "P", Pa: "Pa", Pb: "Pb", Pd: "Pd", Pm: "Pm", Pr: "Pr", Pt: "Pt",
  Pu: "Pu", Rb: "Rb_pv", Re: "Re", Rh: "Rh", Ru: "Ru_pv", S: "S", Sb: "Sb", Sc: "Sc_sv", Se: "Se", Si: "Si",
  Sm: "Sm_3", Sn: "Sn_d", Sr: "Sr_sv", Ta: "Ta", Tb: "Tb_3", Tc: "Tc", Te: "Te", Th: "Th", Ti: "Ti", Tl: "Tl",
  Tm: "Tm_3", U: "U", V: "V_pv", W: "W_pv", Xe: "Xe", Y: "Y_sv", Yb: "Yb", Zn: "Zn", Zr: "Zr",
};

/** Initial magnetic moments (μB) of pymatgen's VASP base set by element; every other element starts at 0.6. */
export const MIT_MAGMOM: Readonly<Record<string, number>> = {
  Ce: 5, Co: 0.6, Cr: 5, Eu: 10, Fe: 5, Mn: 5, Mo: 5, Ni: 5, V: 5, W: 5,
};
export const DEFAULT_MAGMOM = 0.6;

export function potcarSymbol(element: string): string {
  const symbol = MIT_POTCAR_SYMBOLS[element];
  if (!symbol) throw new Error(`the MIT set has no POTCAR for ${element}`);
  return symbol;
}

/**
 * The electronic and general tags every calculation of the export shares: MITRelaxSet's values, with
 * these departures, each because the export is a fixed-cell supercell calculation started from nothing:
 * ISIF = 2 (MIT relaxes the cell with 3; an NEB and its end points must keep the supercell fixed),
 * ICHARG left out (MIT reads a CHGCAR with 1; there is none), ISMEAR = 0 with SIGMA = 0.05 (MIT's
 * tetrahedron method −5 needs several k-points, and a large supercell may have a Gamma-only grid),
 * LDAU = .FALSE. (as MITNEBSet sets it) and LCHARG = .FALSE. (as MITNEBSet).
 */
export const MIT_BASE_INCAR: Readonly<Incar> = {
  PREC: "Accurate",
  ALGO: "Fast",
  ENCUT: 520,
  EDIFF: 1e-5,
  NELM: 200,
  NELMIN: 6,
  ISMEAR: 0,
  SIGMA: 0.05,
  ISPIN: 2,
  LREAL: "Auto",
  LWAVE: false,
  LCHARG: false,
  LORBIT: 11,
  LDAU: false,
  ISYM: 0,
  ISIF: 2,
};
