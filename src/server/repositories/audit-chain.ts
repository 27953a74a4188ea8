import {
  CHAINED_COLUMNS,
  CHAINED_TABLES,
  type ChainedTable,
  type ChainHead,
  type ChainLink,
  type ChainRow,
  isChainedTable,
  type LinkAndRow,
  type PublishedHead,
} from "@/domain/audit-chain";
import type { Tx } from "../db/transaction";

// Advisory lock keys are numbered 72707xxx (migrations 001, settings editing 002).
const SEAL_LOCK_KEY = 72_707_003;

// Timestamps in UTC to the microsecond, so the text (and the hash) does not depend on the
// session's TimeZone or DateStyle; every other column's own text is already canonical
// (jsonb's output is normalised, uuids lowercase).
const TIMESTAMP_COLUMNS = new Set(["created_at"]);

function columnText(alias: string, column: string): string {
  return TIMESTAMP_COLUMNS.has(column)
    ? `to_char(${alias}.${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
    : `${alias}.${column}::text`;
}

/** The row's canonical column texts, as one text[] (built from constant column lists only). */
function valuesOf(table: ChainedTable, alias: string): string {
  return `ARRAY[${CHAINED_COLUMNS[table].map((c) => columnText(alias, c)).join(", ")}]::text[]`;
}

/** The columns the canonical encoding reads as timestamps, for the schema check. */
export const CHAIN_TIMESTAMP_COLUMNS: ReadonlySet<string> = TIMESTAMP_COLUMNS;

/**
 * One sealer at a time, until the end of the caller's transaction. The money path never
 * takes this lock: it only writes rows, which a later seal picks up.
 */
export async function lockChainSealing(db: Tx): Promise<void> {
  await db.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEAL_LOCK_KEY})`);
}

/** The last link (the genesis head before any). */
export async function chainHead(db: Tx): Promise<ChainHead | null> {
  const rows = await db.$queryRaw<{ seq: bigint; hash: string }[]>`
    SELECT seq, hash FROM audit_chain_links ORDER BY seq DESC LIMIT 1`;
  return rows[0] ?? null;
}

const UNSEALED_SQL = CHAINED_TABLES.map(
  (table) => `
  SELECT '${table}'::text AS source_table, r.id, r.created_at, ${valuesOf(table, "r")} AS vals
  FROM ${table} r
  WHERE NOT EXISTS (
    SELECT 1 FROM audit_chain_links l WHERE l.source_table = '${table}' AND l.source_id = r.id
  )`,
).join("\n  UNION ALL");

/**
 * Up to `limit` committed rows not in the chain yet, oldest first (then table, then id, so
 * two sealers given the same rows would chain them in the same order). A row committed
 * after this statement's snapshot, even one with an older id or time, is found next time:
 * nothing is skipped for being late.
 */
export async function unsealedRows(db: Tx, limit: number): Promise<ChainRow[]> {
  const rows = await db.$queryRawUnsafe<
    { source_table: string; id: bigint; vals: (string | null)[] }[]
  >(
    `SELECT source_table, id, vals FROM (${UNSEALED_SQL}) u
     ORDER BY created_at, source_table, id LIMIT $1`,
    limit,
  );
  return rows.map((r) => ({ table: chainedTable(r.source_table), id: r.id, values: r.vals }));
}

/** Rows committed before `before` and still not sealed: the oldest, and how many. */
export async function unsealedBefore(
  db: Tx,
  before: Date,
): Promise<{ count: number; oldest: { table: ChainedTable; id: bigint; at: Date } | null }> {
  const rows = await db.$queryRawUnsafe<
    { source_table: string; id: bigint; created_at: Date; total: bigint }[]
  >(
    `SELECT source_table, id, created_at, count(*) OVER () AS total
     FROM (${UNSEALED_SQL}) u WHERE created_at < $1
     ORDER BY created_at, source_table, id LIMIT 1`,
    before,
  );
  const first = rows[0];
  if (!first) return { count: 0, oldest: null };
  return {
    count: Number(first.total),
    oldest: { table: chainedTable(first.source_table), id: first.id, at: first.created_at },
  };
}

/** Appends links; the database checks each follows the one before (at commit). */
export async function insertLinks(db: Tx, links: readonly ChainLink[]): Promise<void> {
  if (links.length === 0) return;
  await db.$executeRaw`
    INSERT INTO audit_chain_links (seq, source_table, source_id, row_hash, prev_hash, hash)
    SELECT * FROM unnest(
      ${links.map((l) => l.seq)}::bigint[], ${links.map((l) => l.table)}::text[],
      ${links.map((l) => l.rowId)}::bigint[], ${links.map((l) => l.rowHash)}::text[],
      ${links.map((l) => l.prevHash)}::text[], ${links.map((l) => l.hash)}::text[])`;
}

/** Publishes `head` as `day`'s head unless that day has one: the first seal of a day wins. */
export async function publishHead(db: Tx, day: string, head: ChainHead): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO audit_chain_heads (day, seq, hash)
    VALUES (${day}::date, ${head.seq}, ${head.hash})
    ON CONFLICT (day) DO NOTHING`;
  return inserted === 1;
}

/** Published heads, oldest first when `newestFirst` is false. */
export async function publishedHeads(
  db: Tx,
  q: { limit?: number; newestFirst: boolean },
): Promise<(PublishedHead & { publishedAt: Date })[]> {
  const rows = await db.$queryRawUnsafe<
    { day: string; seq: bigint; hash: string; published_at: Date }[]
  >(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, seq, hash, published_at FROM audit_chain_heads
     ORDER BY day ${q.newestFirst ? "DESC" : "ASC"} LIMIT $1`,
    q.limit ?? null,
  );
  return rows.map((r) => ({ day: r.day, seq: r.seq, hash: r.hash, publishedAt: r.published_at }));
}

const LINKS_SQL = `
  SELECT l.seq, l.source_table, l.source_id, l.row_hash, l.prev_hash, l.hash,
         CASE l.source_table
           ${CHAINED_TABLES.map(
             (table) =>
               `WHEN '${table}' THEN (SELECT ${valuesOf(table, "r")} FROM ${table} r WHERE r.id = l.source_id)`,
           ).join("\n           ")}
         END AS vals
  FROM audit_chain_links l
  WHERE l.seq > $1
  ORDER BY l.seq
  LIMIT $2`;

/** Up to `limit` links after `afterSeq`, each with its row as the row is now. */
export async function linksAfter(db: Tx, afterSeq: bigint, limit: number): Promise<LinkAndRow[]> {
  const rows = await db.$queryRawUnsafe<
    {
      seq: bigint;
      source_table: string;
      source_id: bigint;
      row_hash: string;
      prev_hash: string;
      hash: string;
      vals: (string | null)[] | null;
    }[]
  >(LINKS_SQL, afterSeq, limit);
  return rows.map((r) => ({
    link: {
      seq: r.seq,
      table: chainedTable(r.source_table),
      rowId: r.source_id,
      rowHash: r.row_hash,
      prevHash: r.prev_hash,
      hash: r.hash,
    },
    values: r.vals,
  }));
}

function chainedTable(name: string): ChainedTable {
  // The table's CHECK allows only chained tables; anything else is a schema the code lags.
  if (!isChainedTable(name)) throw new Error(`audit chain names an unknown table ${name}`);
  return name;
}
