/**
 * The stage's params form, generated from its zod schema (through JSON Schema, which carries the
 * types and bounds) with a label per parameter, so the form always matches what the engine accepts.
 */
import { z } from "zod";
import type { AnyStage } from "../../workers/engine/define-stage";

export interface ParamField {
  name: string;
  label: string;
  type: "number" | "integer" | "string" | "boolean";
  min: number | null;
  max: number | null;
  /** True when `min` itself is not allowed (e.g. a length must be positive). */
  minExclusive: boolean;
  /** The allowed values of an enumerated parameter, else null. */
  options: string[] | null;
  /** May be left empty (not set). */
  optional: boolean;
}

// The schemas' own doc comments are not visible at run time; these say the same for people.
const LABELS: Record<string, string> = {
  ion: "Mobile species",
  maxLength: "Maximum hop length (Å)",
  keep: "Pathways kept per structure (0 keeps all)",
  nImages: "Interior images per hop",
  minSupercellLength: "Minimum supercell axis length (Å)",
  symprec: "Symmetry tolerance (Å)",
  nebImages: "NEB images (at least)",
  gridSpacingA: "Energy grid spacing (Å)",
  command: "Command run in each exported NEB folder (empty: none)",
  workDir: "Working folder",
  commandTimeLimitSeconds: "Command time limit (s)",
  flavour: "NEB flavour",
  encut: "ENCUT override (eV)",
};

interface JsonProperty {
  type?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  enum?: unknown[];
}

// JSON Schema writes "no upper bound" for integers as the largest safe integer.
const bound = (x: number | undefined) => (x === undefined || Math.abs(x) >= Number.MAX_SAFE_INTEGER ? null : x);

export function paramFields(stage: AnyStage): ParamField[] {
  const schema = z.toJSONSchema(stage.params) as { properties?: Record<string, JsonProperty>; required?: string[] };
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, p]) => {
    const type = p.type === "integer" || p.type === "number" || p.type === "boolean" ? p.type : "string";
    return {
      name,
      label: LABELS[name] ?? name,
      type,
      min: bound(p.exclusiveMinimum ?? p.minimum),
      max: bound(p.maximum),
      minExclusive: p.exclusiveMinimum !== undefined,
      options: p.enum ? p.enum.map(String) : null,
      optional: !required.has(name),
    };
  });
}
