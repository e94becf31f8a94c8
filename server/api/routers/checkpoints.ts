/**
 * Checkpoints: list, create and restore (into this database, which must be empty). Downloads are
 * plain route handlers (app/checkpoints/[id]/download), since they are files.
 */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { getPool } from "../../../db/client";
import { createCheckpoint } from "../../services/checkpoints/create-checkpoint";
import { checkpointZip, listCheckpoints } from "../../services/checkpoints/read-checkpoint";
import { restoreCheckpoint, RestoreRefused } from "../../services/checkpoints/restore-checkpoint";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const checkpointsRouter = createTRPCRouter({
  list: publicProcedure.query(async () =>
    (await listCheckpoints(getPool())).map((c) => ({
      id: c.id,
      name: c.name,
      createdAt: c.createdAt,
      sizeBytes: c.sizeBytes,
      schema: c.manifest.schemaVersion.tag ?? String(c.manifest.schemaVersion.createdAt),
      tables: c.manifest.tables.map((t) => ({ name: t.name, rows: t.rows })),
    })),
  ),

  create: publicProcedure
    .input(z.object({ name: z.string().trim().max(200).optional() }))
    .mutation(async ({ input }) => {
      const created = await createCheckpoint(getPool(), { name: input.name || undefined });
      return { id: created.id, name: created.name, sizeBytes: created.sizeBytes };
    }),

  /** `confirm` must be true: a restore is refused unless the user confirmed it in the page's dialog. */
  restore: publicProcedure
    .input(z.object({ id: z.number().int().positive(), confirm: z.literal(true, { error: "confirm the restore first" }) }))
    .mutation(async ({ input }) => {
      const found = await checkpointZip(getPool(), input.id);
      if (!found) throw new TRPCError({ code: "NOT_FOUND", message: `no checkpoint #${input.id}` });
      try {
        const restored = await restoreCheckpoint(getPool(), found.zip);
        return { tables: restored.tables, reopenedRuns: restored.reopenedRuns };
      } catch (e) {
        if (e instanceof RestoreRefused) throw new TRPCError({ code: "PRECONDITION_FAILED", message: e.message });
        throw e;
      }
    }),
});
