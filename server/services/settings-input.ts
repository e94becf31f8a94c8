/**
 * The settings page's input, checked with zod against the stage it is for: every criterion names a
 * column the stage whitelists (its input's and upstream tables'), with an operator and value that
 * fit the column; priority names such columns or a registered ranking; params match the stage's
 * schema. The issues carry paths (criteria.2, params.maxLength) so the page can point at the field.
 */
import { z } from "zod";
import { compileCriteria, compilePriority, criterionSchema, prioritySchema } from "../../workers/engine/criteria";
import { rankingResolver } from "../../workers/engine/rankings";
import { autoBroadenSchema } from "../../workers/engine/settings";
import { engineStage, engineStageName } from "./stage-catalogue";

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Adds an issue at `path` when `check` throws. */
function refine(ctx: z.RefinementCtx, path: Array<string | number>, check: () => unknown) {
  try {
    check();
  } catch (e) {
    const text = e instanceof z.ZodError ? e.issues.map((i) => i.message).join("; ") : message(e);
    ctx.addIssue({ code: "custom", path, message: text });
  }
}

const criteriaFields = {
  stage: engineStageName,
  criteria: z.array(criterionSchema).max(50),
  params: z.record(z.string(), z.unknown()),
};

function checkCriteria(v: { stage: string; criteria: z.infer<typeof criterionSchema>[]; params: Record<string, unknown> }, ctx: z.RefinementCtx) {
  const stage = engineStage(v.stage);
  const parsed = stage.params.safeParse(v.params);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: ["params", ...issue.path.map(String)], message: issue.message });
    return;
  }
  const params = parsed.data as Record<string, unknown>;
  v.criteria.forEach((c, i) => {
    refine(ctx, ["criteria", i], () => {
      if (!(c.column in stage.criteriaColumns)) throw new Error(`${stage.name} has no column ${c.column} to filter on`);
      compileCriteria([c], stage.criteriaColumns, params);
    });
  });
}

/** Criteria with the params they may refer to ({ param: "ion" }): the preview's input. */
export const criteriaInput = z.object(criteriaFields).superRefine(checkCriteria);

export const settingsInput = z
  .object({
    ...criteriaFields,
    priority: z.array(prioritySchema).max(20),
    concurrency: z.number().int().min(0, "concurrency cannot be negative").max(64),
    timeLimitSeconds: z.number().int().positive("the time limit must be positive").max(7 * 24 * 3600),
    autoBroaden: autoBroadenSchema.nullable(),
    note: z.string().trim().max(500),
  })
  .superRefine((v, ctx) => {
    checkCriteria(v, ctx);
    const stage = engineStage(v.stage);
    v.priority.forEach((p, i) => refine(ctx, ["priority", i], () => compilePriority([p], stage.criteriaColumns, rankingResolver(stage))));
    if (v.autoBroaden) {
      const schedule = v.autoBroaden;
      refine(ctx, ["autoBroaden"], () => {
        if (!(schedule.param in v.params)) throw new Error(`${schedule.param} is not a parameter of ${stage.name}`);
        for (const step of schedule.steps) {
          const r = stage.params.safeParse({ ...v.params, [schedule.param]: step });
          if (!r.success) throw new Error(`step ${step} is not a valid ${schedule.param}: ${r.error.issues[0].message}`);
        }
      });
    }
  });

export type SettingsInput = z.infer<typeof settingsInput>;
