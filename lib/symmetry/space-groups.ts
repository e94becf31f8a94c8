import type { Vec3 } from "../structure/vector";
import type { SymmetryOperation } from "./analyze";
import { loadMoyo, rotationFromMoyo } from "./moyo";

/** One setting of a space group as moyo's table names it (one Hall symbol). */
export interface HallEntry {
  number: number;
  hallNumber: number;
  hallSymbol: string;
  /** moyo's short Hermann–Mauguin symbol, e.g. "P 4_2/m n m". */
  hmShort: string;
  /** moyo's full Hermann–Mauguin symbol, e.g. "P 4_2/m 2_1/n 2/m". */
  hmFull: string;
  /** "" for the only setting, else "1"/"2" (origin choice), "H"/"R", "b1", "cab", ... */
  setting: string;
}

/** A setting with its operations in the conventional cell, centring translations included. */
export interface SpaceGroupSetting extends HallEntry {
  operations: SymmetryOperation[];
}

let entriesCache: HallEntry[] | undefined;

function hallEntries(): HallEntry[] {
  if (!entriesCache) {
    const moyo = loadMoyo();
    const out: HallEntry[] = [];
    for (let n = 1; n <= 230; n++) {
      for (const e of moyo.hall_symbol_entries_from_number(n)) {
        out.push({
          number: e.number,
          hallNumber: e.hall_number,
          hallSymbol: e.hall_symbol,
          hmShort: e.hm_short,
          hmFull: e.hm_full,
          setting: e.setting,
        });
      }
    }
    entriesCache = out;
  }
  return entriesCache;
}

function withOperations(e: HallEntry): SpaceGroupSetting {
  const moyo = loadMoyo();
  const ops = moyo.operations_from_number(e.number, { type: "HallNumber", value: e.hallNumber }, false);
  return {
    ...e,
    operations: ops.map((op) => ({ rotation: rotationFromMoyo(op.rotation), translation: [...op.translation] as Vec3 })),
  };
}

/**
 * The comparison key of a Hermann–Mauguin symbol: spaces and underscores dropped, old parenthesised
 * screw axes ("P4(2)/mnm") flattened, lower case. Case is irrelevant because the lattice letter is
 * always first and the rest is glide letters and digits.
 */
function compactKey(symbol: string): string {
  return symbol
    .replace(/\((\d)\)/g, "$1")
    .replace(/[\s_]/g, "")
    .toLowerCase();
}

/**
 * Monoclinic full symbols written without the "1"s of the two other axes: "P 1 2_1/n 1" → "P 2_1/n".
 * CIFs use these ("P21/n") for non-standard cell choices that moyo's short symbol does not name.
 */
function dropUnitAxes(full: string): string | undefined {
  const parts = full.split(" ");
  if (parts.length !== 4) return undefined;
  const rest = parts.slice(1).filter((p) => p !== "1");
  return rest.length === 1 ? `${parts[0]} ${rest[0]}` : undefined;
}

/**
 * Symbols from before the "e" glide was introduced (ITA 2002), still in most ICSD-derived CIFs:
 * the double glide plane was written "a", "b" or "c" depending on the setting.
 * Keyed by group number, then by moyo's setting with the origin-choice digit removed.
 */
const PRE_E_GLIDE_SYMBOLS: Record<number, Record<string, string>> = {
  39: { "": "Abm2", "ba-c": "Bma2", cab: "B2cm", "-cba": "C2mb", bca: "Cm2a", "a-cb": "Ac2m" },
  41: { "": "Aba2", "ba-c": "Bba2", cab: "B2cb", "-cba": "C2cb", bca: "Cc2a", "a-cb": "Ac2a" },
  64: { "": "Cmca", "ba-c": "Ccmb", cab: "Abma", "-cba": "Acam", bca: "Bbcm", "a-cb": "Bmab" },
  67: { "": "Cmma", "ba-c": "Cmmb", cab: "Abmm", "-cba": "Acmm", bca: "Bmcm", "a-cb": "Bmam" },
  68: { "": "Ccca", "ba-c": "Cccb", cab: "Abaa", "-cba": "Acaa", bca: "Bbcb", "a-cb": "Bbab" },
};

interface Candidate {
  entry: HallEntry;
  /** Lower wins: an exact full symbol beats a short one, which beats derived aliases. */
  rank: number;
}

let nameIndexCache: Map<string, Candidate[]> | undefined;

function nameIndex(): Map<string, Candidate[]> {
  if (nameIndexCache) return nameIndexCache;
  const index = new Map<string, Candidate[]>();
  const add = (symbol: string, entry: HallEntry, rank: number) => {
    const key = compactKey(symbol);
    const list = index.get(key) ?? [];
    list.push({ entry, rank });
    index.set(key, list);
  };
  const entries = hallEntries();
  for (const e of entries) {
    add(e.hmFull, e, 0);
    add(e.hmShort, e, 1);
    const short = dropUnitAxes(e.hmFull);
    if (short) add(short, e, 2);
    const old = PRE_E_GLIDE_SYMBOLS[e.number]?.[e.setting.replace(/^[12]/, "")];
    if (old) add(old, e, 1);
  }
  // Old symbols without the bar ("Fm3m", "Ia3d") only where the result names no real group and
  // no two groups: "R3c" is a group of its own, so "R-3c" cannot be written that way.
  const barless = new Map<string, HallEntry[]>();
  for (const e of entries) {
    for (const s of [e.hmShort, e.hmFull]) {
      if (!s.includes("-")) continue;
      const key = compactKey(s.replace(/-/g, ""));
      if (index.has(key)) continue;
      const list = barless.get(key) ?? [];
      if (!list.includes(e)) list.push(e);
      barless.set(key, list);
    }
  }
  for (const [key, list] of barless) {
    if (new Set(list.map((e) => e.number)).size === 1) index.set(key, list.map((entry) => ({ entry, rank: 3 })));
  }
  nameIndexCache = index;
  return index;
}

