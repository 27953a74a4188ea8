import { createHash } from "node:crypto";

/**
 * The audit chain (docs/decisions.md, "Audit chain"): every order event and audit row,
 * once committed, becomes one link holding the row's content hash, the previous link's hash
 * and its own hash, sha256(prev || row hash). Changing, removing or reordering anything
 * sealed changes a hash that a later link, or a published daily head, still holds.
 */

/**
 * Every column of each chained table, in the order they are encoded. The integration test
 * holds these lists to the database's columns: a column added without being listed here
 * would be history the chain does not cover.
 */
export const CHAINED_COLUMNS = {
  audit_log: [
    "id",
    "actor_id",
    "actor_role",
    "action",
    "entity_type",
    "entity_id",
    "ip",
    "before",
    "after",
    "created_at",
  ],
  order_events: [
    "id",
    "order_id",
    "from_status",
    "to_status",
    "actor_id",
    "actor_role",
    "detail",
    "created_at",
  ],
} as const;

export type ChainedTable = keyof typeof CHAINED_COLUMNS;
export const CHAINED_TABLES = Object.keys(CHAINED_COLUMNS) as ChainedTable[];

export function isChainedTable(name: string): name is ChainedTable {
  return Object.hasOwn(CHAINED_COLUMNS, name);
}

/** What the first link follows. */
export const GENESIS_HASH = "0".repeat(64);

/** Sealed rows older than this and still unsealed mean the sealer is not running. */
export const UNSEALED_GRACE_MINUTES = 10;

/** The daily heads are days in the platform's time zone. */
export const HEAD_TIME_ZONE = "Africa/Nairobi";

function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * A row's canonical encoding: the table, then each column's name and value as PostgreSQL's
 * text (timestamps in UTC to the microsecond, jsonb in its normalised text), null kept
 * distinct from any string. JSON gives one unambiguous spelling of that list.
 */
export function canonicalRow(table: ChainedTable, values: readonly (string | null)[]): string {
  const columns = CHAINED_COLUMNS[table];
  if (values.length !== columns.length) {
    throw new Error(`${table} has ${columns.length} columns, got ${values.length} values`);
  }
  return JSON.stringify([table, columns.map((column, i) => [column, values[i]])]);
}

export function rowHash(table: ChainedTable, values: readonly (string | null)[]): string {
  return sha256Hex(canonicalRow(table, values));
}

/** sha256(prev || row hash), over the 32 + 32 bytes (the database's CHECK computes the same). */
export function linkHash(prevHash: string, rowHashHex: string): string {
  return sha256Hex(Buffer.concat([Buffer.from(prevHash, "hex"), Buffer.from(rowHashHex, "hex")]));
}

export interface ChainHead {
  seq: bigint;
  hash: string;
}

export const GENESIS: ChainHead = { seq: 0n, hash: GENESIS_HASH };

export interface ChainRow {
  table: ChainedTable;
  id: bigint;
  values: (string | null)[];
}

export interface ChainLink {
  seq: bigint;
  table: ChainedTable;
  rowId: bigint;
  rowHash: string;
  prevHash: string;
  hash: string;
}

/** The links that append `rows`, in the order given, after `head`. */
export function linksFor(head: ChainHead, rows: readonly ChainRow[]): ChainLink[] {
  const links: ChainLink[] = [];
  let prev = head;
  for (const row of rows) {
    const content = rowHash(row.table, row.values);
    const link: ChainLink = {
      seq: prev.seq + 1n,
      table: row.table,
      rowId: row.id,
      rowHash: content,
      prevHash: prev.hash,
      hash: linkHash(prev.hash, content),
    };
    links.push(link);
    prev = link;
  }
  return links;
}

/** A stored link with its row as the row is now (null: no such row any more). */
export interface LinkAndRow {
  link: ChainLink;
  values: (string | null)[] | null;
}

/**
 * The first thing wrong, in the words an operator acts on (docs/operations.md):
 * changed-row: the row's content no longer matches what was sealed;
 * deleted-row: the link's row is gone;
 * broken-link: the link is not the next one, does not follow the link before it, or its own
 *   hash is not sha256(prev || row hash): the chain itself was edited;
 * head-mismatch: a published head names a link that is missing or has another hash.
 */
