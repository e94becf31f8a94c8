/** The queues page: per-stage counts, throughput, workers, failures, what runs next, and the flow controls. */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { engineStageName, queueStageName } from "../../services/stage-catalogue";
import { moveInputToFront, retryFailedRuns, setStageConcurrency, setStagePaused } from "../../services/stage-controls";
import { stageFailures } from "../../services/stage-failures";
import { stageNextUp } from "../../services/stage-next-up";
import { invalidateStageQueues, stageQueues } from "../../services/stage-queue-snapshot";
import { stageThroughput, throughputWindow } from "../../services/stage-throughput";
import { stageWorkers } from "../../services/stage-workers";
import { createTRPCRouter, publicProcedure } from "../trpc";

const stageInput = z.object({ stage: queueStageName });
const engineStageInput = z.object({ stage: engineStageName });
const inputKey = z.string().trim().min(1, "give an input key").max(200);

export const stagesRouter = createTRPCRouter({
  // The counts are a snapshot refreshed in the background (stage-queue-snapshot.ts); `fresh` counts now.
  queues: publicProcedure
    .input(z.object({ fresh: z.boolean().optional() }).optional())
    .query(({ ctx, input }) => stageQueues(ctx.db, { fresh: input?.fresh })),

  throughput: publicProcedure
    .input(stageInput.extend({ window: throughputWindow }))
    .query(({ ctx, input }) => stageThroughput(ctx.db, input.stage, input.window)),

  workers: publicProcedure.input(stageInput).query(({ ctx, input }) => stageWorkers(ctx.db, input.stage)),

  failures: publicProcedure.input(stageInput).query(({ ctx, input }) => stageFailures(ctx.db, input.stage)),

  nextUp: publicProcedure.input(engineStageInput).query(({ ctx, input }) => stageNextUp(ctx.db, input.stage)),

  setConcurrency: publicProcedure
    .input(engineStageInput.extend({ concurrency: z.number().int().min(0, "concurrency cannot be negative").max(64) }))
    .mutation(({ ctx, input }) => setStageConcurrency(ctx.db, input.stage, input.concurrency)),

  setPaused: publicProcedure
    .input(engineStageInput.extend({ paused: z.boolean() }))
    .mutation(({ ctx, input }) => setStagePaused(ctx.db, input.stage, input.paused)),

  retryFailed: publicProcedure
    .input(engineStageInput.extend({ inputKey: inputKey.optional() }))
    .mutation(async ({ ctx, input }) => {
      const retried = await retryFailedRuns(ctx.db, input.stage, input.inputKey);
      invalidateStageQueues(ctx.db);
      return retried;
    }),

  moveToFront: publicProcedure.input(engineStageInput.extend({ inputKey })).mutation(async ({ ctx, input }) => {
    const moved = await moveInputToFront(ctx.db, input.stage, input.inputKey);
    invalidateStageQueues(ctx.db);
    if (!moved) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `input ${input.inputKey} of ${input.stage} is not waiting for its run (unknown, queued, running or finished)`,
      });
    }
    return { inputKey: input.inputKey };
  }),
});
