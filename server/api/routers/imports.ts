/**
 * Remote imports (Materials Project, OPTIMADE) and bulk uploads from the imports page: start them,
 * list them with their progress, and report on the structures they queued.
 */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { startImportWithKey } from "../../services/importers/background-import";
import { BulkUploadError, bulkUpload, DEFAULT_BULK_LIMITS } from "../../services/importers/bulk-upload";
import { importOutcomes } from "../../services/importers/import-outcomes";
import { importRequest } from "../../services/importers/import-request";
import { listSourceImports, queueSourceImport } from "../../services/importers/source-imports";
import { createTRPCRouter, publicProcedure } from "../trpc";

const mpRequest = z.object({
  elements: z.array(z.string()).min(1),
  nsitesMax: z.number().int().min(1).optional(),
  energyAboveHullMax: z.number().min(0).optional(),
  maxEntries: z.number().int().min(1).optional(),
  /** Typed into the form; used for this import only and never stored. */
  apiKey: z.string().trim().max(200).optional(),
});

const base64File = z.object({ name: z.string().min(1).max(500), base64: z.string() });
/** Base64 is 4/3 of the bytes: the upload limit applies to the decoded files. */
const decode = (files: { name: string; base64: string }[]) => files.map((f) => ({ name: f.name, data: new Uint8Array(Buffer.from(f.base64, "base64")) }));

export const importsRouter = createTRPCRouter({
  /** Whether the server has MP_API_KEY: the form then needs no key. */
  config: publicProcedure.query(() => ({
    mpKeyOnServer: Boolean(process.env.MP_API_KEY?.trim()),
    maxUploadBytes: DEFAULT_BULK_LIMITS.maxUploadBytes,
  })),

  list: publicProcedure.query(() => listSourceImports()),

  startMp: publicProcedure.input(mpRequest).mutation(async ({ input }): Promise<{ key: string; started: boolean; where: "server" | "worker" }> => {
    const { apiKey, ...rest } = input;
    const parsed = importRequest.safeParse({ source: "mp", ...rest });
    if (!parsed.success) throw new TRPCError({ code: "BAD_REQUEST", message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
    const request = parsed.data;
    if (apiKey) return { ...startImportWithKey(request, apiKey), where: "server" };
    if (!process.env.MP_API_KEY?.trim()) {
      throw new TRPCError({ code: "BAD_REQUEST", message: "No Materials Project API key: enter one, or set MP_API_KEY for the server and workers." });
    }
    const q = await queueSourceImport(request);
    return { key: q.key, started: q.queued, where: "worker" };
  }),

  startOptimade: publicProcedure
    .input(z.object({ providerUrl: z.string().min(1), filter: z.string().max(2000).optional(), maxEntries: z.number().int().min(1).optional() }))
    .mutation(async ({ input }) => {
      const parsed = importRequest.safeParse({ source: "optimade", ...input, filter: input.filter?.trim() || undefined });
      if (!parsed.success) throw new TRPCError({ code: "BAD_REQUEST", message: `Not an http(s) URL: ${input.providerUrl}` });
      const q = await queueSourceImport(parsed.data);
      return { key: q.key, started: q.queued, where: "worker" as const };
    }),

  bulkUpload: publicProcedure.input(z.object({ files: z.array(base64File).min(1).max(DEFAULT_BULK_LIMITS.maxFiles) })).mutation(async ({ input }) => {
    try {
      return await bulkUpload(decode(input.files));
    } catch (e) {
      if (e instanceof BulkUploadError) throw new TRPCError({ code: "BAD_REQUEST", message: e.message });
      throw e;
    }
  }),

  outcomes: publicProcedure
    .input(z.object({ inputKeys: z.array(z.string().min(1).max(200)).max(5000) }))
    .query(({ input }) => importOutcomes(input.inputKeys)),
});

export { decode as decodeBase64Files };
