import { afterAll, describe, expect, it } from "vitest";
import { squareStage } from "../../tests/fixtures/module-stage";
import { ComputeError, ComputePool } from "./compute-pool";

const pool = new ComputePool();
afterAll(() => pool.close());

describe("compute threads", () => {
  it("run a stage declared outside workers/stages from the module it names", async () => {
    const request = { stage: squareStage.name, module: squareStage.module, params: { times: 2 } };
    expect(await pool.run({ ...request, input: { n: 3 } }, 30_000)).toEqual([{ n: 3, square: 18 }]);
    await expect(pool.run({ ...request, input: { n: -1 } }, 30_000)).rejects.toThrow(ComputeError);
    await expect(pool.run({ ...request, stage: "module-cube", input: { n: 1 } }, 30_000)).rejects.toThrow(/exports no stage "module-cube"/);
  });

  it("find the project's stages by name without a module", async () => {
    await expect(pool.run({ stage: "no-such-stage", input: {}, params: {} }, 30_000)).rejects.toThrow(/unknown stage "no-such-stage"/);
  });
});
