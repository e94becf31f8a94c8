/** Read access to the structures table: list pages, one structure, counts. */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { structureListSchema } from "../../services/structure-filters";
import { getStructure, listStructures, structureCounts } from "../../services/structure-queries";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const structuresRouter = createTRPCRouter({
  /** One page of the table; accepts the page's search params as they are in the URL. */
  list: publicProcedure.input(structureListSchema).query(({ ctx, input }) => listStructures(ctx.db, input)),

  byId: publicProcedure
    .input(z.object({ id: z.number().int().positive() }))
    .query(async ({ ctx, input }) => {
      const row = await getStructure(ctx.db, input.id);
      if (!row) throw new TRPCError({ code: "NOT_FOUND", message: `no structure with id ${input.id}` });
      return row;
    }),

  counts: publicProcedure.query(({ ctx }) => structureCounts(ctx.db)),
});
