import { type Lattice, latticeFromParameters } from "./lattice";
import { matMul, type Mat3 } from "./vector";

/** A modest triclinic cell (4.1, 5.3, 6.2 Å; 80°, 95°, 105°). */
export const triclinicCell = (): Lattice =>
  latticeFromParameters({ a: 4.1, b: 5.3, c: 6.2, alpha: 80, beta: 95, gamma: 105 });

/** Unimodular change of basis that turns a good cell into a very skewed one with the same points. */
export const SKEWING: Mat3 = [[1, 0, 0], [4, 1, 0], [-3, 2, 1]];

/** The triclinic cell's lattice in a badly skewed basis (b' = 4a + b, c' = −3a + 2b + c). */
export const skewedCell = (): Lattice => matMul(SKEWING, triclinicCell());
