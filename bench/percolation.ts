/**
 * Times BVSE framework percolation (energy grid + exact periodic connectivity) at 0.2 and 0.1 Å.
 * Targets: < 1 s at 0.2 Å and < 10 s at 0.1 Å for cells up to 1000 Å³ on one core.
 *
 *   npx tsx bench/percolation.ts
 */
import { BvseField } from "../lib/energy/bvse";
import { gridPercolation } from "../lib/energy/grid-percolation";
import { bvsePercolationBarriers } from "../lib/energy/percolation";
import { latticeFromParameters, latticeVolume } from "../lib/structure/lattice";
import { caF2, liF } from "../lib/structure/reference-crystals";
import type { Structure } from "../lib/structure/structure";
import { makeSupercell } from "../lib/structure/supercell";
import { expandAsymmetricUnit } from "../lib/symmetry/expand";
import { spaceGroupFromNumber } from "../lib/symmetry/space-groups";

const OX: Record<string, number> = { Ca: 2, La: 3, Li: 1, F: -1, Cl: -1 };
const withOx = (s: Structure): Structure => ({ ...s, sites: s.sites.map((x) => ({ ...x, oxidationState: OX[x.species] })) });

// Tysonite LaF3 (P-3c1; cell of Zalkin & Templeton 1985, tysonite positions of Cheetham et al. 1976).
const laF3 = expandAsymmetricUnit(
  latticeFromParameters({ a: 7.185, b: 7.185, c: 7.351, alpha: 90, beta: 90, gamma: 120 }),
  spaceGroupFromNumber(165).operations,
  [
    { species: "La", frac: [0.6607, 0, 0.25] },
    { species: "F", frac: [0.3659, 0.054, 0.0824] },
    { species: "F", frac: [1 / 3, 2 / 3, 0.1871] },
    { species: "F", frac: [0, 0, 0.25] },
  ],
);

// A synthetic worst case for the Coulomb part: a 2×2×1 fluorite supercell (652 Å³) in which every
// other F is relabelled Cl, so that 32 same-sign framework anions remain after removing F.
const mixed = makeSupercell(caF2(), [2, 2, 1]);
let flip = 0;
mixed.sites = mixed.sites.map((s) => (s.species === "F" && flip++ % 2 === 0 ? { ...s, species: "Cl" } : s));

const cases: [string, Structure][] = [
  ["CaF2", caF2()],
  ["LiF", liF(4.027)],
  ["LaF3", laF3],
  ["LaF3 1×1×3", makeSupercell(laF3, [1, 1, 3])],
  ["Ca(F,Cl)2 2×2×1 (synthetic)", mixed],
];

/** CPU seconds of this process (user + system): meaningful also when other work shares the cores. */
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

for (const [name, structure] of cases) {
  for (const spacing of [0.2, 0.1]) {
    const s = withOx(structure);
    const options = { mobileSpecies: "F", mobileOxidationState: -1, gridSpacingA: spacing };
    const wall0 = performance.now(), cpu0 = cpuSeconds();
    const r = bvsePercolationBarriers(s, options);
    const wall = (performance.now() - wall0) / 1000, cpu = cpuSeconds() - cpu0;
    // The two stages again, separately, for where the time goes.
    const c0 = cpuSeconds();
    const energies = new BvseField(s, { ...options, mode: "framework" }).energyGrid(r.gridShape);
    const c1 = cpuSeconds();
    gridPercolation(energies, r.gridShape);
    const c2 = cpuSeconds();
    console.log(
      [
        name.padEnd(28),
        `V=${latticeVolume(structure.lattice).toFixed(0).padStart(5)} Å³`,
        `${structure.sites.length.toString().padStart(3)} sites`,
        `h=${spacing} Å`,
        `grid ${r.gridShape.join("×").padEnd(11)}`,
        `E1D=${r.barrier1dEv.toFixed(3)} E2D=${r.barrier2dEv.toFixed(3)} E3D=${r.barrier3dEv.toFixed(3)} eV`,
        `wall ${wall.toFixed(2)} s, cpu ${cpu.toFixed(2)} s (field ${(c1 - c0).toFixed(2)}, percolation ${(c2 - c1).toFixed(2)})`,
      ].join("  "),
    );
  }
}
