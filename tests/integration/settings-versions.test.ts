import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caF2, kMgF3, liF } from "../../lib/structure/reference-crystals";
import { createCaller } from "../../server/api/root";
import { readStageSettings } from "../../workers/engine/settings";
import { pathwaysStage } from "../../workers/stages/pathways";
import { currentSettingsSaveInput, type SettingsSaveInput } from "../helpers/settings-save-input";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { insertStructures, liCl } from "./engine-fixtures";

let t: TestDatabase;
let api: ReturnType<typeof createCaller>;

beforeAll(async () => {
  t = await createTestDatabase();
  api = createCaller({ db: t.db, headers: new Headers() });
  // nsites: LiF 2, CaF2 3, KMgF3 5; the chloride has no F.
  await insertStructures(t.db, [liF(), caF2(), kMgF3(), liCl()]);
});
afterAll(async () => {
  await t?.drop();
});

/** The form's current settings as the page would send them back, with changes. */
async function formInput(changes: Record<string, unknown> = {}): Promise<SettingsSaveInput> {
  const { input } = await currentSettingsSaveInput(api, "pathways");
  return { ...input, ...changes } as SettingsSaveInput;
}

describe("settings form", () => {
  it("offers the stage's whitelisted columns with the operators that fit, its params with bounds, and rankings", async () => {
    const form = await api.settings.form({ stage: "barriers" });
    const byName = Object.fromEntries(form.columns.map((c) => [c.name, c]));
    expect(byName.nsites_777).toMatchObject({ table: "pathways", kind: "number" });
    expect(byName.dimensionality).toMatchObject({ table: "measures", kind: "number" });
    expect(byName.elements).toMatchObject({ table: "structures", kind: "array", ops: expect.arrayContaining(["contains"]) });
    expect(byName.structure).toBeUndefined();
    expect(form.params).toEqual([
      { name: "nebImages", label: "NEB images (at least)", type: "integer", min: 1, max: 60, minExclusive: false, options: null, optional: false },
    ]);
    const dft = await api.settings.form({ stage: "dft" });
    expect(dft.params.find((p) => p.name === "flavour")).toMatchObject({ type: "string", options: ["vtst", "vasp"], optional: false });
    expect(dft.params.find((p) => p.name === "encut")).toMatchObject({ type: "number", min: 100, optional: true });
    expect(form.rankings.map((r) => r.name)).toContain("lowest-percolation-barrier");
    const pathways = await api.settings.form({ stage: "pathways" });
    expect(pathways.params.find((p) => p.name === "maxLength")).toMatchObject({ type: "number", min: 0, minExclusive: true, max: 20 });
    expect(pathways.settings).toMatchObject({ version: 1, concurrency: 2 });
  });
});

describe("preview, save and restore", () => {
  it("previews the eligible count of proposed criteria against the current one", async () => {
    const params = (await readStageSettings(t.db, pathwaysStage)).params;
    const criteria = [
      { column: "elements", op: "contains" as const, value: { param: "ion" } },
      { column: "nsites", op: "gte" as const, value: 3 },
    ];
    expect(await api.settings.preview({ stage: "pathways", criteria, params })).toEqual({ current: 3, proposed: 2, difference: -1 });
    // A { param } value follows the proposed params: Cl instead of F.
    expect(await api.settings.preview({ stage: "pathways", criteria: criteria.slice(0, 1), params: { ...params, ion: "Cl" } })).toMatchObject({
      proposed: 1,
    });
    expect((await api.settings.preview({ stage: "pathways", criteria: [], params })).proposed).toBe(4);
  });

  it("refuses columns that do not exist, wrong operators and values, and bad params, with the field's path", async () => {
    const params = (await readStageSettings(t.db, pathwaysStage)).params;
    const issue = async (p: Promise<unknown>) => {
      const e = (await p.then(() => undefined, (x) => x)) as { cause?: { issues?: Array<{ path: unknown[]; message: string }> } } | undefined;
      return e?.cause?.issues?.[0];
    };
    expect(await issue(api.settings.preview({ stage: "pathways", criteria: [{ column: "nsites; drop table structures", op: "eq", value: 1 }], params }))).toMatchObject({
      path: ["criteria", 0],
      message: expect.stringMatching(/no column/),
    });
    expect(await issue(api.settings.preview({ stage: "pathways", criteria: [{ column: "formula", op: "contains", value: "F" }], params }))).toMatchObject({
      path: ["criteria", 0],
      message: expect.stringMatching(/does not apply/),
    });
    expect(await issue(api.settings.save(await formInput({ criteria: [{ column: "nsites", op: "gt", value: "3 or 1=1" }] })))).toMatchObject({
      path: ["criteria", 0],
    });
    expect(await issue(api.settings.save(await formInput({ params: { ...params, maxLength: -2 } })))).toMatchObject({ path: ["params", "maxLength"] });
    expect(await issue(api.settings.save(await formInput({ priority: [{ ranking: "nope" }] })))).toMatchObject({ path: ["priority", 0] });
    expect(await issue(api.settings.save(await formInput({ autoBroaden: { param: "maxLength", steps: [6, 99], stepIndex: 0 } })))).toMatchObject({
      path: ["autoBroaden"],
    });
    expect((await api.settings.history({ stage: "pathways" })).map((v) => v.version)).toEqual([1]);
  });

  it("saves every change as a new version with its note, and restores an old one as a newer version", async () => {
    const v1 = await readStageSettings(t.db, pathwaysStage);
    const criteria = [...v1.criteria, { column: "nsites", op: "gte" as const, value: 3 }];
    const saved = await api.settings.save(
      await formInput({
        criteria,
        priority: [{ ranking: "lowest-percolation-barrier" }, { column: "nsites", dir: "asc" }],
        concurrency: 4,
        params: { ...v1.params, maxLength: 6, keep: 3 },
        autoBroaden: { param: "maxLength", steps: [7], stepIndex: 0 },
        note: "larger structures, farther hops",
      }),
    );
    expect(saved).toMatchObject({ version: 2, concurrency: 4, params: { maxLength: 6, keep: 3 } });
    expect((await api.stages.queues()).find((q) => q.stage === "pathways")).toMatchObject({ eligible: 2, settingsVersion: 2 });

    // Paused on the queues page meanwhile: restoring v1 brings back its settings but not its paused flag.
    await api.stages.setPaused({ stage: "pathways", paused: true });
    const restored = await api.settings.restore({ stage: "pathways", version: 1 });
    expect(restored).toMatchObject({ version: 4, concurrency: 2, paused: true, criteria: v1.criteria, priority: v1.priority, params: v1.params, autoBroaden: v1.autoBroaden });
    const history = await api.settings.history({ stage: "pathways" });
    expect(history.map((v) => [v.version, v.note])).toEqual([
      [4, "restored v1"],
      [3, "paused (queues page)"],
      [2, "larger structures, farther hops"],
      [1, "defaults"],
    ]);
    expect(history[2].criteria).toEqual(criteria);
    expect((await api.stages.queues()).find((q) => q.stage === "pathways")).toMatchObject({ eligible: 3 });
    await expect(api.settings.restore({ stage: "pathways", version: 99 })).rejects.toThrow(/no settings version 99/);
  });
});
