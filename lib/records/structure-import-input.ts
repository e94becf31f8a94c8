import { z } from "zod";

/** The stage whose runs (stage_runs.stage) are structure imports. */
export const STRUCTURES_STAGE = "structures";
/** graphile-worker task identifier of one structure import. */
export const IMPORT_STRUCTURE_TASK = "import-structure";

const finite = z.number().refine(Number.isFinite, "must be a finite number");
const vec3 = z.tuple([finite, finite, finite]);

/** A Structure (lib/structure/structure.ts) as it arrives in JSON: checked before anything trusts it. */
export const structureJson = z.object({
  lattice: z.tuple([vec3, vec3, vec3]),
  sites: z
    .array(
      z.object({
        species: z.string().min(1),
        frac: vec3,
        label: z.string().optional(),
        oxidationState: finite.optional(),
      }),
    )
    .min(1, "a structure needs at least one site"),
});

/** Energies a source may know for the structure (eV; the same for every structure of a file). */
export const structureEnergies = z.object({
  finalEnergy: finite.optional(),
  energyAboveHull: finite.optional(),
  formationEnergyPerAtom: finite.optional(),
});
export type StructureEnergies = z.infer<typeof structureEnergies>;

/**
 * One thing to import: the text of a structure file (CIF, POSCAR, JSON...) or a structure already
 * parsed, with where it came from. `format` or `filename` tells the reader what the text is.
 */
export const structureImportInput = z
  .object({
    source: z.enum(["library", "upload", "mp", "optimade"]),
    sourceId: z.string().min(1).optional(),
    text: z.string().min(1).optional(),
    structure: structureJson.optional(),
    format: z.string().min(1).optional(),
    filename: z.string().min(1).optional(),
    energies: structureEnergies.optional(),
  })
  .refine((x) => (x.text === undefined) !== (x.structure === undefined), {
    message: "give either the text of a structure file or a structure, not both",
  });
export type StructureImportInput = z.infer<typeof structureImportInput>;

/** The job payload: the input plus the key its stage_runs row and job are found by. */
export const importStructurePayload = z.object({
  inputKey: z.string().min(1),
  input: structureImportInput,
});
export type ImportStructurePayload = z.infer<typeof importStructurePayload>;
