/**
 * User submissions of structures: validate a pasted or uploaded file, queue its import, and
 * report on the import job. Nothing is written to the database unless validation passes.
 */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { enqueueStructureImport, importStatus, validateStructureText } from "../../services/structure-import";
import { importSummary } from "../../services/import-summary";
import { MAX_UPLOAD_BYTES } from "../../services/upload-limits";
import { createTRPCRouter, publicProcedure } from "../trpc";

const structureText = z.object({
  text: z
    .string()
    .min(1, "the file is empty")
    // Bytes, not characters: the limit is about what crosses the wire and is stored.
    .refine((t) => Buffer.byteLength(t, "utf8") <= MAX_UPLOAD_BYTES, {
      message: `the file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`,
    }),
  filename: z.string().min(1).max(255).optional(),
});

export const submissionsRouter = createTRPCRouter({
  validate: publicProcedure.input(structureText).mutation(({ input }) => validateStructureText(input.text, input.filename)),

  submit: publicProcedure.input(structureText).mutation(async ({ input }) => {
    // Validate again here: the client may have edited the text after its preview.
    const check = await validateStructureText(input.text, input.filename);
    if (!check.ok) throw new TRPCError({ code: "BAD_REQUEST", message: check.error });
    return enqueueStructureImport({ source: "upload", text: input.text, filename: input.filename });
  }),

  /** Imports of every source (library, uploads) by status: what is still to come. */
  importSummary: publicProcedure.query(({ ctx }) => importSummary(ctx.db)),

  status: publicProcedure
    .input(z.object({ inputKey: z.string().min(1).max(200) }))
    .query(({ input }) => importStatus(input.inputKey)),
});
