/**
 * CIF 1.1 syntax: data blocks of tag–value pairs and loops. Knows nothing of crystallography;
 * lib/io/cif-reader.ts turns the blocks into structures.
 */

import { excerpt } from "./excerpt";

export interface CifValue {
  text: string;
  /** Quoted or semicolon-delimited: then "?" and "." are literal text, not "unknown"/"inapplicable". */
  quoted: boolean;
  line: number;
}

export interface CifBlock {
  name: string;
  line: number;
  /**
   * Values by normalised tag (lower case, DDLm's "." written "_", so `_cell.length_a` and
   * `_cell_length_a` are one tag). A plain item has one value, a loop column one per row.
   */
  values: Map<string, CifValue[]>;
  /** For looped tags, the index of their loop: columns of one loop share it. */
  loopOf: Map<string, number>;
}

type TokenKind = "data" | "loop" | "tag" | "value" | "save" | "global" | "stop";
interface Token {
  kind: TokenKind;
  text: string;
  quoted: boolean;
  line: number;
}

export class CifSyntaxError extends Error {}

const fail = (message: string, line: number): never => {
  throw new CifSyntaxError(`CIF: ${message} (line ${line})`);
};

export const normaliseTag = (tag: string): string => tag.toLowerCase().replace(/\./g, "_");

function classify(word: string): TokenKind {
  // Most tokens are numbers; only words starting with one of these letters can be reserved.
  if (!/^[_dlsgDLSG]/.test(word)) return "value";
  const lower = word.toLowerCase();
  if (lower.startsWith("data_")) return "data";
  if (lower === "loop_") return "loop";
  if (lower.startsWith("save_")) return "save";
  if (lower === "global_") return "global";
  if (lower === "stop_") return "stop";
  if (word.startsWith("_")) return "tag";
  return "value";
}

function tokenize(text: string): Token[] {
  const lines = text.split(/\r\n|\r|\n/);
  const tokens: Token[] = [];
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    let start = 0;
    if (line.startsWith(";")) {
      // Semicolon text field: runs to the next line that starts with ";"; what follows that ";" is read on.
      const first = n + 1;
      const body = [line.slice(1)];
      n++;
      while (n < lines.length && !lines[n].startsWith(";")) body.push(lines[n++]);
      if (n >= lines.length) fail("text field opened with ';' is never closed", first);
      tokens.push({ kind: "value", text: body.join("\n").replace(/^\n|\n$/g, ""), quoted: true, line: first });
      start = 1;
    }
    tokenizeLine(lines[n], start, n + 1, tokens);
  }
  return tokens;
}

// Sticky and global patterns scan a line without building a string per character: a damaged file
// can hold tokens of hundreds of thousands of characters.
const WORD = /[^ \t]+/y;
const BLANKS = /[ \t]+/y;
// A quote closes only where the next character is white space or the end of the line (CIF 1.1),
// so "O'1" style primes inside a value survive.
const CLOSING = { "'": /'(?=\s|$)/g, '"': /"(?=\s|$)/g } as const;

function tokenizeLine(line: string, from: number, lineNo: number, tokens: Token[]): void {
  let i = from;
  while (i < line.length) {
    const c = line[i];
    if (c === " " || c === "\t") {
      BLANKS.lastIndex = i;
      BLANKS.test(line);
      i = BLANKS.lastIndex;
    } else if (c === "#") {
      return;
    } else if (c === "'" || c === '"') {
      const closing = CLOSING[c];
      closing.lastIndex = i + 1;
      const end = closing.exec(line);
      if (!end) fail(`quoted string ${excerpt(line.slice(i), 20)} is never closed`, lineNo);
      tokens.push({ kind: "value", text: line.slice(i + 1, end!.index), quoted: true, line: lineNo });
      i = end!.index + 1;
    } else {
      WORD.lastIndex = i;
      const word = WORD.exec(line)![0];
      tokens.push({ kind: classify(word), text: word, quoted: false, line: lineNo });
      i += word.length;
    }
  }
}

/** Parses CIF text into its data blocks. Throws CifSyntaxError with a line number on malformed input. */
export function parseCifBlocks(text: string): CifBlock[] {
  const tokens = tokenize(text);
  const blocks: CifBlock[] = [];
  let block: CifBlock | undefined;
  let loops = 0;
  const set = (tag: Token, values: CifValue[], loop?: number) => {
    const key = normaliseTag(tag.text);
    // A repeated tag is an error in CIF; files in the wild do it with harmless items, so the first wins.
    if (!block!.values.has(key)) {
      block!.values.set(key, values);
      if (loop !== undefined) block!.loopOf.set(key, loop);
    }
  };
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.kind === "data") {
      const name = t.text.slice(5);
      if (name === "") fail("data block header 'data_' has no name", t.line);
      block = { name, line: t.line, values: new Map(), loopOf: new Map() };
      blocks.push(block);
      i++;
      continue;
    }
    if (t.kind === "stop") {
      i++;
      continue;
    }
    if (t.kind === "save" || t.kind === "global") fail(`'${excerpt(t.text)}' frames are not supported`, t.line);
    if (!block) fail(`expected a data block header (data_...), found '${excerpt(t.text)}'`, t.line);
    if (t.kind === "loop") {
      i++;
      const tags: Token[] = [];
      while (i < tokens.length && tokens[i].kind === "tag") tags.push(tokens[i++]);
      if (tags.length === 0) fail("loop_ without tags", t.line);
      const values: Token[] = [];
      while (i < tokens.length && tokens[i].kind === "value") values.push(tokens[i++]);
      if (values.length === 0) fail(`loop_ of ${excerpt(tags[0].text)} has no values`, t.line);
      if (values.length % tags.length !== 0) {
        fail(
          `loop_ of ${excerpt(tags[0].text)} has ${values.length} values, not a multiple of its ${tags.length} columns ` +
            "(truncated or misaligned loop?)",
          t.line,
        );
      }
      const loop = loops++;
      tags.forEach((tag, col) => {
        const column: CifValue[] = [];
        // A value token is a CifValue already; no copy, as loops hold most of a file's tokens.
        for (let r = col; r < values.length; r += tags.length) column.push(values[r]);
        set(tag, column, loop);
      });
      continue;
    }
    if (t.kind === "tag") {
      const v = tokens[i + 1];
      if (!v || v.kind !== "value") fail(`tag ${excerpt(t.text)} has no value`, t.line);
      set(t, [{ text: v.text, quoted: v.quoted, line: v.line }]);
      i += 2;
      continue;
    }
    fail(`unexpected value '${excerpt(t.text)}' outside a loop and not after a tag`, t.line);
  }
  return blocks;
}

/**
 * A CIF number: "5.4631(2)" (standard uncertainty dropped), "-1.5e-3", ".25". Unquoted "?" (unknown)
 * and "." (inapplicable) give undefined; anything else that is not a number gives NaN.
 */
export function cifNumber(v: CifValue): number | undefined {
  if (!v.quoted && (v.text === "?" || v.text === ".")) return undefined;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(?:\(\d+\))?$/.exec(v.text.trim());
  return m ? Number(m[1]) : Number.NaN;
}

/** A CIF text value, undefined for unquoted "?" and ".". */
export function cifText(v: CifValue | undefined): string | undefined {
  if (!v || (!v.quoted && (v.text === "?" || v.text === "."))) return undefined;
  return v.text;
}
