/** A value of an INCAR tag: VASP reads numbers, logicals (.TRUE./.FALSE.), words and lists. */
export type IncarValue = number | boolean | string | number[];
export type Incar = Record<string, IncarValue>;

function formatNumber(x: number): string {
  if (Number.isInteger(x)) return String(x);
  // 1e-05 is what JavaScript prints; VASP's Fortran reader wants 1E-05 or 1.0E-05 and accepts both.
  return Math.abs(x) < 1e-3 ? x.toExponential().toUpperCase() : String(x);
}

/** A list with runs written VASP's way, "4*0.6 8*5" for MAGMOM and the like. */
function formatList(xs: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < xs.length; ) {
    let j = i;
    while (j < xs.length && xs[j] === xs[i]) j++;
    parts.push(j - i > 1 ? `${j - i}*${formatNumber(xs[i])}` : formatNumber(xs[i]));
    i = j;
  }
  return parts.join(" ");
}

export function formatIncarValue(v: IncarValue): string {
  if (typeof v === "boolean") return v ? ".TRUE." : ".FALSE.";
  if (typeof v === "number") return formatNumber(v);
  if (Array.isArray(v)) return formatList(v);
  return v;
}

/**
 * An INCAR file, one `TAG = value` per line in the order given. `comments` puts a `# why` after a
 * tag's line, so the file explains itself to whoever runs it.
 */
export function writeIncar(incar: Incar, comments: Record<string, string> = {}): string {
  const width = Math.max(...Object.keys(incar).map((k) => k.length));
  return (
    Object.entries(incar)
      .map(([k, v]) => {
        const line = `${k.padEnd(width)} = ${formatIncarValue(v)}`;
        return comments[k] ? `${line.padEnd(28)} # ${comments[k]}` : line;
      })
      .join("\n") + "\n"
  );
}

function parseValue(raw: string): IncarValue {
  const text = raw.trim();
  if (/^\.?(true|t)\.?$/i.test(text)) return true;
  if (/^\.?(false|f)\.?$/i.test(text)) return false;
  const words = text.split(/\s+/);
  const numbers: number[] = [];
  for (const w of words) {
    const run = /^(\d+)\*(.+)$/.exec(w);
    const value = Number((run ? run[2] : w).replace(/d/i, "e"));
    if (!Number.isFinite(value)) return text;
    for (let n = run ? Number(run[1]) : 1; n > 0; n--) numbers.push(value);
  }
  return numbers.length === 1 && words.length === 1 ? numbers[0] : numbers;
}

/**
 * Reads an INCAR: `TAG = value` statements, several per line when separated by `;`, comments after
 * `#` or `!`, tags upper-cased. Numbers (Fortran `1.0d-5` too), logicals, `N*x` runs in lists (which
 * come back expanded) and words (kept as written).
 */
export function parseIncar(text: string): Incar {
  const out: Incar = {};
  for (const line of text.split(/\r?\n/)) {
    for (const statement of line.replace(/[#!].*$/, "").split(";")) {
      const eq = statement.indexOf("=");
      if (eq < 0) continue;
      const key = statement.slice(0, eq).trim().toUpperCase();
      if (key === "") continue;
      out[key] = parseValue(statement.slice(eq + 1));
    }
  }
  return out;
}
