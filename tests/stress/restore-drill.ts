// The restore drill (npm run test:restore, also the last step of npm run test:stress): proves
// that scripts/backup/ brings back the books as they were at a chosen moment.
//
// A throwaway PostgreSQL 15 cluster runs as the postgres user with WAL archiving through
// scripts/backup/archive-wal.sh. The app's own code migrates and seeds it, and its own use
// cases move money (cash-ins, cash-outs, cancelled and declined orders, several agents).
// scripts/backup/backup.sh takes a base backup while money keeps moving; more money moves;
// a named restore point is created and the ledger's trial balance and fingerprint (journal
// size, hash of every posting) are recorded through the app's own functions; more money moves
// after it. The primary is then stopped for good, scripts/backup/restore.sh rebuilds a new
// data directory from the backup and the archive up to the restore point, and the copy,
// started on another port, must show the same trial balance and fingerprint, hold every
// invariant, and lack what was written after the point.
//
//   npm run test:restore                  the drill; exits 1 on any mismatch
//   npm run test:restore -- --wrong-target  restores to a later point on purpose: must fail
//   npm run test:restore -- --missing-target  names a restore point the WAL never reaches:
//                                             the copy must refuse to open (must fail)
//
// Ports 5450 (primary) and 5451 (restored copy), overridable with RESTORE_DRILL_PORT (the
// copy gets the next one). Everything lives in one temporary folder, removed at the end
// whatever happened, and both servers are stopped.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomInt } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { resetServerEnv } from "../../src/server/config/env";
import { disconnectDb } from "../../src/server/db/client";
import { ensureDatabase, migrate } from "../../src/server/db/migrate";
import { seedDemoData } from "../../src/server/db/seed";
import { inTransaction } from "../../src/server/db/transaction";
import { findInvariantViolations } from "../../src/server/repositories/invariants";
import { findOrder } from "../../src/server/repositories/orders";
import { ledgerFingerprint, trialBalance } from "../../src/server/use-cases/ledger-checks";
import { key, newAgent, newCustomer, placeOrder, serveOrder } from "../integration/helpers";

const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
const PRIMARY_PORT = Number(process.env.RESTORE_DRILL_PORT ?? 5450);
const RESTORED_PORT = PRIMARY_PORT + 1;
const DATABASE = "proxypay_drill";
const WRONG_TARGET = process.argv.includes("--wrong-target");
const MISSING_TARGET = process.argv.includes("--missing-target");
// Rounds of orders per phase: each round, every customer does a cash-in and a cash-out.
const ROUNDS = Number(process.env.RESTORE_DRILL_ROUNDS ?? 4);
// Recovery of a few MB of WAL takes seconds; this only stops a broken run from hanging.
const RECOVERY_DEADLINE_MS = 300_000;
const REPO = process.cwd();
const AS_ROOT = process.getuid?.() === 0;

// The app signs order tokens and peppers PINs: this run makes up its own keys.
process.env.PIN_PEPPERS ??= `d1:${"restore-drill-pepper-".repeat(2)}`;
process.env.NEXTAUTH_SECRET ??= "restore-drill-secret-0123456789abcdef";

const urlOf = (port: number) => `postgresql://postgres@127.0.0.1:${port}/${DATABASE}`;

/** PostgreSQL's server programs refuse root: as root they run as the postgres user. */
function asPostgres(bin: string, args: string[]): [string, string[]] {
  return AS_ROOT ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
}

function runSync(bin: string, args: string[]): string {
  return execFileSync(bin, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Runs a command to the end; rejects with its stderr when it exits non-zero. */
function run(bin: string, args: string[], env?: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(bin, args, { env: { ...process.env, ...env } });
    let out = "";
    let err = "";
    child.stdout?.on("data", (d) => {
      out += d;
    });
    child.stderr?.on("data", (d) => {
      err += d;
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`${path.basename(bin)} exited ${code}: ${err.trim() || out.trim()}`)),
    );
  });
}

const seconds = (fromMs: number) => ((performance.now() - fromMs) / 1000).toFixed(2);

// ---- the cluster ------------------------------------------------------------------------

const work = mkdtempSync(path.join(os.tmpdir(), "pp-restore-drill-"));
const dirs = {
  primary: path.join(work, "primary"),
  restored: path.join(work, "restored"),
  archive: path.join(work, "wal-archive"),
  backups: path.join(work, "backups"),
};
const running = new Set<string>();

function pgCtl(args: string[]): string {
  const [bin, all] = asPostgres(path.join(PG_BIN, "pg_ctl"), args);
  return runSync(bin, all);
}

