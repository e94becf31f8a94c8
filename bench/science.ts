/**
 * Science timings per structure over the built-in library: `npm run bench:science [-- --limit N]`.
 * For each fluoride: distinct pathways (lib/pathways), IDPP images of its kept hops (lib/interpolation),
 * BVSE barriers of those hops (lib/analysis pathwayBarrier: field + IDPP profile + NEB) and framework
 * percolation at 0.2 Å. Prints median and worst per step, and which structure was worst.
 */
import { parseArgs } from "node:util";
import { pathwayBarrier } from "../lib/analysis/pathway-barrier";
import { structurePercolation } from "../lib/analysis/structure-percolation";
import { buildHopImages, type HopImages } from "../lib/interpolation/hop-images";
import { libraryStructures } from "../lib/library/build";
import { assignOxidationStates } from "../lib/oxidation/index";
import { findDistinctPathways } from "../lib/pathways/distinct-hops";
import { sanitizeStructure } from "../lib/symmetry/sanitize";

const { values } = parseArgs({ options: { limit: { type: "string", default: "0" } } });
const limit = Number(values.limit);
const entries = libraryStructures().filter((e) => e.structure.sites.some((s) => s.species === "F"));
const chosen = limit > 0 ? entries.slice(0, limit) : entries;

type Step = "pathways" | "idpp" | "barriers" | "percolation";
const times: Record<Step, Array<{ ms: number; name: string }>> = { pathways: [], idpp: [], barriers: [], percolation: [] };
const timed = <T>(step: Step, name: string, f: () => T): T => {
  const t0 = performance.now();
  const out = f();
  times[step].push({ ms: performance.now() - t0, name });
  return out;
};

let failures = 0;
for (const entry of chosen) {
  // The stored form, as the workers see it.
  const structure = sanitizeStructure(entry.structure);
  const name = `${entry.formula} (${structure.sites.length} sites)`;
  try {
    const oxidationStates = assignOxidationStates(structure);
    const pathways = timed("pathways", name, () => findDistinctPathways(structure, { ion: "F", maxLength: 5, limit: 5 }));
    const bands = timed("idpp", name, () => pathways.map((p) => buildHopImages(structure, p)));
    timed("barriers", name, () =>
      pathways.forEach((p, i) => pathwayBarrier({ structure, oxidationStates, pathway: p, images: bands[i] as HopImages })),
    );
    timed("percolation", name, () => structurePercolation({ structure, oxidationStates, ion: "F", gridSpacingA: 0.2 }));
    process.stderr.write(".");
  } catch (e) {
    failures += 1;
    process.stderr.write(`\n${name}: ${e instanceof Error ? e.message : String(e)}\n`);
  }
}
process.stderr.write("\n");

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
console.log(`science per structure, ${chosen.length} library fluorides (${failures} failed), node ${process.version}`);
console.log("step          median      worst   worst structure");
for (const step of Object.keys(times) as Step[]) {
  const xs = [...times[step]].sort((a, b) => a.ms - b.ms);
  if (xs.length === 0) continue;
  const worst = xs[xs.length - 1];
  console.log(`${step.padEnd(12)} ${fmt(xs[Math.floor(xs.length / 2)].ms).padStart(7)} ${fmt(worst.ms).padStart(10)}   ${worst.name}`);
}
