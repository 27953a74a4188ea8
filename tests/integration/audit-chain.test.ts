import pg from "pg";
import { describe, expect, it } from "vitest";
import {
  CHAINED_COLUMNS,
  type ChainBreak,
  GENESIS_HASH,
  headDay,
  linkHash,
  rowHash,
} from "../../src/domain/audit-chain";
import { CHAIN_TIMESTAMP_COLUMNS } from "../../src/server/repositories/audit-chain";
import { auditChainOverview } from "../../src/server/use-cases/audit-chain-overview";
import { sealAuditChain } from "../../src/server/use-cases/seal-audit-chain";
import { verifyAuditChain } from "../../src/server/use-cases/verify-audit-chain";
import { asOwner, newAdmin, newAgent, newCustomer, placeOrder, serveOrder } from "./helpers";

/** Runs SQL as the superuser with triggers off: what an attacker with the keys can do. */
function asSuperuser<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  return asOwner(async (owner) => {
    await owner.query("SET session_replication_role = replica");
    return work(owner);
  });
}

/** Verifies with no grace, so any committed row left unsealed shows. */
async function verifyNow() {
  return verifyAuditChain(new Date(Date.now() + 60_000), 0);
}

async function expectIntact() {
  const report = await verifyNow();
  expect(report.breaks).toEqual([]);
  expect(report.unsealed.count).toBe(0);
  return report;
}

async function expectBreak(expected: Partial<ChainBreak>) {
  const report = await verifyNow();
  expect(report.breaks).toContainEqual(expect.objectContaining(expected));
  return report;
}

async function counts() {
  return asOwner(async (owner) => {
    const { rows } = await owner.query<{ rows: string; links: string; max_seq: string | null }>(
      `SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM order_events) AS rows,
              (SELECT count(*) FROM audit_chain_links) AS links,
              (SELECT max(seq) FROM audit_chain_links) AS max_seq`,
    );
    const r = rows[0]!;
    return { rows: Number(r.rows), links: Number(r.links), maxSeq: Number(r.max_seq ?? 0) };
  });
}

/** A sealed order event (the newest), as a row of text values. */
async function sealedEvent() {
  return asOwner(async (owner) => {
    const { rows } = await owner.query<{ id: string; seq: string; row: Record<string, unknown> }>(
      `SELECT e.id, l.seq, row_to_json(e) AS row FROM order_events e
       JOIN audit_chain_links l ON l.source_table = 'order_events' AND l.source_id = e.id
       ORDER BY l.seq DESC LIMIT 1`,
    );
    return rows[0]!;
  });
}