function startServer(dataDir: string, port: number, log: string): void {
  // Counted as running first: a start that timed out may have left a server behind.
  running.add(dataDir);
  pgCtl(["-D", dataDir, "-l", log, "-o", `-p ${port}`, "-w", "-t", "120", "start"]);
}

function stopServer(dataDir: string, mode: "fast" | "immediate" = "fast"): void {
  if (!running.has(dataDir)) return;
  running.delete(dataDir);
  // A server that never started (or already stopped itself) has no postmaster.pid.
  if (!existsSync(path.join(dataDir, "postmaster.pid"))) return;
  pgCtl(["-D", dataDir, "-m", mode, "-w", "stop"]);
}

async function createPrimary(): Promise<void> {
  runSync("mkdir", ["-p", dirs.archive, dirs.backups]);
  // archive_command runs as the server's user, which may not be able to read the repository
  // (a CI clone under root's home): the server runs its own copy of the script.
  const archiver = path.join(work, "archive-wal.sh");
  copyFileSync(path.join(REPO, "scripts/backup/archive-wal.sh"), archiver);
  if (AS_ROOT) runSync("chown", ["-R", "postgres:postgres", work]);
  const [bin, args] = asPostgres(path.join(PG_BIN, "initdb"), [
    "-D",
    dirs.primary,
    "-U",
    "postgres",
    "-A",
    "trust",
    "-E",
    "UTF8",
    "--locale=C",
    "--no-sync",
  ]);
  runSync(bin, args);
  const conf = path.join(dirs.primary, "postgresql.conf");
  writeFileSync(
    conf,
    `${readFileSync(conf, "utf8")}
# restore drill (tests/stress/restore-drill.ts)
listen_addresses = '127.0.0.1'
unix_socket_directories = '${work}'
shared_buffers = 32MB
wal_level = replica
archive_mode = on
archive_command = '${archiver} %p %f ${dirs.archive}'
`,
  );
  startServer(dirs.primary, PRIMARY_PORT, path.join(work, "primary.log"));
}

