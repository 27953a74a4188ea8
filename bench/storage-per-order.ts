// What one order leaves behind in PostgreSQL: WAL bytes, rows and bytes per table, and what
// that comes to in a year at a stated volume. Orders go through the real use cases (create,
// claim, then confirm for a cash-in or the customer's approval with a PIN for a cash-out), as
// the integration tests drive them. Prints figures; asserts nothing. docs/scaling.md reads them.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/pp_scaling_x npm run bench:storage
//   ORDERS=2000 CONCURRENCY=8 CHECKPOINT=1 WAL_DIR=/path/to/pg_wal npm run bench:storage
//
// WAL is counted from pg_current_wal_insert_lsn() before and after each phase. That position
// belongs to the whole server: on a shared server other people's writes land in the figure, so
// clean figures need a server of one's own (docs/scaling.md says how). CHECKPOINT=1 checkpoints
// before each phase (superuser), so the phase pays the full-page images a busy primary pays
// once per checkpoint for every page it touches; WAL_DIR runs pg_waldump --stats over each
// phase's WAL and switches to a new WAL segment after it (a server of one's own, pg_waldump
// on PATH or PG_WALDUMP).
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { databaseUrl, disconnectDb } from "../src/server/db/client";
import { depositFromSettlement } from "../src/server/db/seed";
import { inTransaction } from "../src/server/db/transaction";
import { ensureUserAccount } from "../src/server/repositories/accounts";
import { findInvariantViolations } from "../src/server/repositories/invariants";
import { insertAgent, insertUser } from "../src/server/repositories/users";
import { hashPin } from "../src/server/security/pin";
import type { Actor } from "../src/server/use-cases/actor";
import { answerApproval } from "../src/server/use-cases/answer-approval";
import { claimOrder } from "../src/server/use-cases/claim-order";
import { confirmOrder } from "../src/server/use-cases/confirm-order";
import { createOrder } from "../src/server/use-cases/create-order";

const ORDERS = Number(process.env.ORDERS ?? 1000); // per phase (cash-in, then cash-out)
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 4);
const CHECKPOINT = process.env.CHECKPOINT === "1";
const WAL_DIR = process.env.WAL_DIR;
const PG_WALDUMP = process.env.PG_WALDUMP ?? "pg_waldump";
const AMOUNT = 10_000n;
const AGENTS = 16;
// Enough customers that no daily limit or wallet maximum is reached.
const ORDERS_PER_CUSTOMER = 20;
const VOLUMES = [1_000_000, 10_000_000]; // orders a day, for the yearly figures

process.env.NEXTAUTH_SECRET ??= "benchmark-secret-0123456789abcdef0123";

type Person = { actor: Actor };

