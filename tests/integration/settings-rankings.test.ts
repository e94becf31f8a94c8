import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caF2, k2NiF4, kMgF3, liF } from "../../lib/structure/reference-crystals";
import { claimInputs } from "../../workers/engine/claim";
import { readStageSettings, saveStageSettings } from "../../workers/engine/settings";
import { barriersStage } from "../../workers/stages/barriers";
import { pathwaysStage } from "../../workers/stages/pathways";
import { percolationStage } from "../../workers/stages/percolation";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { insertStructures } from "./engine-fixtures";

let t: TestDatabase;
let ids: number[];

beforeAll(async () => {
  t = await createTestDatabase();
  // By nsites (the default priority) LiF (2) comes first and K2NiF4 (7) last.
  ids = await insertStructures(t.db, [liF(), caF2(), kMgF3(), k2NiF4()]);
});
afterAll(async () => {
  await t?.drop();
});

/** Percolation results as the percolation stage would store them (only the 1D level matters here). */
async function percolates(structureId: number, level1d: number | null) {
  await t.pool.query(
    `insert into percolation (structure_id, ion, grid_spacing, percolation_1d, percolation_2d, percolation_3d, minimum_energy)
     values ($1, 'F', 0.2, $2, $2, $2, 0)`,
    [structureId, level1d],
  );
}

/** The whole claim order under the current settings (claims in a transaction that is rolled back). */
async function claimOrder(): Promise<number[]> {
  const settings = await readStageSettings(t.db, pathwaysStage);
  let keys: string[] = [];
  await t.db
    .transaction(async (tx) => {
      keys = await claimInputs(tx, pathwaysStage, settings, 100);
      tx.rollback();
    })
    .catch(() => undefined);
  return keys.map(Number);
}

describe("priority by a registered ranking", () => {
  it("orders inputs by the lowest framework percolation barrier, structures without one last", async () => {
    const [lif, caf2, kmgf3, k2nif4] = ids;
    await percolates(k2nif4, 0.3);
    await percolates(caf2, 0.9);
    await percolates(lif, null);
    expect(await claimOrder()).toEqual([lif, caf2, kmgf3, k2nif4]);

    await saveStageSettings(t.db, pathwaysStage, { priority: [{ ranking: "lowest-percolation-barrier" }] }, "test: ranking");
    // K2NiF4 0.3 eV, CaF2 0.9 eV, then LiF (never percolates) and KMgF3 (not computed) by input key.
    expect(await claimOrder()).toEqual([k2nif4, caf2, lif, kmgf3]);

    // A ranking mixes with columns: here the column decides the tie among the structures without a level.
    await saveStageSettings(
      t.db,
      pathwaysStage,
      { priority: [{ ranking: "lowest-percolation-barrier" }, { column: "nsites", dir: "desc" }] },
      "test: ranking then nsites",
    );
    expect(await claimOrder()).toEqual([k2nif4, caf2, kmgf3, lif]);
  });

  it("refuses unknown rankings and rankings that do not apply to the stage, saving nothing", async () => {
    const before = (await readStageSettings(t.db, pathwaysStage)).version;
    await expect(saveStageSettings(t.db, pathwaysStage, { priority: [{ ranking: "fastest" }] })).rejects.toThrow(/unknown ranking fastest/);
    await expect(
      saveStageSettings(t.db, pathwaysStage, { priority: [{ ranking: "x; drop table stage_runs" }] }),
    ).rejects.toThrow(/unknown ranking/);
    expect((await readStageSettings(t.db, pathwaysStage)).version).toBe(before);
    // Barriers reads pathways: the ranking applies through the pathway's structure and compiles in its claim.
    await saveStageSettings(t.db, barriersStage, { priority: [{ ranking: "lowest-percolation-barrier" }] }, "test");
    const settings = await readStageSettings(t.db, barriersStage);
    await t.db.transaction((tx) => claimInputs(tx, barriersStage, settings, 5));
    // Percolation's input is structures too.
    await saveStageSettings(t.db, percolationStage, { priority: [{ ranking: "newest-structures-first" }] }, "test");
  });
});
