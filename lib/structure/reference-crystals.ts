/**
 * Small reference crystals with published cell parameters, for tests and examples.
 * Each is expanded to the full conventional cell by its centring translations; site order is
 * the order of the listed positions, then of the translations.
 */
import { latticeFromParameters, wrapFrac } from "./lattice";
import type { Site, Structure } from "./structure";
import type { Vec3 } from "./vector";

type Orbit = { species: string; positions: Vec3[] };

const FCC: Vec3[] = [[0, 0, 0], [0, 0.5, 0.5], [0.5, 0, 0.5], [0.5, 0.5, 0]];
const BODY: Vec3[] = [[0, 0, 0], [0.5, 0.5, 0.5]];
const NONE: Vec3[] = [[0, 0, 0]];

function expand(orbits: Orbit[], translations: Vec3[]): Site[] {
  const sites: Site[] = [];
  for (const { species, positions } of orbits) {
    for (const p of positions) {
      for (const t of translations) {
        sites.push({ species, frac: wrapFrac([p[0] + t[0], p[1] + t[1], p[2] + t[2]]) });
      }
    }
  }
  return sites;
}

const cubic = (a: number) => latticeFromParameters({ a, b: a, c: a, alpha: 90, beta: 90, gamma: 90 });

/** Fluorite CaF2, Fm-3m, a = 5.4626 Å (ICSD/Materials Project experimental cell). */
export const caF2 = (a = 5.4626): Structure => ({
  lattice: cubic(a),
  sites: expand([
    { species: "Ca", positions: [[0, 0, 0]] },
    { species: "F", positions: [[0.25, 0.25, 0.25], [0.75, 0.75, 0.75]] },
  ], FCC),
});

/** Rock-salt LiF, Fm-3m, a = 4.0263 Å (Wyckoff, Crystal Structures vol. 1). */
export const liF = (a = 4.0263): Structure => ({
  lattice: cubic(a),
  sites: expand([
    { species: "Li", positions: [[0, 0, 0]] },
    { species: "F", positions: [[0.5, 0.5, 0.5]] },
  ], FCC),
});

/** Cubic perovskite KMgF3, Pm-3m, a = 3.973 Å. */
export const kMgF3 = (a = 3.973): Structure => ({
  lattice: cubic(a),
  sites: expand([
    { species: "K", positions: [[0.5, 0.5, 0.5]] },
    { species: "Mg", positions: [[0, 0, 0]] },
    { species: "F", positions: [[0.5, 0, 0], [0, 0.5, 0], [0, 0, 0.5]] },
  ], NONE),
});

/** K2NiF4, I4/mmm, a = 4.006 Å, c = 13.076 Å, z(K) = 0.352, z(F2) = 0.151 (Balz & Plieth 1955). */
export const k2NiF4 = (): Structure => {
  const zK = 0.352, zF = 0.151;
  return {
    lattice: latticeFromParameters({ a: 4.006, b: 4.006, c: 13.076, alpha: 90, beta: 90, gamma: 90 }),
    sites: expand([
      { species: "K", positions: [[0, 0, zK], [0, 0, -zK]] },
      { species: "Ni", positions: [[0, 0, 0]] },
      { species: "F", positions: [[0, 0.5, 0], [0.5, 0, 0], [0, 0, zF], [0, 0, -zF]] },
    ], BODY),
  };
};

/**
 * Cryolite Na3AlF6 in its cubic high-temperature (elpasolite-type) form, Fm-3m, a = 7.96 Å;
 * x(F) = 0.226 puts Al–F at 1.80 Å, the Al–F bond length of the monoclinic room-temperature phase.
 */
export const na3AlF6Cubic = (a = 7.96, xF = 0.226): Structure => ({
  lattice: cubic(a),
  sites: expand([
    { species: "Na", positions: [[0.5, 0.5, 0.5], [0.25, 0.25, 0.25], [0.75, 0.75, 0.75]] },
    { species: "Al", positions: [[0, 0, 0]] },
    { species: "F", positions: [[xF, 0, 0], [-xF, 0, 0], [0, xF, 0], [0, -xF, 0], [0, 0, xF], [0, 0, -xF]] },
  ], FCC),
});

/**
 * LaF3 composition in the cubic BiF3 (D0₃) type, Fm-3m, a = 5.9 Å: not the tysonite ground state,
 * but La has the 8+6 fluorine coordination of a trivalent fluoride at reasonable distances.
 */
export const laF3Cubic = (a = 5.9): Structure => ({
  lattice: cubic(a),
  sites: expand([
    { species: "La", positions: [[0, 0, 0]] },
    { species: "F", positions: [[0.25, 0.25, 0.25], [0.75, 0.75, 0.75], [0.5, 0.5, 0.5]] },
  ], FCC),
});

/**
 * Magnetite Fe3O4, inverse spinel Fd-3m (origin choice 2), a = 8.396 Å, O at 32e with u = 0.2549:
 * Fe³⁺ on the tetrahedral 8a sites, Fe²⁺/Fe³⁺ shared on the octahedral 16d sites.
 * Sites: 8 tetrahedral Fe, then 16 octahedral Fe, then 32 O.
 */
export const fe3O4 = (a = 8.396, u = 0.2549): Structure => {
  const tet: Vec3[] = [[1 / 8, 1 / 8, 1 / 8], [7 / 8, 3 / 8, 3 / 8]];
  const oct: Vec3[] = [[0.5, 0.5, 0.5], [0.25, 0.75, 0], [0.75, 0, 0.25], [0, 0.25, 0.75]];
  const tetAll = expand([{ species: "Fe", positions: tet }], FCC);
  // Ideal cubic-close-packed O: quarter-grid points with odd index sum. Each has one tetrahedral
  // Fe at (±1/8, ±1/8, ±1/8); u > 1/4 pushes O away from it along that ⟨111⟩ direction.
  const oxygen: Vec3[] = [];
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) for (let k = 0; k < 4; k++) {
    if ((i + j + k) % 2 === 0) continue;
    const p: Vec3 = [i / 4, j / 4, k / 4];
    const d = tetAll
      .map((t) => t.frac.map((x, n) => p[n] - x - Math.round(p[n] - x)) as Vec3)
      .find((v) => v.every((x) => Math.abs(Math.abs(x) - 1 / 8) < 1e-9))!;
    oxygen.push(p.map((x, n) => x + Math.sign(d[n]) * (u - 0.25)) as Vec3);
  }
  return {
    lattice: cubic(a),
    sites: [...tetAll, ...expand([{ species: "Fe", positions: oct }], FCC), ...oxygen.map((f) => ({ species: "O", frac: wrapFrac(f) }))],
  };
};
