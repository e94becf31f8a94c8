import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { barriers, dft, pathways, structures } from "../../db/schema/index";
import { dftRowOf, upsertDft } from "../../db/dft-rows";
import { dftProfileFromFiles, type DftInputFile, type DftProfile } from "../../lib/vasp/dft-profile";
import { exportOfBand, pathwayFolderName, type PathwayBand } from "../../lib/vasp/pathway-export";
import { pathwayBand } from "../../db/pathway-bands";
import { criteriaColumnsOf, mergeCriteriaColumns } from "../engine/criteria";
import { defineStage } from "../engine/define-stage";
import { runWatchedCommand } from "../watched-command";

export const dftParams = z.object({
  /**
   * Shell command run in the exported NEB folder (INCAR, KPOINTS, POTCAR.spec, 00..0N+1/POSCAR); it
   * must wait until the calculation has finished (e.g. `sbatch --wait run-neb.sh`, or mpirun
   * directly) and leave a vasprun.xml or OUTCAR in every image folder. Empty: nothing is run.
   */
  command: z.string().max(2000),
  /** Where each pathway's inputs and results are written (a folder per pathway, replaced on a re-run). */
  workDir: z.string().min(1),
  /**
   * The command and everything it started are killed (SIGKILL to its process group) after this long,
   * or as soon as the worker that started it has died; keep the stage's own time limit above it.
   */
  commandTimeLimitSeconds: z.number().int().min(1).max(30 * 86400),
  flavour: z.enum(["vtst", "vasp"]),
  encut: z.number().min(100).max(2000).optional(),
});
export type DftParams = z.infer<typeof dftParams>;

const DEFAULT_COMMAND_SECONDS = 12 * 3600;

/** The tail of a command's output, for the run's error: the end says why it stopped. */
const tail = (s: string | undefined) => (s ?? "").trim().split("\n").slice(-5).join(" | ").slice(-500);

/** Every image folder's vasprun.xml and OUTCAR, as paths relative to the NEB folder. */
function resultFiles(nebDir: string): DftInputFile[] {
  const out: DftInputFile[] = [];
  for (const d of readdirSync(nebDir).filter((x) => /^\d{2}$/.test(x)).sort()) {
    for (const name of ["vasprun.xml", "OUTCAR"]) {
      const file = path.join(nebDir, d, name);
      if (existsSync(file)) out.push({ path: `${d}/${name}`, text: readFileSync(file, "utf8") });
    }
  }
  return out;
}

/**
 * The DFT check of one pathway: its VASP inputs written to `workDir/<pathway>`, the configured command
 * run in the NEB folder with a time limit, and the images' results read back and checked against the
 * exported atoms. Runs in a compute thread, so blocking on the command holds only that thread.
 */
export function computeDft(input: PathwayBand, params: DftParams): DftProfile {
  if (params.command.trim() === "") {
    throw new Error("no command configured: set the dft stage's `command` parameter (a script that runs VASP in the NEB folder and waits)");
  }
  const exported = exportOfBand(input, { flavour: params.flavour, encut: params.encut });
  const dir = path.join(params.workDir, pathwayFolderName(input));
  rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(exported.files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const nebDir = path.join(dir, "neb");
  const run = runWatchedCommand(params.command, {
    cwd: nebDir,
    timeLimitSeconds: params.commandTimeLimitSeconds,
    env: { ...process.env, HOPSCAPE_PATHWAY_ID: String(input.pathwayId), HOPSCAPE_EXPORT_DIR: dir },
  });
  if (run.timedOut) throw new Error(`the command ran past its time limit of ${params.commandTimeLimitSeconds} s and was killed`);
  if (run.error) throw new Error(`the command could not be run: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`the command exited with status ${run.status}: ${tail(run.stderr) || tail(run.stdout)}`);
  const result = dftProfileFromFiles(resultFiles(nebDir), { natoms: exported.natoms, speciesOrder: exported.speciesOrder, counts: exported.counts });
  if ("error" in result) {
    const refused = result.refused.map((r) => `${r.file}: ${r.reason}`).join("; ");
    throw new Error(`${result.error} in ${nebDir}${refused ? ` (refused: ${refused})` : ""}`);
  }
  return result.profile;
}

/**
 * DFT stage (off by default: concurrency 0): the pathways with BVSE barriers, lowest relaxed barrier
 * first, computed by an external command (VASP on a cluster). Turn it on by setting `command` and a
 * concurrency in the stage's settings.
 */
export const dftStage = defineStage<PathwayBand, DftParams, DftProfile>({
  name: "dft",
  input: {
    table: pathways,
    key: pathways.id,
    join: [
      { table: barriers, on: eq(barriers.pathwayId, pathways.id) },
      { table: structures, on: eq(structures.id, pathways.structureId) },
    ],
  },
  output: { table: dft, key: dft.pathwayId },
  defaults: {
    criteria: [{ column: "relaxed_converged", op: "eq", value: true }],
    priority: [
      { column: "relaxed_barrier", dir: "asc" },
      { column: "nsites_777", dir: "asc" },
    ],
    concurrency: 0,
    params: { command: "", workDir: path.join(tmpdir(), "hopscape-dft"), commandTimeLimitSeconds: DEFAULT_COMMAND_SECONDS, flavour: "vtst" },
    // Above the command's own limit: the compute thread cannot be stopped while it waits on the command.
    timeLimitSeconds: DEFAULT_COMMAND_SECONDS + 600,
  },
  params: dftParams,
  criteriaColumns: mergeCriteriaColumns(
    criteriaColumnsOf(pathways),
    criteriaColumnsOf(barriers, ["id", "pathway_id", "created_at", "updated_at"]),
    criteriaColumnsOf(structures, ["id", "created_at", "updated_at", "source_id", "fingerprint"]),
  ),
  load: (db, key) => (Number.isSafeInteger(Number(key)) ? pathwayBand(db, Number(key)) : Promise.resolve(undefined)),
  run: (input, params) => [computeDft(input, params)],
  async write(tx, input, rows) {
    return [await upsertDft(tx, dftRowOf(input.pathwayId, rows[0], "stage"))];
  },
  describe: ([p]) => `DFT barrier ${p.barrier.toFixed(3)} eV (reverse ${p.reverseBarrier.toFixed(3)})${p.converged ? "" : ", not converged"}`,
});