describe("the audit chain", () => {
  it("encodes every column of the chained tables", async () => {
    const columns = await asOwner((owner) =>
      owner.query<{ table_name: string; column_name: string; data_type: string }>(
        `SELECT table_name, column_name, data_type FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = ANY($1) ORDER BY ordinal_position`,
        [Object.keys(CHAINED_COLUMNS)],
      ),
    );
    for (const [table, listed] of Object.entries(CHAINED_COLUMNS)) {
      const actual = columns.rows.filter((c) => c.table_name === table);
      expect([...listed].sort()).toEqual(actual.map((c) => c.column_name).sort());
      const timestamps = actual.filter((c) => c.data_type.startsWith("timestamp"));
      for (const c of timestamps) expect(CHAIN_TIMESTAMP_COLUMNS.has(c.column_name)).toBe(true);
    }
  });

  it("seals a burst of money orders and audit writes, sealers running meanwhile", async () => {
    const agents = await Promise.all([newAgent(5_000_000n), newAgent(5_000_000n)]);
    const customers = await Promise.all(Array.from({ length: 10 }, () => newCustomer(500_000n)));
    const admin = await newAdmin();
    const suspendable = await newAgent(0n);

    const orders = customers.flatMap((customer, i) =>
      (["CASH_IN", "CASH_OUT", "CASH_IN"] as const).map(async (type) => {
        const order = await placeOrder(customer, type, 10_000n);
        await serveOrder(agents[i % 2]!, customer, order);
      }),
    );
    const audits = Array.from({ length: 10 }, (_, i) =>
      i % 2 === 0
        ? admin.api.admin.suspendAgent({ agentId: suspendable.agentId, reason: "burst" })
        : admin.api.admin.reactivateAgent({ agentId: suspendable.agentId }),
    );
    // Sealers run while rows are being written: rows committed after a sealer's snapshot
    // (some with older ids and times) must be chained by a later one, none skipped.
    const sealers = Array.from({ length: 4 }, () => sealAuditChain());
    const results = await Promise.allSettled([...orders, ...audits, ...sealers]);
    const failed = results.filter((r) => r.status === "rejected");
    // Suspending an already suspended agent may be refused; money orders may not fail.
    expect(results.slice(0, orders.length).filter((r) => r.status === "rejected")).toEqual([]);
    expect(failed.length).toBeLessThan(results.length - orders.length);

    await sealAuditChain();
    const report = await expectIntact();
    const c = await counts();
    expect(c.links).toBe(c.rows);
    expect(c.maxSeq).toBe(c.links);
    expect(report.head.seq).toBe(BigInt(c.links));
  });

  it("chains a row that commits late, after rows written after it", async () => {
    const app = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await app.connect();
    try {
      await app.query("BEGIN");
      const early = await app.query<{ id: string }>(
        `INSERT INTO audit_log (actor_role, action, entity_type, entity_id)
         VALUES ('SYSTEM', 'test.late', 'test', 'late') RETURNING id`,
      );
      const admin = await newAdmin();
      const agent = await newAgent(0n);
      await admin.api.admin.suspendAgent({ agentId: agent.agentId, reason: "later" });
      await sealAuditChain();
      await app.query("COMMIT");
      const before = await verifyNow();
      expect(before.breaks).toEqual([]);
      expect(before.unsealed.count).toBe(1);
      expect(before.unsealed.oldest).toMatchObject({
        table: "audit_log",
        id: BigInt(early.rows[0]!.id),
      });
      await sealAuditChain();
      await expectIntact();
    } finally {
      await app.end();
    }
  });

  it("two sealers at once make one chain, each row once", async () => {
    const admin = await newAdmin();
    const agent = await newAgent(0n);
    for (let i = 0; i < 5; i++) {
      await admin.api.admin.suspendAgent({ agentId: agent.agentId, reason: `twice ${i}` });
      await admin.api.admin.reactivateAgent({ agentId: agent.agentId });
    }
    const before = await counts();
    const runs = await Promise.all(Array.from({ length: 6 }, () => sealAuditChain()));
    const after = await counts();
    expect(runs.reduce((sum, r) => sum + r.sealed, 0)).toBe(after.links - before.links);
    expect(after.links).toBe(after.rows);
    expect(after.maxSeq).toBe(after.links);
    await expectIntact();
  });

  it("publishes one head per day however many seals run", async () => {
    const day = new Date("2031-03-04T09:00:00Z");
    await Promise.all(Array.from({ length: 8 }, () => sealAuditChain(() => day)));
    const heads = await asOwner((owner) =>
      owner.query<{ seq: string; hash: string }>(
        "SELECT seq, hash FROM audit_chain_heads WHERE day = $1::date",
        [headDay(day)],
      ),
    );
    expect(heads.rows).toHaveLength(1);
    await expectIntact();
    const overview = await auditChainOverview(day);
    expect(overview.todayHead).toMatchObject({ day: "2031-03-04", hash: heads.rows[0]!.hash });
    expect(overview.heads[0]!.day).toBe("2031-03-04");
  });

  it("names a row edited directly in SQL, and is intact again once it is put back", async () => {
    await sealAuditChain();
    const { id, seq, row } = await sealedEvent();
    await asSuperuser((su) =>
      su.query("UPDATE order_events SET detail = 'rewritten' WHERE id = $1", [id]),
    );
    await expectBreak({
      kind: "changed-row",
      table: "order_events",
      rowId: BigInt(id),
      seq: BigInt(seq),
    });
    await asSuperuser((su) =>
      su.query("UPDATE order_events SET detail = $2 WHERE id = $1", [id, row.detail]),
    );
    await expectIntact();
  });

  it("names an edited jsonb value and an edited time", async () => {
    const { rows } = await asOwner((owner) =>
      owner.query<{ id: string; after: unknown; created_at: Date }>(
        `SELECT a.id, a.after, a.created_at FROM audit_log a
         JOIN audit_chain_links l ON l.source_table = 'audit_log' AND l.source_id = a.id
         WHERE a.after IS NOT NULL ORDER BY l.seq DESC LIMIT 1`,
      ),
    );
    const { id, after, created_at } = rows[0]!;
    await asSuperuser((su) =>
      su.query(`UPDATE audit_log SET after = after || '{"x": 1}' WHERE id = $1`, [id]),
    );
    await expectBreak({ kind: "changed-row", table: "audit_log", rowId: BigInt(id) });
    await asSuperuser((su) =>
      su.query(
        "UPDATE audit_log SET after = $2, created_at = created_at + interval '1 ms' WHERE id = $1",
        [id, JSON.stringify(after)],
      ),
    );
    await expectBreak({ kind: "changed-row", table: "audit_log", rowId: BigInt(id) });
    await asSuperuser((su) =>
      su.query("UPDATE audit_log SET created_at = $2 WHERE id = $1", [id, created_at]),
    );
    await expectIntact();
  });

  it("names a deleted row", async () => {
    const { id, seq, row } = await sealedEvent();
    await asSuperuser((su) => su.query("DELETE FROM order_events WHERE id = $1", [id]));
    await expectBreak({
      kind: "deleted-row",
      table: "order_events",
      rowId: BigInt(id),
      seq: BigInt(seq),
    });
    await asSuperuser((su) =>
      su.query(
        "INSERT INTO order_events SELECT * FROM json_populate_record(NULL::order_events, $1)",
        [JSON.stringify(row)],
      ),
    );
    await expectIntact();
  });

  it("names a tampered link, even one rewritten to fit an edited row", async () => {
    const { id, seq } = await sealedEvent();
    const link = await asOwner(async (owner) => {
      const { rows } = await owner.query<{ prev_hash: string; row_hash: string; hash: string }>(
        "SELECT prev_hash, row_hash, hash FROM audit_chain_links WHERE seq = $1",
        [seq],
      );
      return rows[0]!;
    });
    // The table's CHECK recomputes a link's hash, so a forger keeps it consistent.
    const forgedPrev = "e".repeat(64);
    await asSuperuser((su) =>
      su.query("UPDATE audit_chain_links SET prev_hash = $2, hash = $3 WHERE seq = $1", [
        seq,
        forgedPrev,
        linkHash(forgedPrev, link.row_hash),
      ]),
    );
    await expectBreak({ kind: "broken-link", seq: BigInt(seq), rowId: BigInt(id) });
    await asSuperuser((su) =>
      su.query("UPDATE audit_chain_links SET prev_hash = $2, hash = $3 WHERE seq = $1", [
        seq,
        link.prev_hash,
        link.hash,
      ]),
    );
    await expectIntact();

    // An earlier link rewritten to fit its edited row: the link after it still holds the old
    // hash. (The newest event's link is last; take one that has a successor.)
    const earlier = BigInt(seq) - 1n;
    const target = await asOwner(async (owner) => {
      const { rows } = await owner.query<{
        source_table: "audit_log" | "order_events";
        source_id: string;
        prev_hash: string;
        row_hash: string;
        hash: string;
      }>("SELECT * FROM audit_chain_links WHERE seq = $1", [earlier]);
      return rows[0]!;
    });
    const column = target.source_table === "audit_log" ? "entity_id" : "detail";
    const original = await asOwner(async (owner) => {
      const { rows } = await owner.query<{ v: string | null }>(
        `SELECT ${column} AS v FROM ${target.source_table} WHERE id = $1`,
        [target.source_id],
      );
      return rows[0]!.v;
    });
    await asSuperuser(async (su) => {
      await su.query(`UPDATE ${target.source_table} SET ${column} = 'forged' WHERE id = $1`, [
        target.source_id,
      ]);
      const { rows } = await su.query<{ vals: (string | null)[] }>(
        `SELECT ARRAY[${CHAINED_COLUMNS[target.source_table]
          .map((c) =>
            CHAIN_TIMESTAMP_COLUMNS.has(c)
              ? `to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
              : `${c}::text`,
          )
          .join(", ")}] AS vals FROM ${target.source_table} WHERE id = $1`,
        [target.source_id],
      );
      const forgedRow = rowHash(target.source_table, rows[0]!.vals);
      await su.query("UPDATE audit_chain_links SET row_hash = $2, hash = $3 WHERE seq = $1", [
        earlier,
        forgedRow,
        linkHash(target.prev_hash, forgedRow),
      ]);
    });
    const report = await expectBreak({
      kind: "broken-link",
      seq: BigInt(seq),
      detail: `does not follow link ${earlier}`,
    });
    expect(report.rowBreaks).toBe(0);
    await asSuperuser(async (su) => {
      await su.query(`UPDATE ${target.source_table} SET ${column} = $2 WHERE id = $1`, [
        target.source_id,
        original,
      ]);
      await su.query("UPDATE audit_chain_links SET row_hash = $2, hash = $3 WHERE seq = $1", [
        earlier,
        target.row_hash,
        target.hash,
      ]);
    });
    await expectIntact();
  });

  it("names a tampered published head", async () => {
    const day = headDay(new Date());
    await sealAuditChain();
    const head = await asOwner(async (owner) => {
      const { rows } = await owner.query<{ hash: string }>(
        "SELECT hash FROM audit_chain_heads WHERE day = $1::date",
        [day],
      );
      return rows[0]!;
    });
    await asSuperuser((su) =>
      su.query("UPDATE audit_chain_heads SET hash = $2 WHERE day = $1::date", [
        day,
        "a".repeat(64),
      ]),
    );
    await expectBreak({ kind: "head-mismatch", day });
    await asSuperuser((su) =>
      su.query("UPDATE audit_chain_heads SET hash = $2 WHERE day = $1::date", [day, head.hash]),
    );
    await expectIntact();
  });

  it("the database refuses a link that does not follow, and a row sealed twice", async () => {
    const app = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await app.connect();
    try {
      const { rows } = await app.query<{ seq: string; source_table: string; source_id: string }>(
        "SELECT seq, source_table, source_id FROM audit_chain_links ORDER BY seq DESC LIMIT 1",
      );
      const last = rows[0]!;
      const rowHex = "b".repeat(64);
      const forged = (prev: string, seq: bigint, source: [string, string]) =>
        app.query(
          `INSERT INTO audit_chain_links (seq, source_table, source_id, row_hash, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [seq, source[0], source[1], rowHex, prev, linkHash(prev, rowHex)],
        );
      await expect(
        forged(GENESIS_HASH, BigInt(last.seq) + 1n, ["audit_log", "-1"]),
      ).rejects.toThrow(/does not follow/);
      await expect(forged(GENESIS_HASH, BigInt(last.seq), ["audit_log", "-1"])).rejects.toThrow(
        /duplicate key/,
      );
      await expect(
        forged(GENESIS_HASH, BigInt(last.seq) + 1n, [last.source_table, last.source_id]),
      ).rejects.toThrow(/duplicate key/);
      await expect(app.query("UPDATE audit_chain_links SET sealed_at = now()")).rejects.toThrow(
        /permission denied/,
      );
    } finally {
      await app.end();
    }
    await expectIntact();
  });

  it("operators read the heads; nobody else", async () => {
    const admin = await newAdmin();
    const overview = await admin.api.admin.auditChain();
    expect(overview.today).toBe(headDay(new Date()));
    expect(overview.todayHead?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(overview.links).toBeGreaterThan(0n);
    const customer = await newCustomer();
    await expect(customer.api.admin.auditChain()).rejects.toThrow();
  });
});
