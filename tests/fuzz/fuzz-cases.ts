import { CIF_MUTATIONS, POSCAR_MUTATIONS } from "./format-mutations";
import { JSON_MUTATIONS } from "./json-mutations";
import { createPrng } from "./prng";
import type { SeedFile, SeedFormat } from "./seed-files";
import { type Mutation, TEXT_MUTATIONS } from "./text-mutations";

export interface FuzzCase {
  /** Seed and index: enough to regenerate this case alone. */
  id: string;
  seedFile: string;
  mutations: string[];
  text: string;
  /** What the reader is told: the upload's file name, a wrong one, or nothing (content decides). */
  filename: string | undefined;
}

/**
 * Stacked mutations can multiply a file's size (a long token on a line repeated thousands of times,
 * the whole repeated); past this the case only tests the size limit, and building it costs seconds.
 */
const MAX_CASE_CHARS = 8_000_000;

const MUTATIONS_BY_FORMAT: Record<SeedFormat, Mutation[]> = {
  cif: [...TEXT_MUTATIONS, ...CIF_MUTATIONS],
  "cif-symmetric": [...TEXT_MUTATIONS, ...CIF_MUTATIONS],
  poscar: [...TEXT_MUTATIONS, ...POSCAR_MUTATIONS],
  // JSON-aware mutations twice over: text damage mostly ends at "not valid JSON".
  json: [...TEXT_MUTATIONS, ...JSON_MUTATIONS, ...JSON_MUTATIONS],
};

/**
 * `count` cases from the seed files of one format: each applies one to three mutations to a seed
 * (later ones on the already damaged text). The generator draws only on its own `seed`, so the
 * cases are the same on every run whatever the reader did with earlier ones; they are made one at
 * a time so that a run does not hold megabytes of damaged files (and their garbage collection).
 */
export function* fuzzCases(seeds: SeedFile[], count: number, seed: number): Generator<FuzzCase> {
  const rng = createPrng(seed);
  for (let i = 0; i < count; i++) {
    const seedFile = rng.pick(seeds);
    const pool = MUTATIONS_BY_FORMAT[seedFile.format];
    let text = seedFile.text;
    const names: string[] = [];
    const n = 1 + (rng.chance(0.35) ? 1 + rng.int(2) : 0);
    for (let k = 0; k < n; k++) {
      const m = rng.pick(pool);
      let next: string;
      try {
        next = m.apply(text, rng);
      } catch {
        // A structural JSON mutation needs valid JSON; after a text mutation it has none to work on.
        continue;
      }
      if (next.length > MAX_CASE_CHARS) continue;
      text = next;
      names.push(m.name);
    }
    const r = rng.next();
    const filename = r < 0.7 ? seedFile.filename : r < 0.9 ? undefined : rng.pick(["x.cif", "POSCAR", "x.json", "x.txt", "CONTCAR_7", "cif"]);
    yield { id: `${seed}#${i}`, seedFile: `${seedFile.id} (${seedFile.format})`, mutations: names, text, filename };
  }
}
