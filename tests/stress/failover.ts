// The failover drill (npm run test:failover, part of npm run test:stress; docs/operations.md,
// "Database failover"). It builds a pg_auto_failover formation in a temporary folder (a
// monitor and two data nodes, synchronous replication), migrates and seeds it through the
// app's own scripts/with-db.ts over the multi-host URL, starts the production server
// (scripts/serve.mjs) on that URL, and drives cash-ins and cash-outs over HTTP from several
// customers (tests/stress/order-load.ts, the crash test's load). Mid-load it SIGKILLs the
// primary node, its keeper and its PostgreSQL together (a lost machine: killing PostgreSQL
// alone only makes the keeper restart it in place, which the crash test covers), keeps
// driving while the clients retry with the same idempotency keys, and afterwards checks on the
// new primary: every acknowledged create and confirm exactly once, the ledger invariants.
// It prints the time from the kill to the first order acknowledged after it, the standby's
// replay lag under load, then rejoins the old primary as a standby and times that too.
// Everything it started is stopped and its folder removed, also on failure or Ctrl-C.
//
//   npm run test:failover       (FAILOVER_WORKERS, FAILOVER_PHASE_MS, FAILOVER_BASE_PORT)
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { disconnectDb } from "../../src/server/db/client";
import { DEMO } from "../../src/server/db/seed";
import { ApiClient } from "./http-client";
import { checkAcknowledged, orderLoad } from "./order-load";

const BASE_PORT = Number(process.env.FAILOVER_BASE_PORT ?? 5440);
const MONITOR_PORT = BASE_PORT;
const NODE_PORTS = [BASE_PORT + 1, BASE_PORT + 2] as const;
const APP_PORT = Number(process.env.FAILOVER_APP_PORT ?? 3400);
const BASE = `http://127.0.0.1:${APP_PORT}`;
const WORKERS = Number(process.env.FAILOVER_WORKERS ?? 8);
const PHASE_MS = Number(process.env.FAILOVER_PHASE_MS ?? 10_000);
const PG_BIN = "/usr/lib/postgresql/15/bin";
const HOST = "127.0.0.1";
const DB = "proxypay";

// The connection strings the app gets: libpq's multi-host form (src/server/db/targets.ts).
// `pg_autoctl show uri` prints the same with sslmode=prefer, which pg 8 reads as verify-full;
// these nodes run without TLS on localhost, so it is left out here.
const hostList = NODE_PORTS.map((p) => `${HOST}:${p}`).join(",");
const DATABASE_URL = `postgresql://postgres@${hostList}/${DB}?target_session_attrs=read-write`;
const DATABASE_READ_URL = `postgresql://postgres@${hostList}/${DB}?target_session_attrs=prefer-standby`;

// Monitor timings (defaults: checks every 5 s, node unhealthy after 20 s, 30 s for the old
// primary to demote itself). Shorter health checks only notice a dead node sooner. The demote
// wait is what keeps a partitioned old primary from taking writes beside the new one: it
// must stay above the keepers' network_partition_timeout (after which a primary that reaches
// neither monitor nor standby demotes itself), so both are shortened together, 10 s > 5 s.
const MONITOR_SETTINGS = {
  "pgautofailover.health_check_period": 1_000,
  "pgautofailover.health_check_timeout": 1_000,
  "pgautofailover.health_check_max_retries": 1,
  "pgautofailover.health_check_retry_delay": 500,
  "pgautofailover.node_considered_unhealthy_timeout": 5_000,
  "pgautofailover.primary_demote_timeout": 10_000,
};
const KEEPER_NETWORK_PARTITION_TIMEOUT_S = 5;

const PEPPER = `f1:${"failover-drill-pepper-".repeat(2)}`;
const SECRET = "failover-drill-secret-0123456789abcdef0123456789";

let dir = "";
const groups = new Map<string, ChildProcess>();
let server: ChildProcess | undefined;

function log(message: string) {
  console.log(`[failover] ${new Date().toISOString().slice(11, 23)} ${message}`);
}

