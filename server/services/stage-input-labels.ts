/** Names people recognise for a stage's inputs (a formula, a hop of a formula) and where to look at them. */
import { getTableName, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { pathways, structures } from "../../db/schema/index";
import type { AnyStage } from "../../workers/engine/define-stage";

export interface InputLabel {
  label: string;
  href: string | null;
}

/** Labels of the given input keys; keys without a row (e.g. a deleted structure) are left out. */
export async function inputLabels(db: Database, stage: AnyStage, keys: string[]): Promise<Map<string, InputLabel>> {
  const labels = new Map<string, InputLabel>();
  if (keys.length === 0) return labels;
  const list = sql`cast(${sql.param(keys)} as text[])`;
  const table = getTableName(stage.input.table);
  if (table === getTableName(structures)) {
    const { rows } = await db.execute<{ key: string; formula: string }>(
      sql`select id::text as key, formula from structures where id::text = any(${list})`,
    );
    for (const r of rows) labels.set(r.key, { label: r.formula, href: `/structures/${r.key}` });
  } else if (table === getTableName(pathways)) {
    const { rows } = await db.execute<{ key: string; formula: string; index: number; length: number }>(sql`
      select p.id::text as key, s.formula, p.index, p.length
        from pathways p join structures s on s.id = p.structure_id
       where p.id::text = any(${list})`);
    for (const r of rows) {
      labels.set(r.key, { label: `${r.formula} hop ${r.index} (${Number(r.length).toFixed(2)} Å)`, href: `/pathways/${r.key}` });
    }
  }
  return labels;
}
