/** Parses a numeric command-line option, refusing anything a user would not mean. */
export function numberOption(
  raw: string | undefined,
  name: string,
  { min = -Infinity, max = Infinity, integer = false }: { min?: number; max?: number; integer?: boolean } = {},
): number {
  const value = Number(raw);
  if (raw === undefined || raw.trim() === "" || !Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
  if (integer && !Number.isInteger(value)) throw new Error(`${name} must be a whole number, got ${raw}`);
  if (value < min || value > max) throw new Error(`${name} must be between ${min} and ${max}, got ${raw}`);
  return value;
}

/** Options that `paths` and `analyze` share, for node:util parseArgs. */
export const HOP_OPTIONS = {
  ion: { type: "string", default: "F" },
  "max-length": { type: "string", default: "5" },
  limit: { type: "string", default: "5" },
  images: { type: "string", default: "5" },
  json: { type: "boolean" },
} as const;

/** Reads and checks the shared hop options; `minImages` is 0 where images are optional. */
export function hopOptions(values: { ion: string; "max-length": string; limit: string; images: string }, minImages: number) {
  return {
    ion: values.ion,
    maxLength: numberOption(values["max-length"], "--max-length", { min: 0.5, max: 20 }),
    limit: numberOption(values.limit, "--limit", { min: 0, integer: true }),
    nImages: numberOption(values.images, "--images", { min: minImages, max: 50, integer: true }),
  };
}
