import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caF2, kMgF3, liF } from "../../lib/structure/reference-crystals";
import { startPipeline, type Pipeline } from "../../workers/engine/pipeline";
import { readStageSettings, saveStageSettings, stageSettingsHistory } from "../../workers/engine/settings";
import { pathwaysStage } from "../../workers/stages/pathways";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { insertStructures, liCl, waitFor } from "./engine-fixtures";

let t: TestDatabase;
let pipeline: Pipeline | undefined;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await pipeline?.stop();
  await t?.drop();
});

const rows = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await t.pool.query(text, params)).rows as T[];
const run = async (id: number) =>
  (await rows("select * from stage_runs where stage = 'pathways' and input_key = $1", [String(id)]))[0];
const waitDone = (id: number, timeoutMs = 30_000) =>
  waitFor(`pathways of structure ${id}`, async () => {
    const r = await run(id);
    return r && ["done", "failed"].includes(r.status as string) ? r : undefined;
  }, timeoutMs);
const pathwaysOf = (id: number) =>
  rows<Record<string, any>>("select * from pathways where structure_id = $1 order by index", [id]);

describe("pathways stage through the engine and a real graphile-worker runner", () => {
  let fluorite: number;
  let rockSalt: number;
  let chloride: number;

  it("finds the distinct fluoride hops of fluorite and rock salt, and leaves a chloride alone", async () => {
    // No broadening here: the next test covers it.
    await saveStageSettings(t.db, pathwaysStage, { autoBroaden: null, concurrency: 2 }, "test");
    [fluorite, rockSalt, chloride] = await insertStructures(t.db, [caF2(), liF(), liCl()]);
    pipeline = await startPipeline({ pgPool: t.pool, stages: ["pathways"], concurrency: 2, tickMs: 300, heartbeatMs: 1000 });
    const [caRun, liRun] = await Promise.all([waitDone(fluorite), waitDone(rockSalt)]);

    // Fluorite, a = 5.4626 Å: the F sublattice is simple cubic with edge a/2, so the hops within 5 Å
    // are a/2, a/√2 and a√3/2 (the last in two inequivalent kinds: across an empty cube or a Ca-filled one).
    const a = 5.4626;
    const ca = await pathwaysOf(fluorite);
    expect(ca.map((p) => p.length)).toEqual([a / 2, a / Math.SQRT2, (a * Math.sqrt(3)) / 2, (a * Math.sqrt(3)) / 2].map((x) => expect.closeTo(x, 3)));
    expect(caRun).toMatchObject({ status: "done", attempts: 1, last_error: null, note: "4 pathways of F up to 5 Å" });
    expect(caRun.result).toEqual({ ids: ca.map((p) => p.id) });
    // The stored cell is primitive (3 sites, 2 of them F); 6 nearest F neighbours per F, each hop counted once.
    expect(ca[0]).toMatchObject({ index: 0, ion: "F", max_length: 5, multiplicity: 6, start_orbit: ca[0].end_orbit, images_error: null });
    expect(ca[0].ion_fraction).toBeCloseTo(2 / 3, 12);
    expect(Math.hypot(...ca[0].end_cart.map((x: number, i: number) => x - ca[0].start_cart[i]))).toBeCloseTo(a / 2, 3);
    // Nearest-neighbour F–F hop passes between two Ca: clearance is the Ca–midpoint distance, a/(2√2).
    expect(ca[0].clearance).toBeCloseTo(a / (2 * Math.SQRT2), 3);
    // Images: nImages = 5 interior images plus both ends, in a supercell of at least 7 Å per axis, moving ion first.
    expect(ca[0].images.images).toHaveLength(7);
    expect(ca[0].images.species[0]).toBe("F");
    expect(ca[0].images.images[0]).toHaveLength(ca[0].images.species.length);
    expect(ca[0].images.converged).toBe(true);

    // Rock salt, a = 4.0263 Å: F on an fcc sublattice, hops a/√2, a and a√(3/2).
    const b = 4.0263;
    const li = await pathwaysOf(rockSalt);
    expect(li.map((p) => p.length)).toEqual([b / Math.SQRT2, b, b * Math.sqrt(1.5)].map((x) => expect.closeTo(x, 3)));
    expect(liRun).toMatchObject({ status: "done", note: "3 pathways of F up to 5 Å" });

    // The chloride is not eligible (criterion: elements contain the ion), so it has no run at all.
    expect(await run(chloride)).toBeUndefined();
    expect(await rows("select 1 from graphile_worker.jobs")).toHaveLength(0);
  });

  it("records a structure with no hop as done, then broadens the search and finds its hop", async () => {
    // Paused while the structure is added, so that no tick claims it under the previous settings.
    await saveStageSettings(t.db, pathwaysStage, { paused: true }, "test: pause");
    // KMgF3 perovskite, a = 3.973 Å: the shortest F–F distance is a/√2 = 2.809 Å, longer than 2.5 Å.
    const [perovskite] = await insertStructures(t.db, [kMgF3()]);
    await saveStageSettings(
      t.db,
      pathwaysStage,
      {
        paused: false,
        // Only this structure, so the runs reopened by broadening (fluorite, rock salt) wait instead of running.
        criteria: [...pathwaysStage.defaults.criteria, { column: "id", op: "eq", value: perovskite }],
        params: { maxLength: 2.5 },
      },
      "test: too short to find a hop",
    );
    const empty = await waitDone(perovskite);
    expect(empty).toMatchObject({ status: "done", result: { ids: [] }, note: "0 pathways of F up to 2.5 Å", attempts: 1 });
    // Done with nothing is still done: later ticks do not pick it again.
    await pipeline!.feeder.tick();
    await pipeline!.feeder.tick();
    expect(await run(perovskite)).toMatchObject({ status: "done", attempts: 1 });
    expect(await rows("select 1 from graphile_worker.jobs")).toHaveLength(0);

    // With a schedule, the dry stage takes its next step on the next tick.
    await saveStageSettings(t.db, pathwaysStage, { autoBroaden: { param: "maxLength", steps: [3], stepIndex: 0 } }, "test: broaden");
    await waitFor("the search to broaden", async () => ((await readStageSettings(t.db, pathwaysStage)).autoBroaden?.stepIndex === 1 ? true : undefined));
    const done = await waitFor("the broadened run", async () => {
      const r = await run(perovskite);
      return r?.status === "done" && (r.result as { ids: number[] }).ids.length > 0 ? r : undefined;
    });
    const [hop] = await pathwaysOf(perovskite);
    expect(hop.length).toBeCloseTo(3.973 / Math.SQRT2, 3);
    expect(hop.max_length).toBe(3);
    expect(done).toMatchObject({ status: "done", note: "1 pathways of F up to 3 Å", attempts: 1 });

    const [latest] = await stageSettingsHistory(t.db, "pathways");
    expect(latest.note).toBe("auto-broaden: maxLength 2.5 → 3 (no eligible input left)");
    expect(latest.params).toMatchObject({ maxLength: 3 });
    // Fluorite (4 of 5 wanted) and rock salt (3) could gain from a longer search and were reopened;
    // they do not match the criteria now, so they wait as pending, their rows untouched.
    expect((await run(fluorite)).status).toBe("pending");
    expect((await run(rockSalt)).status).toBe("pending");
    expect((await pathwaysOf(fluorite)).every((p) => p.max_length === 5)).toBe(true);
  });
});
