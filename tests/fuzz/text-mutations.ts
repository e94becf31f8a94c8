import type { Prng } from "./prng";

/** One way of damaging a file: given the text and the generator, the damaged text. */
export interface Mutation {
  name: string;
  apply(text: string, rng: Prng): string;
}

/** Numbers a careless or hostile file may hold where a length, angle, count or coordinate belongs. */
export const HOSTILE_NUMBERS = [
  "0", "-0", "0.0", "-1", "-4.2", "1e308", "1e400", "-1e400", "99999999999999999999999999", "1e-300",
  "0.0000000001", "NaN", "nan", "Infinity", "-Infinity", "inf", "180", "360", "-90", "?", ".", "0x1F", "1_000",
  "5.4(", "3..2", "--1", "+", "e10", "1e", "2147483648", "4294967297",
] as const;

/** Characters that mean something to one of the formats, plus control and non-ASCII ones. */
const SPECIAL_CHARS = ["'", '"', ";", "#", "_", " ", "\t", "\n", "\r", "\0", "{", "}", "[", "]", ",", ":", "\\", "é", "\u2212", "\uFFFD", "😀", "\u202E"];

const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?:\(\d+\))?/g;

const lines = (text: string) => text.split("\n");

function randomLineIndex(ls: string[], rng: Prng): number {
  return rng.int(Math.max(ls.length, 1));
}

/** Replaces the k-th match of `pattern` (chosen at random) by `replacement(match)`. */
function replaceRandomMatch(text: string, pattern: RegExp, rng: Prng, replacement: (m: string) => string): string {
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return text;
  const m = rng.pick(matches);
  return text.slice(0, m.index) + replacement(m[0]) + text.slice(m.index! + m[0].length);
}

/** A random line inserted `times` more times where it stands. */
function repeatLine(text: string, rng: Prng, times: number): string {
  const ls = lines(text);
  const i = randomLineIndex(ls, rng);
  ls.splice(i, 0, ...Array<string>(times).fill(ls[i] ?? ""));
  return ls.join("\n");
}

export function randomBytes(rng: Prng, n: number): string {
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) bytes[i] = rng.int(256);
  // Half as UTF-8 (invalid sequences become U+FFFD, as a server decoding an upload would do), half Latin-1.
  return rng.chance(0.5) ? new TextDecoder().decode(bytes) : String.fromCharCode(...bytes);
}

/** Mutations that know nothing of the format: they damage lines, characters and numbers. */
export const TEXT_MUTATIONS: Mutation[] = [
  {
    name: "delete line",
    apply: (t, rng) => {
      const ls = lines(t);
      ls.splice(randomLineIndex(ls, rng), 1 + (rng.chance(0.3) ? rng.int(4) : 0));
      return ls.join("\n");
    },
  },
  { name: "duplicate line", apply: (t, rng) => repeatLine(t, rng, 1 + rng.int(3)) },
  {
    name: "swap lines",
    apply: (t, rng) => {
      const ls = lines(t);
      const i = randomLineIndex(ls, rng);
      const j = randomLineIndex(ls, rng);
      [ls[i], ls[j]] = [ls[j], ls[i]];
      return ls.join("\n");
    },
  },
  { name: "truncate", apply: (t, rng) => t.slice(0, rng.int(t.length + 1)) },
  {
    name: "flip characters",
    apply: (t, rng) => {
      const chars = [...t];
      const n = 1 + rng.int(5);
      for (let k = 0; k < n && chars.length > 0; k++) {
        const i = rng.int(chars.length);
        chars[i] = rng.chance(0.7) ? rng.pick(SPECIAL_CHARS) : String.fromCharCode(rng.int(0x3000));
      }
      return chars.join("");
    },
  },
  { name: "hostile number", apply: (t, rng) => replaceRandomMatch(t, NUMBER, rng, () => rng.pick(HOSTILE_NUMBERS)) },
  {
    name: "huge number",
    apply: (t, rng) => replaceRandomMatch(t, NUMBER, rng, () => rng.pick(["1e308", "1e300", "9".repeat(400), `1${"0".repeat(40)}`, "1.7976931348623157e308"])),
  },
  { name: "negate number", apply: (t, rng) => replaceRandomMatch(t, NUMBER, rng, (m) => (m.startsWith("-") ? m.slice(1) : `-${m}`)) },
  {
    name: "unbalanced quote",
    apply: (t, rng) => {
      const i = rng.int(t.length + 1);
      return t.slice(0, i) + rng.pick(["'", '"', "\n;", "'''", '"""']) + t.slice(i);
    },
  },
  {
    name: "very long token",
    apply: (t, rng) => {
      const i = rng.int(t.length + 1);
      const unit = rng.pick(["x", "9", "_", "'", "1.", "Ca", "x,y,"]);
      return `${t.slice(0, i)} ${unit.repeat(10_000 + rng.int(50_000))} ${t.slice(i)}`;
    },
  },
  {
    name: "insert random bytes",
    apply: (t, rng) => {
      const i = rng.int(t.length + 1);
      return t.slice(0, i) + randomBytes(rng, 1 + rng.int(200)) + t.slice(i);
    },
  },
  { name: "only random bytes", apply: (_t, rng) => randomBytes(rng, rng.int(2000)) },
  { name: "empty", apply: (_t, rng) => rng.pick(["", " ", "\n\n\n", "\t \r\n", "\uFEFF", "\0"]) },
  { name: "byte order mark and CRLF", apply: (t) => `\uFEFF${t.replace(/\n/g, "\r\n")}` },
  {
    name: "repeat the file",
    apply: (t, rng) => Array<string>(2 + rng.int(3)).fill(t).join(rng.pick(["\n", "", "\n\n"])),
  },
  { name: "repeat a line many times", apply: (t, rng) => repeatLine(t, rng, 300 + rng.int(1200)) },
];
