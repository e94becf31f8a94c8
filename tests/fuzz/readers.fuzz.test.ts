import { describe, expect, it } from "vitest";
import { isElement } from "../../lib/elements/elements";
import { readNamedStructures } from "../../lib/io/read-structure";
import { latticeVolume } from "../../lib/structure/lattice";
import type { Structure } from "../../lib/structure/structure";
import { type FuzzCase, fuzzCases } from "./fuzz-cases";
import { unclearErrorReason } from "./readable-error";
import { type SeedFormat, seedFiles } from "./seed-files";

/**
 * Thousands of damaged library files through the readers: each must give structures that hold
 * together or a clear error (tests/fuzz/readable-error.ts), each within the time budget, none may
 * crash or hang. HOPSCAPE_FUZZ_SEED explores other cases; the default seed is what CI runs.
 */
const SEED = Number(process.env.HOPSCAPE_FUZZ_SEED ?? 20240611);
const CASES_PER_FORMAT = 750;
/**
 * Time allowed per file: 200 ms, plus 200 ms per megabyte, as reading is linear in the size and some
 * cases are megabytes long. A reader doing super-linear work on a 100 000-character token or
 * expanding an unbounded cell takes seconds, far past it.
 */
const budgetMs = (text: string) => 200 + (200 * text.length) / 1e6;

/** Why a returned structure is not one the pipeline can take, or undefined. */
function badStructureReason(s: Structure): string | undefined {
  if (!s.lattice.flat().every(Number.isFinite)) return "non-finite lattice";
  const v = latticeVolume(s.lattice);
  if (!(v >= 1)) return `lattice volume ${v} Å³`;
  if (s.sites.length === 0) return "no sites";
  if (s.sites.length > 500) return `${s.sites.length} sites, over the default limit of 500`;
  for (const site of s.sites) {
    if (!isElement(site.species)) return `unknown element ${site.species}`;
    if (!site.frac.every((x) => Number.isFinite(x))) return `non-finite coordinate of ${site.species}`;
  }
  return undefined;
}

interface Finding {
  case: string;
  seedFile: string;
  mutations: string[];
  problem: string;
}

/** One reading of the case: what went wrong (undefined when nothing did) and how long it took. */
function readOnce(c: FuzzCase): { problem: string | undefined; ms: number } {
  const t0 = performance.now();
  let problem: string | undefined;
  try {
    const named = readNamedStructures(c.text, c.filename);
    if (named.length === 0) problem = "no structures and no error";
    for (const n of named) problem ??= badStructureReason(n.structure);
  } catch (e) {
    problem = unclearErrorReason(e);
  }
  return { problem, ms: performance.now() - t0 };
}

function runCase(c: FuzzCase): Finding | undefined {
  const finding = (problem: string) => ({ case: c.id, seedFile: c.seedFile, mutations: c.mutations, problem });
  const first = readOnce(c);
  if (first.problem) return finding(first.problem);
  // A slow reading is timed three more times and the fastest counts: a garbage collection or a busy
  // machine delays one reading, a reader with super-linear work is slow every time.
  const budget = budgetMs(c.text);
  let ms = first.ms;
  for (let k = 0; k < 3 && ms > budget; k++) ms = Math.min(ms, readOnce(c).ms);
  return ms > budget ? finding(`took ${ms.toFixed(0)} ms of ${budget.toFixed(0)} for ${c.text.length} characters`) : undefined;
}

describe("structure readers under fuzzing", () => {
  const seeds = seedFiles();
  const formats: SeedFormat[] = ["cif", "cif-symmetric", "poscar", "json"];

  it("starts from seed files that all read", () => {
    for (const s of seeds) expect(() => readNamedStructures(s.text, s.filename), s.id).not.toThrow();
  });

  formats.forEach((format, k) => {
    it(`gives a clear result or error for ${CASES_PER_FORMAT} mutated ${format} files`, () => {
      const findings: Finding[] = [];
      for (const c of fuzzCases(seeds.filter((s) => s.format === format), CASES_PER_FORMAT, SEED + k)) {
        const finding = runCase(c);
        if (finding) findings.push(finding);
      }
      expect(findings.slice(0, 15)).toEqual([]);
    });
  });
});
