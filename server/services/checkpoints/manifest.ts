import { strFromU8, unzipSync } from "fflate";
import { z } from "zod";
import type { CheckpointManifest } from "../../../db/schema/index";
import { MANIFEST_FILE } from "./create-checkpoint";

const manifestSchema = z.object({
  format: z.literal("hopscape-checkpoint"),
  formatVersion: z.literal(1),
  name: z.string(),
  createdAt: z.string(),
  schemaVersion: z.object({ tag: z.string().nullable(), createdAt: z.number(), hash: z.string(), applied: z.number() }),
  tables: z.array(
    z.object({
      name: z.string().min(1),
      file: z.string().min(1),
      rows: z.number().int().min(0),
      columns: z.array(z.object({ name: z.string().min(1), type: z.string().min(1) })).min(1),
    }),
  ),
});

/** The text of one file of a zip, or undefined when the zip has no such file. */
export function zipEntryText(zip: Uint8Array, file: string): string | undefined {
  const found = unzipSync(zip, { filter: (f) => f.name === file });
  const bytes = found[file];
  return bytes ? strFromU8(bytes) : undefined;
}

/** The manifest of a checkpoint zip, checked; throws a message a user can act on. */
export function readManifest(zip: Uint8Array): CheckpointManifest {
  let text: string | undefined;
  try {
    text = zipEntryText(zip, MANIFEST_FILE);
  } catch (e) {
    throw new Error(`not a zip file (${e instanceof Error ? e.message : String(e)})`);
  }
  if (text === undefined) throw new Error(`not a hopscape checkpoint: the zip has no ${MANIFEST_FILE}`);
  const parsed = manifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`not a hopscape checkpoint manifest: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}
