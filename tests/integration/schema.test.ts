import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { LIVE_STATUSES } from "../../src/domain/order-state";
import { dropDatabase, ensureDatabase, migrate } from "../../src/server/db/migrate";
import { inTransaction } from "../../src/server/db/transaction";
import { LIVE_SQL, UNEXECUTED_SQL } from "../../src/server/repositories/orders";
import { asOwner, newCustomer } from "./helpers";

// `prisma migrate diff` needs Prisma's schema engine, which cannot be installed here; this
// test plays its role: every model and field of schema.prisma must exist in the migrated
// database with the mapped name, and every @@index/@@unique must have a matching index.
const schema = readFileSync(path.join(process.cwd(), "prisma/schema.prisma"), "utf8");

const COLUMN_TYPES = new Set([
  "String",
  "Int",
  "BigInt",
  "Boolean",
  "DateTime",
  "Json",
  "Decimal",
  ...[...schema.matchAll(/enum (\w+) \{/g)].map((m) => m[1]!),
]);

function models() {
  const out: { table: string; columns: string[]; indexes: string[][] }[] = [];
  for (const match of schema.matchAll(/model (\w+) \{([\s\S]*?)\n\}/g)) {
    const body = match[2]!;
    const table = /@@map\("(\w+)"\)/.exec(body)?.[1] ?? match[1]!;
    const columns: string[] = [];
    const mapOf = new Map<string, string>();
    for (const line of body.split("\n")) {
      const field = /^\s+(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
      if (!field || line.trim().startsWith("@@")) continue;
      const [, name, type, list, , attrs] = field;
      // Relation fields and lists are not columns; scalars and enums are.
      if (list || /@relation/.test(attrs!) || !COLUMN_TYPES.has(type!)) continue;
      const column = /@map\("(\w+)"\)/.exec(attrs!)?.[1] ?? name!;
      mapOf.set(name!, column);
      columns.push(column);
    }
    const indexes = [...body.matchAll(/@@(?:index|unique|id)\(\[([^\]]+)\]/g)].map((m) =>
      m[1]!.split(",").map((f) => mapOf.get(f.trim()) ?? f.trim()),
    );
    out.push({ table, columns, indexes });
  }
  return out;
}

describe("migrations", () => {
  it("match schema.prisma: every model, field and index exists", async () => {
    const found = models();
    expect(found.length).toBeGreaterThanOrEqual(10);
    await inTransaction(async (tx) => {
      for (const model of found) {
        const cols = await tx.$queryRaw<{ column_name: string }[]>`
          SELECT column_name FROM information_schema.columns WHERE table_name = ${model.table}`;
        const names = cols.map((c) => c.column_name);
        expect(names, `table ${model.table}`).toEqual(expect.arrayContaining(model.columns));
        for (const index of model.indexes) {
          const rows = await tx.$queryRaw<{ n: bigint }[]>`
            SELECT count(*) AS n FROM pg_index i
            JOIN pg_class t ON t.oid = i.indrelid
            WHERE t.relname = ${model.table}
              AND (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) = ${index}::text[]`;
          expect(rows[0]!.n, `index ${model.table}(${index.join(",")})`).toBeGreaterThan(0n);
        }
      }
    });
  });

  // The domain's status lists are the source (src/domain/order-state.ts); the database keeps
  // copies where SQL needs a constant (a function body, a partial index's predicate). This
  // test fails when the domain's lists change and those copies do not follow.
  it("the database's copies of the live and unexecuted statuses agree with the domain", async () => {
    await inTransaction(async (tx) => {
      const [fn] = await tx.$queryRaw<{ def: string }[]>`
        SELECT pg_get_functiondef('order_create'::regproc) AS def`;
      expect(fn!.def).toContain(`status IN (${LIVE_SQL})`);
      expect(fn!.def).toContain(`status NOT IN (${UNEXECUTED_SQL})`);
      // A typed code stays taken while its order is live (and, for history, APPROVED).
      const [index] = await tx.$queryRaw<{ def: string }[]>`
        SELECT pg_get_indexdef('orders_live_typed_code_key'::regclass) AS def`;
      const reserved = [...index!.def.matchAll(/'(\w+)'::"OrderStatus"/g)].map((m) => m[1]);
      expect(reserved.sort()).toEqual([...LIVE_STATUSES, "APPROVED"].sort());
    });
  });

  it("are safe to run again: nothing is applied twice", async () => {
    const again = await migrate(process.env.MIGRATION_DATABASE_URL!);
    expect(again.applied).toEqual([]);
    expect(again.skipped).toBeGreaterThan(0);
  });

  // The demo seed used to create these: a database migrated without it failed every order.
  it("bootstrap the platform without any seed: settings version 1 and the platform accounts", async () => {
    const url = new URL(process.env.MIGRATION_DATABASE_URL!);
    url.pathname = `${url.pathname}_boot`;
    await dropDatabase(url.toString());
    await ensureDatabase(url.toString());
    try {
      await migrate(url.toString());
      await migrate(url.toString());
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        const versions = await client.query(
          "SELECT version, settings->>'currency' AS currency FROM config_versions",
        );
        expect(versions.rows).toEqual([{ version: 1, currency: "KES" }]);
        const accounts = await client.query(
          `SELECT kind::text, currency, allow_negative, array_agg(shard ORDER BY shard) AS shards
           FROM accounts GROUP BY 1, 2, 3 ORDER BY kind::text`,
        );
        // The accounts every order touches come in 8 sub-accounts (fast_money_path migration).
        const all = [0, 1, 2, 3, 4, 5, 6, 7];
        expect(accounts.rows).toEqual([
          { kind: "COMMISSION_EXPENSE", currency: "KES", allow_negative: true, shards: all },
          { kind: "FEE_REVENUE", currency: "KES", allow_negative: true, shards: all },
          { kind: "SETTLEMENT", currency: "KES", allow_negative: true, shards: [0] },
        ]);
        // No people: the demo customers, agents and operators are a demo's, not a deployment's.
        expect((await client.query("SELECT count(*)::int AS n FROM users")).rows).toEqual([
          { n: 0 },
        ]);
      } finally {
        await client.end();
      }
    } finally {
      await dropDatabase(url.toString());
    }
  });

  it("concurrent runners wait for each other under the advisory lock", async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() => migrate(process.env.MIGRATION_DATABASE_URL!)),
    );
    for (const r of results) expect(r.applied).toEqual([]);
  });

  // The app's role may not even try (least-privilege.test.ts); the trigger stops the owner.
  it("the journal is append-only, even for the owner", async () => {
    await newCustomer(1_000n); // at least one entry, whichever files ran before
    await asOwner(async (owner) => {
      await expect(
        owner.query(
          "UPDATE postings SET amount = amount WHERE id = (SELECT min(id) FROM postings)",
        ),
      ).rejects.toThrow(/append-only/);
      await expect(
        owner.query("DELETE FROM journal_entries WHERE id = (SELECT min(id) FROM journal_entries)"),
      ).rejects.toThrow(/append-only/);
    });
  });
});
