import type { NebFlavour } from "./neb-export";

export interface NebReadmeFacts {
  title: string;
  flavour: NebFlavour;
  images: number;
  midpoint: number;
  order: string[];
  counts: number[];
  potcars: string[];
  grid: [number, number, number];
  density: number;
}

/** The README of an export: what each folder is, how to run it, and what the settings assume. */
export function nebReadme(f: NebReadmeFacts): string {
  const last = String(f.images + 1).padStart(2, "0");
  const composition = f.order.map((el, i) => `${el}${f.counts[i]}`).join(" ");
  const optimiser =
    f.flavour === "vtst"
      ? "The NEB INCAR uses the VTST Tools optimisers (IBRION = 3, POTIM = 0, IOPT = 3, ICHAIN = 0): it needs a VASP\n" +
        "compiled with VTST. LCLIMB is not written: VTST turns the climbing image on by default; add\n" +
        "LCLIMB = .FALSE. to run a plain NEB. Without VTST, export with the \"vasp\" flavour (IBRION = 1)."
      : "The NEB INCAR uses VASP's own NEB and its quasi-Newton optimiser (IBRION = 1), as pymatgen's\n" +
        "MITNEBSet writes it. Plain VASP has no climbing image (LCLIMB is a VTST tag).";
  return `# VASP inputs: ${f.title}

Supercell ${composition} (${f.counts.reduce((a, b) => a + b, 0)} atoms), one fluoride-ion hop, written by hopscape.

## Folders
- \`neb/\`: the nudged-elastic-band calculation. \`00\` and \`${last}\` are the end points, \`01\` .. \`${String(f.images).padStart(2, "0")}\`
  the ${f.images} IDPP-interpolated images; INCAR, KPOINTS and POTCAR.spec are shared. Run VASP in \`neb/\`
  with a number of MPI ranks divisible by IMAGES = ${f.images}.
- \`single-points/start\`, \`single-points/midpoint\`, \`single-points/end\`: the original workflow's rough
  barrier, three static calculations (NSW = 0) of the start, the middle image (band image
  ${String(f.midpoint).padStart(2, "0")}, image ceil((N+1)/2)) and the end. The rough barrier is E(midpoint) − E(start).
  Their OUTCARs also give the end-point energies an NEB analysis needs: copy \`start/OUTCAR\` to \`neb/00/\`
  and \`end/OUTCAR\` to \`neb/${last}/\`.

## POTCAR
No POTCAR files are included (they are licensed with VASP). \`POTCAR.spec\` lists the PBE PAW potentials
of the MIT set, one per line in POSCAR species order: ${f.order.map((el, i) => `${el} → ${f.potcars[i]}`).join(", ")}.
Build the POTCAR by concatenating them in that order, e.g.
\`for p in $(cat POTCAR.spec); do cat $VASP_PP_PATH/potpaw_PBE/$p/POTCAR; done > POTCAR\`.

## Settings
MIT high-throughput settings (pymatgen MITRelaxSet / MITNEBSet): ENCUT = 520 eV, EDIFF = 1E-05 (not per atom),
PREC = Accurate, ALGO = Fast, spin-polarised with MIT's initial moments. Departures, all because this is
a fixed supercell started from scratch: ISIF = 2 (the cell must not change), no ICHARG (there is no
CHGCAR to read), ISMEAR = 0 with SIGMA = 0.05 (the tetrahedron method needs more k-points than a large
supercell may have), no +U (as MITNEBSet). The NEB stops when all forces are below 0.05 eV/Å (EDIFFG = -0.05).

${optimiser}

## k-points
Gamma-centred ${f.grid.join(" × ")} grid: n_i = max(1, ceil(${f.density} Å / |a_i|)) for each supercell vector a_i.

## Atom order
Species are grouped in the order ${f.order.join(", ")}, the same in every POSCAR; the moving ion is atom 1.
hopscape checks returned vasprun.xml / OUTCAR files against this order and count before reading energies.
`;
}