async function customer(pinHash: string): Promise<Person> {
  const userId = randomUUID();
  const phone = `+2547${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  await inTransaction(async (tx) => {
    await insertUser(tx, { id: userId, role: "CUSTOMER", phone, name: "Bench", pinHash });
    const wallet = await ensureUserAccount(tx, userId, "WALLET", "KES");
    // Cash-outs need money in the wallet: what this customer's cash-outs take, and a margin.
    await depositFromSettlement(
      tx,
      wallet,
      AMOUNT * 2n * BigInt(ORDERS_PER_CUSTOMER),
      "TEST_FUNDING",
      "bench wallet",
    );
  });
  return { actor: { userId, role: "CUSTOMER", ip: "10.0.0.2" } };
}

async function agent(): Promise<Person> {
  const userId = randomUUID();
  const phone = `+2547${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  await inTransaction(async (tx) => {
    await insertUser(tx, { id: userId, role: "AGENT", phone, name: "Bench", pinHash: "x" });
    await insertAgent(tx, {
      id: randomUUID(),
      userId,
      shopName: "Bench Shop",
      locationText: "bench",
    });
    const float = await ensureUserAccount(tx, userId, "FLOAT", "KES");
    await ensureUserAccount(tx, userId, "COMMISSION", "KES");
    await depositFromSettlement(
      tx,
      float,
      AMOUNT * 2n * BigInt(ORDERS),
      "FLOAT_FUNDING",
      "bench float",
    );
  });
  return { actor: { userId, role: "AGENT", ip: "10.0.0.3" } };
}

type TableFigures = { rows: number; heap: number; indexes: number; rowBytes: number };
type Snapshot = { lsn: string; tables: Map<string, TableFigures> };

async function snapshot(db: pg.Client): Promise<Snapshot> {
  const { rows: names } = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
     ORDER BY 1`,
  );
  const tables = new Map<string, TableFigures>();
  for (const { name } of names) {
    // pg_table_size: heap + TOAST + free space and visibility maps; pg_column_size of the
    // whole row is its data as stored, without the 24-byte header and 4-byte line pointer.
    const { rows } = await db.query<{
      rows: string;
      heap: string;
      indexes: string;
      row_bytes: string | null;
    }>(
      `SELECT count(*) AS rows, pg_table_size($1::regclass) AS heap,
              pg_indexes_size($1::regclass) AS indexes, sum(pg_column_size(t.*)) AS row_bytes
       FROM ${pg.escapeIdentifier(name)} t`,
      [name],
    );
    const r = rows[0]!;
    tables.set(name, {
      rows: Number(r.rows),
      heap: Number(r.heap),
      indexes: Number(r.indexes),
      rowBytes: Number(r.row_bytes ?? 0),
    });
  }
  const { rows } = await db.query<{ lsn: string }>("SELECT pg_current_wal_insert_lsn() AS lsn");
  return { lsn: rows[0]!.lsn, tables };
}

async function walBytes(db: pg.Client, from: string, to: string): Promise<number> {
  const { rows } = await db.query<{ d: string }>("SELECT pg_wal_lsn_diff($2, $1) AS d", [from, to]);
  return Number(rows[0]!.d);
}

/** Runs `work` for each index with CONCURRENCY callers at a time. */
async function inParallel(count: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

const kB = (bytes: number) => (bytes / 1000).toFixed(0);
const perOrder = (bytes: number) => (bytes / ORDERS).toFixed(0).padStart(7);

function waldumpStats(from: string, to: string): string {
  if (!WAL_DIR) return "";
  try {
    return execFileSync(PG_WALDUMP, ["--stats=record", "-p", WAL_DIR, "-s", from, "-e", to], {
      encoding: "utf8",
      maxBuffer: 64 * 2 ** 20,
    });
  } catch (error) {
    return `pg_waldump failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

type PhaseResult = { wal: number; total: number };

async function phase(
  db: pg.Client,
  type: "CASH_IN" | "CASH_OUT",
  customers: Person[],
  agents: Person[],
): Promise<PhaseResult> {
  if (CHECKPOINT) await db.query("CHECKPOINT");
  const before = await snapshot(db);
  const started = performance.now();
  await inParallel(ORDERS, async (i) => {
    const c = customers[i % customers.length]!.actor;
    const a = agents[i % agents.length]!.actor;
    const order = await createOrder(c, {
      type,
      amount: AMOUNT,
      currency: "KES",
      idempotencyKey: randomUUID(),
    });
    await claimOrder(a, { token: order.token! });
    if (type === "CASH_IN") {
      await confirmOrder(a, { orderId: order.id, idempotencyKey: randomUUID() });
    } else {
      await answerApproval(c, {
        orderId: order.id,
        approve: true,
        pin: "1234",
        idempotencyKey: randomUUID(),
      });
    }
  });
  const seconds = (performance.now() - started) / 1000;
  const after = await snapshot(db);
  const wal = await walBytes(db, before.lsn, after.lsn);

  console.log(
    `\n${type}: ${ORDERS} orders in ${seconds.toFixed(1)} s (${CONCURRENCY} at a time)` +
      `${CHECKPOINT ? ", after a CHECKPOINT" : ""}; WAL ${before.lsn} -> ${after.lsn}`,
  );
  console.log(
    "table                 rows/order  heap B/order  index B/order  total B/order  row data B/order",
  );
  let rowsTotal = 0;
  let total = 0;
  let dataTotal = 0;
  for (const [name, b] of before.tables) {
    const a = after.tables.get(name)!;
    const rows = a.rows - b.rows;
    const heap = a.heap - b.heap;
    const indexes = a.indexes - b.indexes;
    // Row data plus each row's 24-byte header and 4-byte line pointer: the least a row takes.
    const data = a.rowBytes - b.rowBytes + 28 * rows;
    if (rows === 0 && heap === 0 && indexes === 0) continue;
    rowsTotal += rows;
    total += heap + indexes;
    dataTotal += data;
    console.log(
      `${name.padEnd(22)}${(rows / ORDERS).toFixed(2).padStart(10)}  ${perOrder(heap).padStart(12)}  ${perOrder(indexes).padStart(13)}  ${perOrder(heap + indexes).padStart(13)}  ${perOrder(data).padStart(16)}`,
    );
  }
  console.log(
    `${"all tables".padEnd(22)}${(rowsTotal / ORDERS).toFixed(2).padStart(10)}  ${" ".repeat(12)}  ${" ".repeat(13)}  ${perOrder(total).padStart(13)}  ${perOrder(dataTotal).padStart(16)}`,
  );
  console.log(
    `WAL: ${perOrder(wal).trim()} B/order (${kB(wal)} kB in all, ${(wal / 1e6 / seconds).toFixed(2)} MB/s at ${(ORDERS / seconds).toFixed(0)} orders/s)`,
  );
  // The last records may still sit in WAL buffers; a segment switch writes them out.
  if (WAL_DIR) await db.query("SELECT pg_switch_wal()");
  const stats = waldumpStats(before.lsn, after.lsn);
  if (stats) console.log(stats.trimEnd());
  return { wal, total };
}

async function main() {
  const db = new pg.Client({ connectionString: databaseUrl() });
  await db.connect();
  const { rows: server } = await db.query<{ v: string; fpw: string; ct: string }>(
    "SELECT version() AS v, current_setting('full_page_writes') AS fpw, current_setting('checkpoint_timeout') AS ct",
  );
  console.log(`${server[0]!.v}`);
  console.log(
    `full_page_writes ${server[0]!.fpw}, checkpoint_timeout ${server[0]!.ct}; ${ORDERS} orders per phase`,
  );

  const pinHash = await hashPin("1234");
  const customers: Person[] = [];
  for (let i = 0; i < Math.ceil(ORDERS / ORDERS_PER_CUSTOMER); i++) {
    customers.push(await customer(pinHash));
  }
  const agents: Person[] = [];
  for (let i = 0; i < AGENTS; i++) agents.push(await agent());

  const cashIn = await phase(db, "CASH_IN", customers, agents);
  const cashOut = await phase(db, "CASH_OUT", customers, agents);

  // Half cash-ins, half cash-outs, as the MIXED scenario of the load benchmark.
  const disk = (cashIn.total + cashOut.total) / 2 / ORDERS;
  const wal = (cashIn.wal + cashOut.wal) / 2 / ORDERS;
  console.log(
    `\nmixed (half each): ${disk.toFixed(0)} B/order on disk, ${wal.toFixed(0)} B/order of WAL`,
  );
  for (const perDay of VOLUMES) {
    const yearTB = (disk * perDay * 365) / 1e12;
    const walDayGB = (wal * perDay) / 1e9;
    console.log(
      `  ${(perDay / 1e6).toFixed(0)}M orders/day: tables grow ${((disk * perDay) / 1e9).toFixed(1)} GB/day, ${yearTB.toFixed(2)} TB/year; WAL ${walDayGB.toFixed(1)} GB/day (${((wal * perDay) / 86_400 / 1e6).toFixed(2)} MB/s average)`,
    );
  }

  const violations = await inTransaction((tx) => findInvariantViolations(tx));
  console.log(`invariants ${violations.length === 0 ? "hold" : `${violations.length} VIOLATIONS`}`);
  await db.end();
  await disconnectDb();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
