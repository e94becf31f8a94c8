import type pg from "pg";

/**
 * Tables a checkpoint leaves out: the process registry (`workers`, meaningless in another
 * database), the checkpoints themselves (a snapshot of snapshots would grow without end) and the
 * maintenance cron's settings (they describe this installation, not the screening). Every other table
 * of the public schema is included, so a new stage's result table is saved without a code change.
 */
export const EXCLUDED_TABLES = ["workers", "checkpoints", "maintenance_settings"] as const;

/**
 * Tables a feeder fills on its first tick from the stages' defaults, so even a new database holds
 * them: a restore replaces their rows instead of requiring them empty.
 */
export const REPLACED_ON_RESTORE = ["stage_settings", "stage_settings_versions"] as const;

export interface CatalogColumn {
  name: string;
  /** format_type(): e.g. "integer", "double precision[]", "timestamp with time zone", "jsonb". */
  type: string;
}

export interface CatalogTable {
  name: string;
  columns: CatalogColumn[];
  /** Primary-key columns, the CSV's row order. */
  primaryKey: string[];
  /** Tables this one references by foreign key (restored first). */
  references: string[];
  /** Columns owning a sequence (serial), to be moved past the restored ids. */
  sequenceColumns: string[];
}

type Queryable = Pick<pg.PoolClient, "query">;

/** The checkpointed tables of the connected database, in restore order (referenced tables first). */
export async function catalogTables(client: Queryable): Promise<CatalogTable[]> {
  const { rows: columnRows } = await client.query<{ table: string; column: string; type: string; serial: boolean }>(
    `select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type,
            pg_get_serial_sequence(format('public.%I', c.relname), a.attname) is not null as serial
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where n.nspname = 'public' and c.relkind = 'r' and c.relname <> all($1::text[])
      order by c.relname, a.attnum`,
    [EXCLUDED_TABLES],
  );
  const { rows: keyRows } = await client.query<{ table: string; kind: string; columns: string[]; referenced: string | null }>(
    `select c.relname as table, k.contype as kind, r.relname as referenced,
            array(select a.attname from unnest(k.conkey) with ordinality u(attnum, ord)
                   join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum order by u.ord)::text[] as columns
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid
       join pg_namespace n on n.oid = c.relnamespace
       left join pg_class r on r.oid = k.confrelid
      where n.nspname = 'public' and k.contype in ('p', 'f')`,
  );
  const tables = new Map<string, CatalogTable>();
  for (const r of columnRows) {
    let t = tables.get(r.table);
    if (!t) tables.set(r.table, (t = { name: r.table, columns: [], primaryKey: [], references: [], sequenceColumns: [] }));
    t.columns.push({ name: r.column, type: r.type });
    if (r.serial) t.sequenceColumns.push(r.column);
  }
  for (const k of keyRows) {
    const t = tables.get(k.table);
    if (!t) continue;
    if (k.kind === "p") t.primaryKey = k.columns;
    else if (k.referenced && k.referenced !== k.table && tables.has(k.referenced)) t.references.push(k.referenced);
  }
  return restoreOrder([...tables.values()]);
}

/** Topological order by foreign keys, ties by name, so the order is the same on every database. */
export function restoreOrder(tables: CatalogTable[]): CatalogTable[] {
  const pending = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  const placed = new Set<string>();
  const out: CatalogTable[] = [];
  while (pending.length > 0) {
    const i = pending.findIndex((t) => t.references.every((r) => placed.has(r)));
    if (i < 0) throw new Error(`foreign keys form a cycle among ${pending.map((t) => t.name).join(", ")}`);
    const [next] = pending.splice(i, 1);
    placed.add(next.name);
    out.push(next);
  }
  return out;
}

/** A PostgreSQL identifier, quoted. Names come from the catalog or are checked against it first. */
export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
