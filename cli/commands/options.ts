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