async function sleep(ms: number) {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** pg_autoctl as the postgres user, its configuration and state inside the drill's folder. */
function autoctlArgs(args: string[]): [string, string[]] {
  return [
    "runuser",
    [
      "-u",
      "postgres",
      "--",
      "env",
      `PATH=${PG_BIN}:/usr/bin:/bin`,
      `HOME=${dir}`,
      `XDG_CONFIG_HOME=${dir}/config`,
      `XDG_DATA_HOME=${dir}/share`,
      `XDG_RUNTIME_DIR=${dir}/run`,
      "pg_autoctl",
      ...args,
    ],
  ];
}

function autoctl(args: string[]): string {
  const [bin, argv] = autoctlArgs(args);
  return execFileSync(bin, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Starts a long-running pg_autoctl in its own process group (killed as one machine). */
function startAutoctl(name: string, args: string[]): void {
  const [bin, argv] = autoctlArgs(args);
  const out = openSync(path.join(dir, `${name}.log`), "a");
  const child = spawn(bin, argv, { detached: true, stdio: ["ignore", out, out] });
  groups.set(name, child);
}

function killGroup(child: ChildProcess | undefined, signal: NodeJS.Signals = "SIGKILL") {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

async function query<T extends pg.QueryResultRow>(
  port: number,
  database: string,
  text: string,
): Promise<T[]> {
  const client = new pg.Client({
    host: HOST,
    port,
    user: "postgres",
    database,
    connectionTimeoutMillis: 2_000,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end().catch(() => {});
  }
}

interface NodeState {
  nodename: string;
  nodeport: number;
  reportedstate: string;
  goalstate: string;
}

async function nodes(): Promise<NodeState[]> {
  return query<NodeState>(
    MONITOR_PORT,
    "pg_auto_failover",
    "SELECT nodename, nodeport, reportedstate::text, goalstate::text FROM pgautofailover.node ORDER BY nodeid",
  );
}

async function waitFor(what: string, ok: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await ok()) return;
    } catch {
      // not yet reachable
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

function ensurePgAutoctl(): void {
  if (spawnSync("sh", ["-c", "command -v pg_autoctl"]).status === 0) return;
  log("installing postgresql-15-auto-failover (Debian)");
  execFileSync("sh", ["-c", "apt-get install -y -qq postgresql-15-auto-failover"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

async function createFormation(): Promise<void> {
  dir = mkdtempSync(path.join(tmpdir(), "pp-failover-"));
  chownSync(dir, Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })), 0);
  log(`formation in ${dir}: monitor :${MONITOR_PORT}, nodes :${NODE_PORTS.join(", :")}`);
  const common = ["--hostname", HOST, "--auth", "trust", "--no-ssl"];
  startAutoctl("monitor", [
    "create",
    "monitor",
    "--pgdata",
    `${dir}/monitor`,
    "--pgport",
    String(MONITOR_PORT),
    ...common,
    "--run",
  ]);
  await waitFor("the monitor", async () => (await nodes()).length >= 0, 60_000);
  const settings = Object.entries(MONITOR_SETTINGS);
  for (const [name, value] of settings) {
    await query(MONITOR_PORT, "pg_auto_failover", `ALTER SYSTEM SET ${name} = ${value}`);
  }
  await query(MONITOR_PORT, "pg_auto_failover", "SELECT pg_reload_conf()");
  const monitorUri = `postgres://autoctl_node@${HOST}:${MONITOR_PORT}/pg_auto_failover?sslmode=disable`;
  for (const [i, port] of NODE_PORTS.entries()) {
    const name = `node${i + 1}`;
    startAutoctl(name, [
      "create",
      "postgres",
      "--pgdata",
      `${dir}/${name}`,
      "--pgport",
      String(port),
      "--name",
      name,
      "--dbname",
      DB,
      "--monitor",
      monitorUri,
      ...common,
      "--run",
    ]);
    if (i === 0) {
      await waitFor(
        `${name} to run alone`,
        async () =>
          (await nodes()).some((n) => n.nodename === name && n.reportedstate === "single"),
        60_000,
      );
    }
  }
  // The standby's pg_basebackup waits for a checkpoint that PostgreSQL spreads over minutes
  // on an idle server; ask for one until the standby is streaming.
  await waitFor(
    "node2 to stream as a synchronous standby",
    async () => {
      await query(NODE_PORTS[0], "postgres", "CHECKPOINT").catch(() => {});
      const states = await nodes();
      return (
        states.length === 2 &&
        states.every(
          (n) =>
            ["primary", "secondary"].includes(n.reportedstate) && n.reportedstate === n.goalstate,
        )
      );
    },
    180_000,
  );
  for (const [i] of NODE_PORTS.entries()) {
    autoctl([
      "config",
      "set",
      "--pgdata",
      `${dir}/node${i + 1}`,
      "timeout.network_partition_timeout",
      String(KEEPER_NETWORK_PARTITION_TIMEOUT_S),
    ]);
  }
}

function startServer(): ChildProcess {
  return spawn("node", ["scripts/serve.mjs"], {
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PORT: String(APP_PORT),
      HOSTNAME: HOST,
      DATABASE_URL,
      DATABASE_READ_URL,
      NEXTAUTH_URL: BASE,
      NEXTAUTH_SECRET: SECRET,
      NEXT_TELEMETRY_DISABLED: "1",
      // Its database holds README's demo logins, which a production server refuses otherwise.
      PROXYPAY_DEMO: "1",
      OTP_SENDER: "console",
      OTP_OUTBOX_FILE: path.join(dir, "otp-outbox.jsonl"),
    },
  });
}

async function waitForServer(): Promise<void> {
  await waitFor("the app server", async () => (await fetch(`${BASE}/api/auth/csrf`)).ok, 90_000);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main() {
  if (process.getuid?.() !== 0)
    throw new Error("the drill runs PostgreSQL as `postgres`: run it as root");
  ensurePgAutoctl();
  await createFormation();
  log(`DATABASE_URL=${DATABASE_URL}`);
  // The app's own migration and demo seed, over the multi-host URL.
  execFileSync("npx", ["tsx", "scripts/with-db.ts", "--demo", "--", "true"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL, PIN_PEPPERS: PEPPER, NEXTAUTH_SECRET: SECRET },
  });
  execFileSync("node", ["scripts/build-if-needed.mjs"], { stdio: "inherit" });
  process.env.DATABASE_URL = DATABASE_URL;
  process.env.PIN_PEPPERS = PEPPER;

  server = startServer();
  await waitForServer();
  const agents = await Promise.all(
    DEMO.agents.map(async (a) => {
      const client = new ApiClient(BASE);
      await client.signIn(a.phone, a.pin, "agent");
      return client;
    }),
  );
  const load = orderLoad(BASE, path.join(dir, "otp-outbox.jsonl"), "10.78.0");
  const { stats } = load;
  log(`load: ${WORKERS} customers, ${agents.length} agents`);
  const driving = Promise.all(
    Array.from({ length: WORKERS }, (_, i) => load.worker(i, agents[i % agents.length]!)),
  );

  // Replay lag on the standby under load: pg_stat_replication on the primary, and how old
  // the standby's last replayed commit is (only meaningful while commits keep coming).
  const before = await nodes();
  const primary = before.find((n) => n.reportedstate === "primary")!;
  const standby = before.find((n) => n.reportedstate === "secondary")!;
  const replayLagMs: number[] = [];
  const sampleUntil = Date.now() + PHASE_MS;
  while (Date.now() < sampleUntil) {
    const rows = await query<{ ms: number | null }>(
      primary.nodeport,
      "postgres",
      "SELECT (extract(epoch FROM replay_lag) * 1000)::float8 AS ms FROM pg_stat_replication",
    ).catch(() => []);
    const ms = rows[0]?.ms;
    if (ms !== null && ms !== undefined) replayLagMs.push(ms);
    await sleep(200);
  }
  const staleness = await query<{ ms: number }>(
    standby.nodeport,
    DB,
    "SELECT (extract(epoch FROM now() - pg_last_xact_replay_timestamp()) * 1000)::float8 AS ms",
  );

  const acksBefore = stats.createsAcked.length;
  log(
    `SIGKILL ${primary.nodename} (:${primary.nodeport}), keeper and PostgreSQL; ${acksBefore} orders acknowledged so far`,
  );
  const killedAt = Date.now();
  killGroup(groups.get(primary.nodename));
  await waitFor(
    `${standby.nodename} to take writes`,
    async () => {
      const rows = await query<{ ro: string }>(
        standby.nodeport,
        DB,
        "SELECT current_setting('transaction_read_only') AS ro",
      );
      return rows[0]?.ro === "off";
    },
    120_000,
  );
  const promotedMs = Date.now() - killedAt;
  log(`${standby.nodename} takes writes ${promotedMs} ms after the kill`);
  await waitFor(
    "an order acknowledged after the kill",
    async () => stats.createAcks.some((a) => a.sentAt > killedAt),
    120_000,
  );
  const firstAck = Math.min(
    ...stats.createAcks.filter((a) => a.sentAt > killedAt).map((a) => a.at),
  );
  const recoveredMs = firstAck - killedAt;
  log(`first order acknowledged ${recoveredMs} ms after the kill`);

  await sleep(PHASE_MS);
  load.stop();
  await driving;
  const acks = stats.createsAcked.length;
  killGroup(server, "SIGTERM");

  const violations = await checkAcknowledged(stats);

  // Rejoin: the old primary's keeper starts again, rewinds to the new timeline and follows.
  log(`rejoining ${primary.nodename} as a standby`);
  const rejoinAt = Date.now();
  startAutoctl(primary.nodename, ["run", "--pgdata", `${dir}/${primary.nodename}`]);
  await waitFor(
    `${primary.nodename} to be a secondary`,
    async () =>
      (await nodes()).some(
        (n) =>
          n.nodename === primary.nodename &&
          n.reportedstate === "secondary" &&
          n.goalstate === "secondary",
      ),
    180_000,
  );
  const rejoinMs = Date.now() - rejoinAt;
  // What the rejoined standby replays must be the new primary's history.
  await waitFor(
    "the rejoined standby to catch up",
    async () => {
      const [a] = await query<{ n: string }>(
        standby.nodeport,
        DB,
        "SELECT count(*)::text AS n FROM orders",
      );
      const [b] = await query<{ n: string }>(
        primary.nodeport,
        DB,
        "SELECT count(*)::text AS n FROM orders",
      );
      return a?.n === b?.n;
    },
    60_000,
  );
  const after = await nodes();
  await disconnectDb();

  const lag = replayLagMs.length
    ? `median ${median(replayLagMs).toFixed(1)} ms, max ${Math.max(...replayLagMs).toFixed(1)} ms over ${replayLagMs.length} samples`
    : "no samples";
  console.log("\nfailover drill summary");
  console.log(`  orders driven              ${stats.ordersStarted}`);
  console.log(`  creates acknowledged       ${acks} (${acksBefore} before the kill)`);
  console.log(`  confirms acknowledged      ${stats.confirmsAcked.length}`);
  console.log(`  refusals (4xx)             ${stats.refusals}`);
  console.log(`  retried requests           ${stats.retries}`);
  console.log(
    `  standby replay lag         ${lag}; last replayed commit ${staleness[0]?.ms.toFixed(0)} ms old`,
  );
  console.log(`  kill -> standby writable   ${promotedMs} ms`);
  console.log(`  kill -> first order acked  ${recoveredMs} ms`);
  console.log(
    `  old primary rejoined in    ${rejoinMs} ms (${after.map((n) => `${n.nodename} ${n.reportedstate}`).join(", ")})`,
  );
  console.log(`  violations                 ${violations.length}`);
  for (const v of violations) console.log(`    - ${v}`);
  return violations.length === 0 ? 0 : 1;
}

async function cleanUp(): Promise<void> {
  killGroup(server, "SIGKILL");
  // pg_autoctl stops its PostgreSQL on SIGTERM; what is left after that is killed.
  for (const child of groups.values()) killGroup(child, "SIGTERM");
  await sleep(3_000);
  for (const child of groups.values()) killGroup(child, "SIGKILL");
  // A killed keeper leaves its PostgreSQL (own session) behind: stop each by its pid file.
  if (dir) {
    for (const name of ["node1", "node2", "monitor"]) {
      const pgdata = path.join(dir, name);
      if (existsSync(path.join(pgdata, "postmaster.pid"))) {
        spawnSync(
          "runuser",
          ["-u", "postgres", "--", `${PG_BIN}/pg_ctl`, "stop", "-D", pgdata, "-m", "immediate"],
          { stdio: "ignore" },
        );
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void cleanUp().finally(() => process.exit(130));
  });
}

main()
  .then(async (code) => {
    await cleanUp();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error("[failover] failed:", error);
    // What the monitor and keepers said last, before their folder goes.
    for (const name of groups.keys()) {
      const file = path.join(dir, `${name}.log`);
      if (!existsSync(file)) continue;
      console.error(`--- ${name}.log (last 25 lines)`);
      console.error(readFileSync(file, "utf8").trim().split("\n").slice(-25).join("\n"));
    }
    await cleanUp();
    process.exit(1);
  });
