import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caF2, kMgF3, liF } from "../../lib/structure/reference-crystals";
import { createCaller } from "../../server/api/root";
import { currentSettingsSaveInput } from "../helpers/settings-save-input";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { storeAnalysed } from "./dft-fixtures";
import { insertStructures, liCl } from "./engine-fixtures";

/**
 * Hostile values sent through the real tRPC routers, as a crafted request would send them: each
 * must be refused as a bad request or handled harmlessly (a normal answer about the stored rows),
 * never reach SQL as text (a database error surfaces as INTERNAL_SERVER_ERROR, and a successful
 * injection changes the tables). Every table is counted before and after.
 */
const HOSTILE: unknown[] = [
  "'",
  '"',
  ";",
  "'; drop table structures; --",
  "'; delete from pathways; --",
  "1; drop table settings_versions",
  "Ca' OR '1'='1",
  "\") or 1=1 --",
  "$$; drop table structures; $$",
  "%",
  "_",
  "\\",
  "\u0000",
  "ÇaF₂ 💥 \u202e",
  "x".repeat(5000),
  "9".repeat(400),
  "1e999",
  "NaN",
  "-1",
  1e308,
  -1e308,
  2 ** 53 + 1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -0.5,
  true,
  null,
  ["'; drop table structures; --"],
  [["Ca"]],
  ["Ca", "F", "'"],
  { toString: "'; drop table structures; --" },
  { $gt: 0 },
];

const TABLES = ["structures", "pathways", "measures", "barriers", "stage_settings", "stage_settings_versions", "stage_runs"];

let t: TestDatabase;
let api: ReturnType<typeof createCaller>;
let structureIds: number[];
let before: Record<string, number>;

async function tableCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const r = await t.pool.query(`select count(*)::int as n from ${table}`);
    out[table] = r.rows[0].n;
  }
  return out;
}

interface Finding {
  call: string;
  value: string;
  problem: string;
}

const show = (v: unknown) => {
  const text = typeof v === "string" ? JSON.stringify(v) : Array.isArray(v) ? JSON.stringify(v) : String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/**
 * Runs a call and says what was wrong with its outcome, if anything: a refusal must be a
 * BAD_REQUEST (the input check), a success must pass `harmless`.
 */
async function outcome(run: () => Promise<unknown>, harmless: (result: unknown) => string | undefined): Promise<string | undefined> {
  try {
    return harmless(await run());
  } catch (e) {
    if (e instanceof TRPCError && e.code === "BAD_REQUEST") return undefined;
    const code = e instanceof TRPCError ? e.code : (e as Error).constructor.name;
    return `${code}: ${(e as Error).message.slice(0, 160)}`;
  }
}

/** A list page is harmless when it lists only stored rows and says how many there are. */
const listedStoredRows = (ids: () => number[]) => (result: unknown) => {
  const r = result as { rows: Array<{ id: number; structureId?: number }>; total: number };
  if (!Array.isArray(r.rows) || typeof r.total !== "number") return "not a list page";
  const known = new Set(ids());
  const stray = r.rows.find((row) => !known.has(row.structureId ?? row.id));
  return stray ? `listed a row that is not stored: ${JSON.stringify(stray).slice(0, 80)}` : undefined;
};

/** Every hostile value in every field of a list query, one at a time: what went wrong. */
async function listFindings(call: string, fields: string[], list: (input: Record<string, unknown>) => Promise<unknown>): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const field of fields) {
    for (const value of HOSTILE) {
      const problem = await outcome(() => list({ [field]: value }), listedStoredRows(() => structureIds));
      if (problem) findings.push({ call: `${call} ${field}`, value: show(value), problem });
    }
  }
  return findings;
}

/** The pathways stage's current settings as the settings page sends them back. */
async function currentSettingsInput() {
  const { input, form } = await currentSettingsSaveInput(api, "pathways");
  return { input, columns: form.columns, params: form.settings.params };
}

beforeAll(async () => {
  t = await createTestDatabase();
  api = createCaller({ db: t.db, headers: new Headers() });
  structureIds = await insertStructures(t.db, [caF2(), kMgF3(), liCl()]);
  // One crystal with real pathway rows, written by the pathways stage's own functions.
  await storeAnalysed(t.db, liF(), "lif");
  const [lif] = (await t.pool.query("select id from structures where source_id = 'lif'")).rows;
  structureIds.push(lif.id);
  before = await tableCounts();
  expect(before.pathways).toBeGreaterThan(0);
});

afterAll(async () => {
  await t?.drop();
});

