import type { Pathway } from "../pathways/distinct-hops";
import { axisMultipliers } from "../pathways/supercell-sizes";
import type { Lattice } from "../structure/lattice";
import { inverseLattice } from "../structure/lattice";
import type { Structure } from "../structure/structure";
import type { Vec3 } from "../structure/vector";
import { vecMat } from "../structure/vector";

/**
 * A supercell with one hop in it: the moving ion is atom 0, the two sites of the hop are otherwise
 * empty (the ion's own vacancy and the site it moves into), every other atom appears once.
 * Positions are Cartesian, Å; `start` and `end` differ only in atom 0. The cell is shifted so the
 * hop's midpoint sits at the supercell's centre, and the static atoms are wrapped into the cell,
 * which keeps the whole band well inside it.
 */
export interface HopSupercell {
  lattice: Lattice;
  multipliers: [number, number, number];
  species: string[];
  start: Vec3[];
  end: Vec3[];
}

/**
 * Multipliers follow the original workflow's rule floor(L/|a_i|) + 1 per axis (lib/pathways/
 * supercell-sizes.ts), so this cell holds exactly nsites_777 − 1 atoms for L = 7 Å.
 */
export function buildHopSupercell(s: Structure, hop: Pathway, minLengthA: number, tolA: number): HopSupercell {
  const m = axisMultipliers(s.lattice, minLengthA);
  const lattice = s.lattice.map((v, i) => [v[0] * m[i], v[1] * m[i], v[2] * m[i]]) as Lattice;
  const inv = inverseLattice(lattice);
  const hopVec: Vec3 = [hop.endCart[0] - hop.startCart[0], hop.endCart[1] - hop.startCart[1], hop.endCart[2] - hop.startCart[2]];
  const centre = vecMat([0.5, 0.5, 0.5], lattice);
  const shift: Vec3 = [centre[0] - hop.midpointCart[0], centre[1] - hop.midpointCart[1], centre[2] - hop.midpointCart[2]];
  const ionStart: Vec3 = [hop.startCart[0] + shift[0], hop.startCart[1] + shift[1], hop.startCart[2] + shift[2]];
  let ionEnd: Vec3 = [ionStart[0] + hopVec[0], ionStart[1] + hopVec[1], ionStart[2] + hopVec[2]];
  const hopEnd = ionEnd;

  const species: string[] = [s.sites[hop.startSite].species];
  const start: Vec3[] = [ionStart];
  const end: Vec3[] = [ionEnd];
  let removed = 0;
  for (let a = 0; a < m[0]; a++) {
    for (let b = 0; b < m[1]; b++) {
      for (let c = 0; c < m[2]; c++) {
        for (const site of s.sites) {
          const cart = vecMat([site.frac[0] + a, site.frac[1] + b, site.frac[2] + c], s.lattice);
          const x: Vec3 = [cart[0] + shift[0], cart[1] + shift[1], cart[2] + shift[2]];
          if (nearImage(lattice, inv, x, ionStart, tolA)) {
            removed++;
            continue;
          }
          if (nearImage(lattice, inv, x, hopEnd, tolA)) {
            // The end image is the crystal's own site, not start + hop vector, which carries round-off.
            ionEnd = closestImage(lattice, inv, x, hopEnd);
            removed++;
            continue;
          }
          const f = vecMat(x, inv).map((v) => v - Math.floor(v)) as Vec3;
          const w = vecMat(f, lattice);
          species.push(site.species);
          start.push(w);
          end.push(w);
        }
      }
    }
  }
  if (removed !== 2) {
    throw new Error(`the hop's end sites were found ${removed} times in the supercell, not twice: cell too small for this hop`);
  }
  end[0] = ionEnd;
  return { lattice, multipliers: m, species, start, end };
}

function closestImage(lattice: Lattice, inv: Lattice, x: Vec3, y: Vec3): Vec3 {
  const d = vecMat([x[0] - y[0], x[1] - y[1], x[2] - y[2]], inv).map((v) => v - Math.round(v)) as Vec3;
  const c = vecMat(d, lattice);
  return [y[0] + c[0], y[1] + c[1], y[2] + c[2]];
}

function nearImage(lattice: Lattice, inv: Lattice, x: Vec3, y: Vec3, tolA: number): boolean {
  const d = vecMat([x[0] - y[0], x[1] - y[1], x[2] - y[2]], inv).map((v) => v - Math.round(v)) as Vec3;
  const c = vecMat(d, lattice);
  return Math.hypot(c[0], c[1], c[2]) < tolA;
}
