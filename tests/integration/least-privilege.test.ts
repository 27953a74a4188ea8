import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asOwner, balances, key, newAgent, newCustomer, placeOrder } from "./helpers";

// The app connects as a member of proxypay_app (the whole integration suite does: see
// global-setup.ts). Here: that role is not the owner, it can run real money flows, and it
// cannot change the schema or rewrite history, whatever SQL it is made to send.
const APPEND_ONLY = [
  "postings",
  "journal_entries",
  "audit_log",
  "order_events",
  "config_versions",
  "audit_chain_links",
  "audit_chain_heads",
  "overcharge_reports",
  "overcharge_flags",
  "cash_drawer_moves",
];
const DENIED = /permission denied|must be owner/;

let app: pg.Client;

beforeAll(async () => {
  app = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await app.connect();
});

afterAll(async () => {
  await app.end();
});

describe("the app's database role", () => {
  it("is a plain login in proxypay_app, not a superuser and not the owner", async () => {
    const { rows } = await app.query<{ me: string; super: boolean; member: boolean }>(
      `SELECT current_user AS me, rolsuper AS super,
              pg_has_role(current_user, 'proxypay_app', 'MEMBER') AS member
       FROM pg_roles WHERE rolname = current_user`,
    );
    expect(rows[0]).toEqual({ me: "proxypay_it_app", super: false, member: true });
    const owned = await app.query(
      "SELECT relname FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)",
    );
    expect(owned.rows).toEqual([]);
  });

  it("runs a cash-in and a cash-out through the use cases", async () => {
    const customer = await newCustomer(100_000n);
    const agent = await newAgent(1_000_000n);
    const cashIn = await placeOrder(customer, "CASH_IN", 20_000n);
    await agent.api.agent.claim({ token: cashIn.token! });
    const done = await agent.api.agent.confirm({ orderId: cashIn.id, idempotencyKey: key() });
    expect(done.status).toBe("COMPLETED");

    const cashOut = await placeOrder(customer, "CASH_OUT", 50_000n);
    await agent.api.agent.claim({ token: cashOut.token! });
    const paid = await customer.api.customer.answerApproval({
      orderId: cashOut.id,
      approve: true,
      pin: "1234",
      idempotencyKey: key(),
    });
    expect(paid.status).toBe("COMPLETED");
    // 100,000 + 20,000 cash-in - 50,000 - 1,000 fee.
    expect((await balances(customer.userId)).WALLET).toEqual({ balance: 69_000n, onHold: 0n });
  });

  it("cannot change the schema", async () => {
    await expect(app.query("ALTER TABLE orders ADD COLUMN x int")).rejects.toThrow(DENIED);
    await expect(app.query("DROP TABLE rate_limits")).rejects.toThrow(DENIED);
    await expect(app.query("CREATE TABLE mine (id int)")).rejects.toThrow(DENIED);
    await expect(
      app.query("CREATE FUNCTION mine() RETURNS int LANGUAGE sql AS 'SELECT 1'"),
    ).rejects.toThrow(DENIED);
    await expect(
      app.query(
        "CREATE OR REPLACE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'",
      ),
    ).rejects.toThrow(DENIED);
    await expect(app.query("ALTER TABLE postings DISABLE TRIGGER ALL")).rejects.toThrow(DENIED);
  });

  it.each(APPEND_ONLY)("cannot UPDATE, DELETE or TRUNCATE %s", async (table) => {
    const column =
      table === "postings" ? "amount" : table.startsWith("audit_chain_") ? "seq" : "created_at";
    await expect(app.query(`UPDATE ${table} SET ${column} = ${column}`)).rejects.toThrow(DENIED);
    await expect(app.query(`DELETE FROM ${table}`)).rejects.toThrow(DENIED);
    await expect(app.query(`TRUNCATE ${table} CASCADE`)).rejects.toThrow(DENIED);
  });

  it("writes the journal and balances only through ledger_post", async () => {
    await expect(
      app.query(
        "INSERT INTO journal_entries (kind, description) VALUES ('FORGED', 'money from nowhere')",
      ),
    ).rejects.toThrow(DENIED);
    await expect(
      app.query(
        "INSERT INTO postings (entry_id, account_id, amount, currency, balance_after) SELECT min(id), 1, 1, 'KES', 1 FROM journal_entries",
      ),
    ).rejects.toThrow(DENIED);
    await expect(app.query("UPDATE accounts SET balance = balance + 1")).rejects.toThrow(DENIED);
    await expect(
      app.query(
        "INSERT INTO accounts (kind, currency, user_id, balance) SELECT 'WALLET', 'USD', id, 100 FROM users LIMIT 1",
      ),
    ).rejects.toThrow(DENIED);
    // ledger_post itself still refuses an unbalanced entry, whoever calls it.
    const accounts = await app.query<{ id: string }>(
      "SELECT id FROM accounts WHERE user_id IS NULL AND currency = 'KES' ORDER BY id LIMIT 2",
    );
    const [a, b] = accounts.rows.map((r) => r.id);
    await expect(
      app.query("SELECT * FROM ledger_post('FORGED', NULL, 'x', $1::bigint[], $2::bigint[])", [
        [a, b],
        [-1, 2],
      ]),
    ).rejects.toThrow(/do not balance/);
  });

  it("ledger_post runs as its owner with a fixed search_path, and only proxypay_app may call it", async () => {
    const { rows } = await asOwner((owner) =>
      owner.query<{ definer: boolean; config: string[]; public_exec: boolean }>(
        `SELECT prosecdef AS definer, proconfig AS config,
                has_function_privilege('public', p.oid, 'EXECUTE') AS public_exec
         FROM pg_proc p WHERE proname = 'ledger_post'`,
      ),
    );
    expect(rows).toEqual([
      { definer: true, config: ["search_path=pg_catalog, public, pg_temp"], public_exec: false },
    ]);
  });

  // A new table gets no privileges by default: the app would fail on it in production. Every
  // table must be granted in its migration (and append-only ones SELECT, INSERT at most).
  it("every table has a decision for proxypay_app, and none grants TRUNCATE", async () => {
    const { rows } = await asOwner((owner) =>
      owner.query<{ table: string; select: boolean; update: boolean; truncate: boolean }>(
        `SELECT c.relname AS table,
                has_table_privilege('proxypay_app', c.oid, 'SELECT') AS select,
                has_table_privilege('proxypay_app', c.oid, 'UPDATE') OR
                  has_table_privilege('proxypay_app', c.oid, 'DELETE') AS update,
                has_table_privilege('proxypay_app', c.oid, 'TRUNCATE') OR
                  has_table_privilege('proxypay_app', c.oid, 'TRIGGER') OR
                  has_table_privilege('proxypay_app', c.oid, 'REFERENCES') AS truncate
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
         ORDER BY 1`,
      ),
    );
    expect(rows.length).toBeGreaterThanOrEqual(14);
    for (const row of rows) {
      expect(row.select, `proxypay_app has no grants on ${row.table}`).toBe(true);
      expect(row.truncate, `${row.table}: TRUNCATE, TRIGGER or REFERENCES`).toBe(false);
      if (APPEND_ONLY.includes(row.table)) expect(row.update, row.table).toBe(false);
    }
  });
});