/** Origin-choice and axes suffixes: ":1", ":2", ":H", ":R"; "S"/"Z" are ITA's aliases of 1/2. */
function splitSuffix(name: string): { symbol: string; suffix?: string } {
  // ICSD writes the suffix as a trailing capital after a space ("R -3 c H", "F d -3 m Z"); no
  // Hermann–Mauguin symbol itself ends in a capital, so the form is unambiguous.
  const m = /^(.*?)\s*:\s*([A-Za-z0-9-]+)\s*$/.exec(name) ?? /^(.*\S)\s+([HRSZ])$/.exec(name);
  if (!m) return { symbol: name };
  let suffix = m[2].toUpperCase();
  if (suffix === "S") suffix = "1";
  if (suffix === "Z") suffix = "2";
  return { symbol: m[1], suffix };
}

export interface SpaceGroupNameOptions {
  /**
   * Rhombohedral groups without ":H"/":R" default to hexagonal axes, as in International Tables;
   * a reader that sees a rhombohedral cell (a=b=c, equal angles ≠ 90°) passes true to get the R setting.
   */
  rhombohedralAxes?: boolean;
}

/**
 * Space group from a Hermann–Mauguin name as CIFs write it: "Fm-3m", "F m -3 m", "P 42/m n m",
 * "P4_2/mnm", "P 1 21/c 1", "R-3c:R", "I 41/a :1", "Fm3m". Without a suffix, the origin choice is 2
 * (centre of inversion at the origin, what CIFs almost always use) and rhombohedral groups take
 * hexagonal axes. Throws for unknown or ambiguous names.
 */
export function spaceGroupFromName(name: string, options: SpaceGroupNameOptions = {}): SpaceGroupSetting {
  const cleaned = name.trim().replace(/^['"]|['"]$/g, "").trim();
  const { symbol, suffix } = splitSuffix(cleaned);
  const candidates = nameIndex().get(compactKey(symbol));
  if (!candidates || candidates.length === 0) throw new Error(`unknown space group "${name}"`);
  const best = Math.min(...candidates.map((c) => c.rank));
  let pool = candidates.filter((c) => c.rank === best).map((c) => c.entry);
  if (new Set(pool.map((e) => e.number)).size > 1) {
    throw new Error(`ambiguous space group "${name}" (groups ${[...new Set(pool.map((e) => e.number))].join(", ")})`);
  }
  if (suffix !== undefined) {
    const matching = pool.filter((e) => settingMatches(e.setting, suffix));
    if (matching.length === 0) {
      const known = pool.map((e) => e.setting).filter((s) => s !== "");
      throw new Error(
        `space group "${name}": no setting ":${suffix}"` + (known.length ? ` (known: ${known.join(", ")})` : ""),
      );
    }
    pool = matching;
  } else {
    const wanted = options.rhombohedralAxes ? "R" : "H";
    const axes = pool.filter((e) => e.setting === wanted);
    const origin2 = pool.filter((e) => e.setting.startsWith("2"));
    if (axes.length) pool = axes;
    else if (origin2.length) pool = origin2;
  }
  pool.sort((a, b) => a.hallNumber - b.hallNumber);
  return withOperations(pool[0]);
}

function settingMatches(setting: string, suffix: string): boolean {
  if (suffix === "H" || suffix === "R") return setting === suffix;
  // Origin choice: "1", "2", and for Ccce-like groups "1ba-c", "2cab", ...
  if (suffix === "1" || suffix === "2") return setting.startsWith(suffix);
  return setting.toUpperCase() === suffix;
}

/** Space group in its standard setting (the lowest Hall number, origin choice 2, hexagonal axes). */
export function spaceGroupFromNumber(number: number): SpaceGroupSetting {
  if (!Number.isInteger(number) || number < 1 || number > 230) {
    throw new Error(`space group number must be an integer from 1 to 230, got ${number}`);
  }
  const pool = hallEntries().filter((e) => e.number === number);
  const preferred = pool.find((e) => e.setting === "H") ?? pool.find((e) => e.setting.startsWith("2")) ?? pool[0];
  return withOperations(preferred);
}

/** Space group by its Hall number (1–530, spglib's numbering). */
export function spaceGroupFromHallNumber(hallNumber: number): SpaceGroupSetting {
  const entry = hallEntries().find((e) => e.hallNumber === hallNumber);
  if (!entry) throw new Error(`Hall number must be an integer from 1 to 530, got ${hallNumber}`);
  return withOperations(entry);
}

/** Space group from a Hall symbol as in `_space_group_name_Hall` ("-F 4 2 3", "-P 2ybc"). */
export function spaceGroupFromHallSymbol(hallSymbol: string): SpaceGroupSetting {
  const key = (s: string) => s.trim().replace(/^['"]|['"]$/g, "").trim().replace(/\s+/g, " ").toLowerCase();
  const wanted = key(hallSymbol);
  const entry = hallEntries().find((e) => key(e.hallSymbol) === wanted);
  if (!entry) throw new Error(`unknown Hall symbol "${hallSymbol}"`);
  return withOperations(entry);
}
