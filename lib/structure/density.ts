import { atomicMass } from "../elements/elements";
import { latticeVolume } from "./lattice";
import type { Structure } from "./structure";

// 1 u = 1.66053906660e-24 g (CODATA 2018) and 1 Å³ = 1e-24 cm³, so u/Å³ → g/cm³ is this factor.
const U_PER_A3_IN_G_PER_CM3 = 1.6605390666;

/** Mass of the cell's contents in u, from IUPAC standard atomic weights. */
export const cellMassU = (structure: Structure): number =>
  structure.sites.reduce((m, site) => m + atomicMass(site.species), 0);

/** Density in g/cm³. */
export const densityGPerCm3 = (structure: Structure): number =>
  (cellMassU(structure) / latticeVolume(structure.lattice)) * U_PER_A3_IN_G_PER_CM3;
