/**
 * IDPP speed on library-like hops: `npx tsx bench/idpp.ts`. Prints, per hop, the supercell size,
 * iterations and the median wall time of buildHopImages (5 images, 7 Å supercell) over a few runs
 * after a warm-up, wall-clock and CPU time (CPU time is the fairer figure on a shared machine). Reference: pymatgen's IDPPSolver takes ≈ 0.5 s for such a path; the target is 50 ms.
 */
import { buildHopImages } from "../lib/interpolation/hop-images";
import { findDistinctPathways } from "../lib/pathways/distinct-hops";
import { caF2, k2NiF4, kMgF3, liF, na3AlF6Cubic } from "../lib/structure/reference-crystals";
import type { Structure } from "../lib/structure/structure";

const RUNS = 7;
const cases: Array<[string, Structure]> = [
  ["CaF2", caF2()],
  ["LiF", liF(4.027)],
  ["KMgF3", kMgF3(3.978)],
  ["K2NiF4", k2NiF4()],
  ["Na3AlF6", na3AlF6Cubic()],
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// A fixed arithmetic loop, so timings from machines of different speed (or load) can be compared.
let sink = 0;
const c0 = performance.now();
for (let i = 0; i < 1e7; i++) sink += Math.sqrt(i);
console.log(`calibration: 1e7 sqrt in ${(performance.now() - c0).toFixed(1)} ms (≈10 ms on a current desktop core)${sink > 0 ? "" : "!"}`);

for (const [name, structure] of cases) {
  const paths = findDistinctPathways(structure, { limit: 3 });
  for (const path of paths) {
    for (let w = 0; w < 3; w++) buildHopImages(structure, path); // warm-up: let the JIT settle
    const times: number[] = [];
    const cpu: number[] = [];
    let last = buildHopImages(structure, path);
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      last = buildHopImages(structure, path);
      const c = process.cpuUsage(c0);
      times.push(performance.now() - t0);
      cpu.push((c.user + c.system) / 1000);
    }
    console.log(
      `${name.padEnd(8)} hop ${path.index} ${path.lengthA.toFixed(3)} Å  atoms ${String(last.species.length).padStart(4)}  ` +
        `iterations ${String(last.iterations).padStart(4)}  converged ${last.converged ? "yes" : "no "}  ` +
        `wall median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)})  cpu median ${median(cpu).toFixed(1)} ms`,
    );
  }
}
