import { parseArgs } from "node:util";
import { type AnalyzeProgress, type StructureAnalysis, analyzeStructure } from "../../lib/analysis/analyze-structure";
import { progressBar } from "../progress";
import { readStructuresFromPath } from "./inspect";
import { HOP_OPTIONS, hopOptions, numberOption } from "./options";

const USAGE = "usage: hopscape analyze FILE [--ion F] [--max-length 5] [--limit 5|0] [--images 5] [--grid 0.2|0.1] [--json]";

/** The fixed workflow on one structure, no database: every stage in process, as the workers run them. */
export async function analyzeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...HOP_OPTIONS, grid: { type: "string", default: "0.2" } },
  });
  const file = positionals[0];
  if (!file) throw new Error(USAGE);
  const options = {
    ...hopOptions(values, 1),
    // Finer than 0.05 Å costs 8× memory per halving for no change in the barriers' useful digits.
    gridSpacingA: numberOption(values.grid, "--grid", { min: 0.05, max: 1 }),
  };

  const [structure] = readStructuresFromPath(file);
  const progress = lazyProgress("analyze");
  const result = analyzeStructure(structure, options, progress.onProgress);
  progress.finish();

  if (values.json) console.log(JSON.stringify(result, null, 2));
  else console.log(textReport(result));
  return 0;
}

/** A progress bar made at the first report, when the number of pathways (hence of steps) is known. */
function lazyProgress(label: string) {
  const holder: { bar?: ReturnType<typeof progressBar> } = {};
  return {
    onProgress(p: AnalyzeProgress) {
      holder.bar ??= progressBar(p.total, label);
      holder.bar.step(p.label);
    },
    finish: () => holder.bar?.finish(),
  };
}

const fixed = (x: number | null | undefined, digits: number, width: number) => (x === null || x === undefined ? "-" : x.toFixed(digits)).padStart(width);

function textReport(r: StructureAnalysis): string {
  const s = r.structure;
  const p = r.percolation;
  const lines = [
    `${s.formula} (${s.spacegroup.symbol}): ${r.pathways.length} distinct ${r.ion} hop(s)`,
    `percolation (framework BVSE, grid ${p.gridSpacing} Å): 1D ${fixed(p.framework["1D"], 3, 0)}  2D ${fixed(p.framework["2D"], 3, 0)}  3D ${fixed(p.framework["3D"], 3, 0)} eV` +
      (p.skipped ? `  (${p.skipped})` : ""),
    "index  length/Å  mult  ox  dim  dim_cum  ewald   ovl_cat/Å  ovl_an/Å  E_b(IDPP)/eV  E_b(NEB)/eV  energy_barrier/eV",
  ];
  for (const w of r.pathways) {
    const m = w.measures;
    const b = w.barrier;
    lines.push(
      [
        String(w.index).padStart(5),
        fixed(w.length, 4, 8),
        String(w.multiplicity).padStart(4),
        String(m.oxidationState).padStart(3),
        String(m.dimensionality).padStart(4),
        String(m.dimensionalityCumlengths).padStart(8),
        fixed(m.ewaldEnergy, 3, 6),
        fixed(m.ionicRadiiOverlapCations, 3, 10),
        fixed(m.ionicRadiiOverlapAnions, 3, 9),
        fixed(b?.idpp.barrier, 3, 12),
        (fixed(b?.relaxed.barrier, 3, 10) + (b && !b.relaxed.converged ? "*" : " ")).padStart(12),
        fixed(b?.energyBarrier, 3, 18),
      ].join(" ") + (w.skipped ? `  (${w.skipped})` : ""),
    );
  }
  if (r.pathways.some((w) => w.barrier && !w.barrier.relaxed.converged)) lines.push("* NEB not converged");
  return lines.join("\n");
}
