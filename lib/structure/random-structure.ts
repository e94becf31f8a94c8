import type { Lattice } from "./lattice";
import type { Structure } from "./structure";

/** Small deterministic generator (mulberry32) so that randomised tests are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` sites at random fractional positions (some outside [0, 1) on purpose), species cycling. */
export function randomStructure(lattice: Lattice, n: number, seed: number, species = ["Ca", "F", "F"]): Structure {
  const rnd = seededRandom(seed);
  return {
    lattice,
    sites: Array.from({ length: n }, (_, i) => ({
      species: species[i % species.length],
      frac: [rnd() * 3 - 1, rnd() * 3 - 1, rnd() * 3 - 1],
    })),
  };
}