export type ChainBreak =
  | { kind: "changed-row" | "deleted-row"; seq: bigint; table: ChainedTable; rowId: bigint }
  | { kind: "broken-link"; seq: bigint; table: ChainedTable; rowId: bigint; detail: string }
  | { kind: "head-mismatch"; day: string; seq: bigint; published: string; found: string | null };

/** Where a walk of the chain stands after some pages. */
export interface Walk {
  /** The last link whose place in the chain checks out. */
  head: ChainHead;
  /** The first link that does not follow from the one before: the walk stops there. */
  linkBreak: ChainBreak | null;
  /** The first row that no longer matches its link, and how many such rows were met. */
  rowBreak: ChainBreak | null;
  rowBreaks: number;
}

export const WALK_START: Walk = { head: GENESIS, linkBreak: null, rowBreak: null, rowBreaks: 0 };

/**
 * Walks one page of links. The links' own sequence is checked first and stops the walk (past
 * an edited link nothing can be trusted); a row that no longer matches its link is noted and
 * the walk goes on, so that a link edited to fit an edited row is still named as an edited
 * link (the next link holds the old hash), not as a changed row.
 */
export function walkLinks(walk: Walk, page: readonly LinkAndRow[]): Walk {
  if (walk.linkBreak) return walk;
  let { head, rowBreak, rowBreaks } = walk;
  for (const { link, values } of page) {
    const at = { seq: link.seq, table: link.table, rowId: link.rowId };
    const detail =
      link.seq !== head.seq + 1n
        ? `expected link ${head.seq + 1n}`
        : link.prevHash !== head.hash
          ? `does not follow link ${head.seq}`
          : link.hash !== linkHash(link.prevHash, link.rowHash)
            ? "its hash is not sha256(prev || row)"
            : null;
    if (detail) {
      return { head, linkBreak: { kind: "broken-link", ...at, detail }, rowBreak, rowBreaks };
    }
    const rowProblem =
      values === null
        ? ("deleted-row" as const)
        : rowHash(link.table, values) !== link.rowHash
          ? ("changed-row" as const)
          : null;
    if (rowProblem) {
      rowBreaks += 1;
      rowBreak ??= { kind: rowProblem, ...at };
    }
    head = { seq: link.seq, hash: link.hash };
  }
  return { head, linkBreak: null, rowBreak, rowBreaks };
}

export interface PublishedHead {
  day: string;
  seq: bigint;
  hash: string;
}

/**
 * The first published head that the walked chain does not bear out. `hashAt` gives the
 * hash of a link the walk verified (undefined: the walk never reached it).
 */
export function checkHeads(
  heads: readonly PublishedHead[],
  hashAt: (seq: bigint) => string | undefined,
): ChainBreak | null {
  for (const head of heads) {
    const found = head.seq === 0n ? GENESIS_HASH : (hashAt(head.seq) ?? null);
    if (found !== head.hash) {
      return {
        kind: "head-mismatch",
        day: head.day,
        seq: head.seq,
        published: head.hash,
        found,
      };
    }
  }
  return null;
}

/** The calendar day (YYYY-MM-DD) of `at` in the platform's time zone. */
export function headDay(at: Date): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: HEAD_TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
}

/** One line for the verifier's report and the operations runbook. */
export function describeBreak(b: ChainBreak): string {
  switch (b.kind) {
    case "changed-row":
      return `changed row: ${b.table} id ${b.rowId} (link ${b.seq}) no longer matches its sealed hash`;
    case "deleted-row":
      return `deleted row: ${b.table} id ${b.rowId} (link ${b.seq}) is gone`;
    case "broken-link":
      return `broken link: link ${b.seq} (${b.table} id ${b.rowId}) ${b.detail}`;
    case "head-mismatch":
      return `head mismatch: the head published for ${b.day} names link ${b.seq} with hash ${b.published}, the chain has ${b.found ?? "no such link"}`;
  }
}
