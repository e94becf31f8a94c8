/** DFT results: a pathway's profile beside its BVSE ones, uploads of VASP results, and the parity of the two barriers. */
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { barriers, dft, pathways, structures } from "../../../db/schema/index";
import { dftOfPathway } from "../../../db/dft-rows";
import { importDftUpload, MAX_DFT_UPLOAD_BYTES } from "../../services/dft-import";
import { createTRPCRouter, publicProcedure } from "../trpc";
import { decodeBase64Files } from "./imports";

const pathwayId = z.object({ pathwayId: z.number().int().positive() });

export const dftRouter = createTRPCRouter({
  /** The pathway's DFT row (null when none) and its BVSE profiles, for plotting side by side. */
  ofPathway: publicProcedure.input(pathwayId).query(async ({ ctx, input }) => {
    const [bvse] = await ctx.db
      .select({ idppEnergies: barriers.idppEnergies, relaxedEnergies: barriers.relaxedEnergies, relaxedBarrier: barriers.relaxedBarrier })
      .from(barriers)
      .where(eq(barriers.pathwayId, input.pathwayId));
    return { dft: await dftOfPathway(ctx.db, input.pathwayId), bvse: bvse ?? null };
  }),

  upload: publicProcedure
    .input(pathwayId.extend({ files: z.array(z.object({ name: z.string().min(1).max(500), base64: z.string() })).min(1).max(500) }))
    .mutation(async ({ ctx, input }) => {
      const files = decodeBase64Files(input.files);
      const bytes = files.reduce((n, f) => n + f.data.length, 0);
      if (bytes > MAX_DFT_UPLOAD_BYTES) throw new TRPCError({ code: "BAD_REQUEST", message: `The upload is larger than ${MAX_DFT_UPLOAD_BYTES / 1048576} MB.` });
      try {
        return await importDftUpload(ctx.db, input.pathwayId, files);
      } catch (e) {
        throw new TRPCError({ code: "BAD_REQUEST", message: e instanceof Error ? e.message : String(e) });
      }
    }),

  /** Every pathway with both a DFT and a BVSE barrier: the overview's parity plot. */
  parity: publicProcedure.query(({ ctx }) =>
    ctx.db
      .select({
        pathwayId: dft.pathwayId,
        reducedFormula: structures.reducedFormula,
        dftBarrier: dft.barrier,
        converged: dft.converged,
        bvseBarrier: barriers.relaxedBarrier,
      })
      .from(dft)
      .innerJoin(barriers, eq(barriers.pathwayId, dft.pathwayId))
      .innerJoin(pathways, eq(pathways.id, dft.pathwayId))
      .innerJoin(structures, eq(structures.id, pathways.structureId))
      .orderBy(dft.pathwayId),
  ),
});