describe("hostile values through the tRPC routers", () => {
  it("structures.list refuses or safely answers every hostile filter, sort and page", async () => {
    const fields = ["elements", "formula", "nsitesMin", "nsitesMax", "spacegroup", "sort", "dir", "page", "pageSize"];
    const findings = await listFindings("structures.list", fields, (input) => api.structures.list(input as never));
    expect(findings).toEqual([]);
    expect(await tableCounts()).toEqual(before);
  });

  it("treats quotes in text filters as text to match, not SQL", async () => {
    for (const formula of ["'; drop table structures; --", "Ca' OR '1'='1", "%", "_"]) {
      const page = await api.structures.list({ formula });
      expect(page.total, formula).toBe(0);
    }
    // The same filters match what they should: the escaping did not break ordinary use.
    expect((await api.structures.list({ formula: "CaF2" })).total).toBe(1);
    expect((await api.structures.list({ elements: "Mg, F" })).total).toBe(1);
  });

  it("pathways.list refuses or safely answers every hostile filter, range, sort and page", async () => {
    const fields = [
      "elements", "formula", "spacegroup", "structureId", "indexMin", "lengthMax", "multiplicityMin", "nsites777Max",
      "hopsPerIonMin", "clearanceMax", "sort", "dir", "page", "pageSize",
    ];
    const findings = await listFindings("pathways.list", fields, (input) => api.pathways.list(input as never));
    expect(findings).toEqual([]);
    expect(await tableCounts()).toEqual(before);
  });

  it("settings.save and settings.preview refuse hostile criteria, priorities, params and fields", async () => {
    const { input: base, columns, params: currentParams } = await currentSettingsInput();
    const numberColumn = columns.find((c) => c.kind === "number")!.name;
    const textColumn = columns.find((c) => c.kind === "string")!.name;
    const variants = (v: unknown): Array<[string, Record<string, unknown>]> => [
      ["stage", { stage: v }],
      ["criteria column", { criteria: [{ column: v, op: "eq", value: 1 }] }],
      ["criteria op", { criteria: [{ column: numberColumn, op: v, value: 1 }] }],
      ["criteria number value", { criteria: [{ column: numberColumn, op: "lt", value: v }] }],
      ["criteria text value", { criteria: [{ column: textColumn, op: "eq", value: v }] }],
      ["criteria list value", { criteria: [{ column: textColumn, op: "in", value: [v, v] }] }],
      ["criteria", { criteria: v }],
      ["priority column", { priority: [{ column: v, dir: "asc" }] }],
      ["priority dir", { priority: [{ column: numberColumn, dir: v }] }],
      ["priority ranking", { priority: [{ ranking: v }] }],
      ["params", { params: { ...currentParams, maxLength: v } }],
      ["params ion", { params: { ...currentParams, ion: v } }],
      ["concurrency", { concurrency: v }],
      ["time limit", { timeLimitSeconds: v }],
      ["auto-broaden", { autoBroaden: { param: v, steps: [v] } }],
    ];
    // A save that goes through returns the stored row: the hostile value kept as data.
    const storedRow = (r: unknown) => (typeof (r as { version?: unknown }).version === "number" ? undefined : "no stored version");
    const findings: Finding[] = [];
    for (const value of HOSTILE) {
      for (const [what, change] of variants(value)) {
        const input = { ...base, ...change } as never;
        const saved = await outcome(() => api.settings.save(input), storedRow);
        if (saved) findings.push({ call: `settings.save ${what}`, value: show(value), problem: saved });
        if ("criteria" in change || "stage" in change || "params" in change) {
          const { stage, criteria, params } = { ...base, ...change };
          const previewed = await outcome(() => api.settings.preview({ stage, criteria, params } as never), (r) =>
            typeof (r as { proposed?: unknown }).proposed === "number" ? undefined : "no eligible count",
          );
          if (previewed) findings.push({ call: `settings.preview ${what}`, value: show(value), problem: previewed });
        }
      }
    }
    expect(findings).toEqual([]);
    const after = await tableCounts();
    expect({ ...after, stage_settings_versions: before.stage_settings_versions, stage_settings: before.stage_settings }).toEqual(before);
  });

  it("stores a hostile note as text", async () => {
    const { input } = await currentSettingsInput();
    const note = "'; drop table structures; -- \"quoted\" $$x$$";
    await api.settings.save({ ...input, note } as never);
    const history = await api.settings.history({ stage: "pathways" });
    expect(history.map((h: { note?: string | null }) => h.note)).toContain(note);
    expect((await tableCounts()).structures).toBe(before.structures);
  });
});
