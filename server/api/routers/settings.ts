/** The settings page: a stage's settings form, the eligibility preview, saving, and the version history. */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { stageSettingsHistory } from "../../../workers/engine/settings";
import { stageSettingsForm } from "../../services/settings-form";
import { criteriaInput, settingsInput } from "../../services/settings-input";
import { previewEligibleCount } from "../../services/settings-preview";
import { restoreSettingsVersion, saveSettingsForm } from "../../services/settings-versions";
import { ENGINE_STAGE_NAMES, engineStageName } from "../../services/stage-catalogue";
import { createTRPCRouter, publicProcedure } from "../trpc";

const stageInput = z.object({ stage: engineStageName });

/** Settings that still fail the engine's own checks (e.g. a race with another save) are the user's to fix. */
function badRequest(e: unknown): never {
  throw new TRPCError({ code: "BAD_REQUEST", message: e instanceof Error ? e.message : String(e), cause: e });
}

export const settingsRouter = createTRPCRouter({
  stages: publicProcedure.query(() => ENGINE_STAGE_NAMES),

  form: publicProcedure.input(stageInput).query(({ ctx, input }) => stageSettingsForm(ctx.db, input.stage)),

  preview: publicProcedure
    .input(criteriaInput)
    .query(({ ctx, input }) => previewEligibleCount(ctx.db, input.stage, input.criteria, input.params)),

  save: publicProcedure.input(settingsInput).mutation(({ ctx, input }) => saveSettingsForm(ctx.db, input).catch(badRequest)),

  history: publicProcedure.input(stageInput).query(({ ctx, input }) => stageSettingsHistory(ctx.db, input.stage)),

  restore: publicProcedure
    .input(stageInput.extend({ version: z.number().int().positive() }))
    .mutation(async ({ ctx, input }) => {
      const saved = await restoreSettingsVersion(ctx.db, input.stage, input.version).catch(badRequest);
      if (!saved) throw new TRPCError({ code: "NOT_FOUND", message: `${input.stage} has no settings version ${input.version}` });
      return saved;
    }),
});