/** As the server's superuser: restore points and WAL switches are not the app's business. */
async function admin<T>(port: number, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlOf(port) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Closes the current WAL segment and waits until the archiver has stored it. */
async function archiveCurrentWal(): Promise<string> {
  const segment = await admin(PRIMARY_PORT, async (c) => {
    const r = await c.query<{ file: string }>("SELECT pg_walfile_name(pg_switch_wal()) AS file");
    return r.rows[0]!.file;
  });
  const until = Date.now() + RECOVERY_DEADLINE_MS;
  while (!existsSync(path.join(dirs.archive, segment))) {
    if (Date.now() > until) throw new Error(`WAL segment ${segment} was never archived`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return segment;
}

// ---- the money --------------------------------------------------------------------------

type Agent = Awaited<ReturnType<typeof newAgent>>;
type Customer = Awaited<ReturnType<typeof newCustomer>>;

/** Money moved through the use cases; returns the ids of the orders it created. */
async function moveMoney(agents: Agent[], customers: Customer[], rounds: number) {
  const orders: string[] = [];
  for (let round = 0; round < rounds; round++) {
    await Promise.all(
      customers.map(async (customer, i) => {
        const agent = agents[(round + i) % agents.length]!;
        // Amounts differ run to run, so a copy cannot match by luck.
        const cashIn = await placeOrder(
          customer,
          "CASH_IN",
          100_000n + BigInt(randomInt(0, 50_000)),
        );
        await serveOrder(agent, customer, cashIn);
        const cashOut = await placeOrder(
          customer,
          "CASH_OUT",
          20_000n + BigInt(randomInt(0, 20_000)),
        );
        await serveOrder(agent, customer, cashOut);
        orders.push(cashIn.id, cashOut.id);
        if (i % 3 === 0) {
          // A cash-out cancelled while pending: its hold is taken and released.
          const cancelled = await placeOrder(customer, "CASH_OUT", 15_000n);
          await customer.api.customer.cancelOrder({ orderId: cancelled.id, idempotencyKey: key() });
          orders.push(cancelled.id);
        } else if (i % 3 === 1) {
          // A cash-in the agent scanned and then declined: no entry at all.
          const declined = await placeOrder(customer, "CASH_IN", 30_000n);
          await agent.api.agent.claim({ token: declined.token! });
          await agent.api.agent.decline({
            orderId: declined.id,
            reason: "no cash",
            idempotencyKey: key(),
          });
          orders.push(declined.id);
        }
      }),
    );
  }
  return orders;
}

/** What must survive a restore, read through the app's own ledger checks. */
async function books() {
  const [fingerprint, balance, violations] = await Promise.all([
    ledgerFingerprint(),
    trialBalance(),
    inTransaction((tx) => findInvariantViolations(tx)),
  ]);
  return { fingerprint, trialBalance: balance, violations };
}

const asJson = (value: unknown) =>
  JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v));

/** Points the app's code at another database: the next query opens a new pool. */
async function pointAppAt(url: string): Promise<void> {
  await disconnectDb();
  process.env.DATABASE_URL = url;
  resetServerEnv();
}

// ---- the drill --------------------------------------------------------------------------

async function waitForPromotion(port: number, log: string): Promise<void> {
  const until = Date.now() + RECOVERY_DEADLINE_MS;
  for (;;) {
    try {
      const inRecovery = await admin(port, async (c) => {
        const r = await c.query<{ r: boolean }>("SELECT pg_is_in_recovery() AS r");
        return r.rows[0]!.r;
      });
      if (!inRecovery) return;
    } catch {
      // Not accepting connections yet, or stopped: the log says which.
    }
    const tail = existsSync(log) ? readFileSync(log, "utf8") : "";
    if (/FATAL|PANIC/.test(tail)) {
      throw new Error(`the restored server stopped:\n${tail.split("\n").slice(-8).join("\n")}`);
    }
    if (Date.now() > until) throw new Error("the restored copy was not promoted in time");
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function main(): Promise<number> {
  console.log(`[drill] working in ${work}`);
  await createPrimary();
  await pointAppAt(urlOf(PRIMARY_PORT));
  await ensureDatabase(urlOf(PRIMARY_PORT));
  await migrate(urlOf(PRIMARY_PORT));
  await seedDemoData();
  const agents = await Promise.all([1, 2, 3].map((n) => newAgent(50_000_000n, `Drill shop ${n}`)));
  const customers = await Promise.all(Array.from({ length: 6 }, () => newCustomer(500_000n)));

  const before = await moveMoney(agents, customers, ROUNDS);
  console.log(`[drill] phase 1: ${before.length} orders before the backup`);

  // The base backup is taken while money keeps moving, as it would be in production.
  const backupStarted = performance.now();
  const [backupOutput, during] = await Promise.all([
    run("bash", [path.join(REPO, "scripts/backup/backup.sh"), dirs.backups, "--keep", "2"], {
      PGHOST: "127.0.0.1",
      PGPORT: String(PRIMARY_PORT),
      PGUSER: "postgres",
      PG_BIN,
    }),
    moveMoney(agents, customers, ROUNDS),
  ]);
  const phaseSeconds = seconds(backupStarted);
  const backupLine = backupOutput.trim().split("\n").at(-1) ?? "";
  const backupBytes = Number(/bytes=(\d+)/.exec(backupLine)?.[1] ?? 0);
  const backupSeconds = /seconds=([\d.]+)/.exec(backupLine)?.[1] ?? "?";
  console.log(
    `[drill] phase 2: ${during.length} orders in ${phaseSeconds} s during the backup; ${backupLine}`,
  );

  const afterBackup = await moveMoney(agents, customers, ROUNDS);
  console.log(`[drill] phase 3: ${afterBackup.length} orders after the backup`);

  // Nothing else writes now (no app server, no expiry sweep in this process): the books read
  // next are the books at the restore point.
  const point = `drill-${Date.now()}`;
  await admin(PRIMARY_PORT, (c) => c.query("SELECT pg_create_restore_point($1)", [point]));
  const atPoint = await books();
  if (atPoint.violations.length > 0)
    throw new Error(`primary broken: ${asJson(atPoint.violations)}`);
  console.log(`[drill] restore point ${point}: ${asJson(atPoint.fingerprint)}`);

  const later = await moveMoney(agents, customers, ROUNDS);
  const laterPoint = `${point}-later`;
  await admin(PRIMARY_PORT, (c) => c.query("SELECT pg_create_restore_point($1)", [laterPoint]));
  const atLater = await books();
  // Otherwise "the later postings are absent" would prove nothing.
  if (atLater.fingerprint.postingsMd5 === atPoint.fingerprint.postingsMd5)
    throw new Error("the money moved after the restore point changed nothing");
  const lastSegment = await archiveCurrentWal();
  console.log(
    `[drill] phase 4: ${later.length} orders after the restore point; WAL archived up to ${lastSegment}`,
  );

  // The primary is gone for good: the copy may use only the backup and the archive.
  await disconnectDb();
  stopServer(dirs.primary);

  const restoreStarted = performance.now();
  const target = WRONG_TARGET ? laterPoint : MISSING_TARGET ? `${point}-never-created` : point;
  const restoreOutput = await run("bash", [
    path.join(REPO, "scripts/backup/restore.sh"),
    "--base",
    path.join(dirs.backups, "latest"),
    "--wal-archive",
    dirs.archive,
    "--data",
    dirs.restored,
    "--target-name",
    target,
    ...(AS_ROOT ? ["--owner", "postgres"] : []),
  ]);
  const prepareSeconds = seconds(restoreStarted);
  const log = path.join(work, "restored.log");
  startServer(dirs.restored, RESTORED_PORT, log);
  await waitForPromotion(RESTORED_PORT, log);
  const restoreSeconds = seconds(restoreStarted);
  const replayed = /redo done at .*$/m.exec(readFileSync(log, "utf8"))?.[0] ?? "";
  console.log(`[drill] ${restoreOutput.trim().split("\n")[0]}`);
  console.log(`[drill] restored to ${target} on port ${RESTORED_PORT}; ${replayed}`);

  await pointAppAt(urlOf(RESTORED_PORT));
  const restored = await books();
  const laterOrdersPresent = (
    await inTransaction((tx) => Promise.all(later.map((id) => findOrder(tx, id))))
  ).filter((o) => o !== null).length;
  const pointOrdersMissing = (
    await inTransaction((tx) =>
      Promise.all([...before, ...during, ...afterBackup].map((id) => findOrder(tx, id))),
    )
  ).filter((o) => o === null).length;
  await disconnectDb();

  const problems: string[] = [];
  if (asJson(restored.trialBalance) !== asJson(atPoint.trialBalance))
    problems.push(
      `trial balance differs:\n  at the point ${asJson(atPoint.trialBalance)}\n  restored     ${asJson(restored.trialBalance)}`,
    );
  if (asJson(restored.fingerprint) !== asJson(atPoint.fingerprint))
    problems.push(
      `journal differs:\n  at the point ${asJson(atPoint.fingerprint)}\n  restored     ${asJson(restored.fingerprint)}`,
    );
  if (restored.violations.length > 0)
    problems.push(`invariants broken: ${asJson(restored.violations)}`);
  if (laterOrdersPresent > 0)
    problems.push(`${laterOrdersPresent} of ${later.length} orders made after the point are back`);
  if (pointOrdersMissing > 0)
    problems.push(`${pointOrdersMissing} orders made before the point are missing`);

  console.log("[drill] ---- results");
  console.log(
    `[drill] base backup: ${(backupBytes / 1024 / 1024).toFixed(1)} MB in ${backupSeconds} s (under load, verified)`,
  );
  console.log(
    `[drill] restore: ${prepareSeconds} s to verify and copy, ${restoreSeconds} s until the copy was promoted`,
  );
  console.log(
    `[drill] journal entries ${restored.fingerprint.journalEntries} (at the point ${atPoint.fingerprint.journalEntries}, later ${atLater.fingerprint.journalEntries}), postings md5 ${restored.fingerprint.postingsMd5}`,
  );
  if (problems.length > 0) {
    console.error(`[drill] FAILED${WRONG_TARGET ? " (as it must with --wrong-target)" : ""}:`);
    for (const p of problems) console.error(`  - ${p}`);
    return 1;
  }
  if (WRONG_TARGET) {
    console.error(
      "[drill] --wrong-target restored a later point and nothing noticed: the checks are blind",
    );
    return 1;
  }
  console.log(
    "[drill] OK: same trial balance, journal and postings; invariants hold; later orders absent",
  );
  return 0;
}

function cleanUp(): void {
  for (const dataDir of [...running]) {
    try {
      stopServer(dataDir, "immediate");
    } catch (error) {
      console.error(`[drill] could not stop the server in ${dataDir}: ${(error as Error).message}`);
    }
  }
  rmSync(work, { recursive: true, force: true });
}

async function drill(): Promise<number> {
  try {
    return await main();
  } catch (error) {
    console.error("[drill] failed:", error instanceof Error ? error.message : error);
    const log = path.join(work, "restored.log");
    if (existsSync(log)) console.error(readFileSync(log, "utf8").split("\n").slice(-15).join("\n"));
    return 1;
  } finally {
    await disconnectDb().catch(() => {});
    cleanUp();
  }
}

// Ctrl-C still stops both servers and removes the folder.
process.on("SIGINT", () => {
  cleanUp();
  process.exit(130);
});
drill().then((code) => process.exit(code));
