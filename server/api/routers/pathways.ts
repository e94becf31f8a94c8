/** Read access to the pathways table: list pages, one pathway with its viewer scene, a structure's pathways. */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { pathwayListSchema } from "../../services/pathway-filters";
import { getPathwayWithImages, listPathways, pathwaysOfStructure } from "../../services/pathway-queries";
import { pathwayScene } from "../../services/pathway-scene";
import { createTRPCRouter, publicProcedure } from "../trpc";

const byIdInput = z.object({ id: z.number().int().positive() });

export const pathwaysRouter = createTRPCRouter({
  /** One page of the table; accepts the page's search params as they are in the URL. */
  list: publicProcedure.input(pathwayListSchema).query(({ ctx, input }) => listPathways(ctx.db, input)),

  /**
   * One pathway: its facts and results, and instead of the raw image band (hundreds of atoms per
   * image) the part of it the viewer draws. Downloads serve the full band.
   */
  byId: publicProcedure.input(byIdInput).query(async ({ ctx, input }) => {
    const row = await getPathwayWithImages(ctx.db, input.id);
    if (!row) throw new TRPCError({ code: "NOT_FOUND", message: `no pathway with id ${input.id}` });
    const { images, ...rest } = row;
    return {
      ...rest,
      imageCount: images ? images.images.length : 0,
      supercellAtoms: images ? images.species.length : 0,
      maxForce: images?.maxForce ?? null,
      scene: images ? pathwayScene(images) : null,
    };
  }),

  ofStructure: publicProcedure
    .input(z.object({ structureId: z.number().int().positive() }))
    .query(({ ctx, input }) => pathwaysOfStructure(ctx.db, input.structureId)),
});
