// Input fuzzing against the real production server over HTTP (npm run test:stress): the
// in-process fuzzer's variants (tests/integration/fuzz-values.ts: every field at its bounds,
// boundary dates, NUL, lone surrogates, bidi overrides, ±2^53, ±2^63, NaN, ...) are sent to
// `next start` through next-auth sessions and tRPC's HTTP encoding (superjson), to every
// procedure as its rightful caller and, in part, as every other persona. Any 5xx, or a
// request the server does not answer, fails the run; the ledger invariants must hold after.
//
//   npm run test:http-fuzz     (part of npm run test:stress)
//
// It works in its own database beside DATABASE_URL's (name + "_http_fuzz", recreated).
// HTTP_FUZZ_PORT (3210), HTTP_FUZZ_MIN (10000 requests at least), FUZZ_RANDOM (random values
// per field), HTTP_FUZZ_BUILD=0 to serve the existing build.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import path from "node:path";
import superjson from "superjson";
import { disconnectDb } from "../../src/server/db/client";
import { dropDatabase, ensureDatabase, migrate } from "../../src/server/db/migrate";
import { inTransaction } from "../../src/server/db/transaction";
import { findInvariantViolations } from "../../src/server/repositories/invariants";
import { shown, variants } from "../integration/fuzz-values";
import { procedureType } from "../integration/http";
import { MATRIX, PERSONAS, type Persona, personas } from "../integration/procedures";
import { ApiClient } from "./http-client";

const PORT = Number(process.env.HTTP_FUZZ_PORT ?? 3210);
const BASE = `http://127.0.0.1:${PORT}`;
const MIN_REQUESTS = Number(process.env.HTTP_FUZZ_MIN ?? 10_000);
const RANDOM_PER_FIELD = Number(process.env.FUZZ_RANDOM ?? 6);
/** Every n-th variant is also sent as each persona that may not call the procedure. */
const OTHERS_EVERY = 8;
const PARALLEL = 4;
const STALE_VERSION = 1_000_000;

const stats = {
  requests: 0,
  byClass: { "2xx": 0, "4xx": 0, "5xx": 0 } as Record<string, number>,
  byStatus: new Map<number, number>(),
  serverErrors: [] as string[],
};

function log(message: string) {
  console.log(`[http-fuzz] ${new Date().toISOString().slice(11, 19)} ${message}`);
}

function startServer(): ChildProcess {
  return spawn(path.join("node_modules", ".bin", "next"), ["start", "-p", String(PORT)], {
    detached: true,
    stdio: "ignore",
    env: {
      ...process.env,
      NEXTAUTH_URL: BASE,
      NEXTAUTH_SECRET: "http-fuzz-secret-0123456789abcdef0123456789",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
}

async function waitForServer(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/api/auth/csrf`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("server did not come up");
}

/** superjson as the app sends it; values its encoder refuses (__proto__ keys) by hand. */
function encode(input: unknown): string {
  try {
    return superjson.stringify(input);
  } catch {
    return JSON.stringify({ json: input }, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  }
}

const AUDIENCE: Record<Persona, "customer" | "agent" | "admin" | null> = {
  anonymous: null,
  customer: "customer",
  otherCustomer: "customer",
  agent: "agent",
  suspendedAgent: "agent",
  assistant: "agent",
  suspendedAssistant: "agent",
  admin: "admin",
};

async function signedIn(phones: Record<Persona, string | null>) {
  const clients = {} as Record<Persona, ApiClient>;
  for (const persona of PERSONAS) {
    const client = new ApiClient(BASE);
    const phone = phones[persona];
    const audience = AUDIENCE[persona];
    if (phone && audience) await client.signIn(phone, "1234", audience);
    clients[persona] = client;
  }
  return clients;
}

async function send(client: ApiClient, procedure: string, input: unknown): Promise<void> {
  const kind = procedureType(procedure);
  let outcome: { status: number; body: string };
  try {
    outcome = await client.send(procedure, encode(input), kind);
  } catch (error) {
    outcome = { status: 599, body: `no answer: ${(error as Error).message}` };
  }
  stats.requests++;
  stats.byStatus.set(outcome.status, (stats.byStatus.get(outcome.status) ?? 0) + 1);
  // A stream answers 200 and carries its error as an event.
  const streamedFailure =
    kind === "subscription" && /"httpStatus":5\d\d|INTERNAL_SERVER_ERROR/.test(outcome.body);
  const klass = outcome.status >= 500 || streamedFailure ? "5xx" : `${String(outcome.status)[0]}xx`;
  stats.byClass[klass] = (stats.byClass[klass] ?? 0) + 1;
  if (klass === "5xx") {
    stats.serverErrors.push(
      `${procedure} ${outcome.status} ${shown(input)}: ${outcome.body.slice(0, 200)}`,
    );
  }
}

async function liveVersion(admin: ApiClient): Promise<number> {
  const history = await admin.call<{ version: number }[]>("admin.settings", { limit: 1 }, "query");
  return history[0]!.version;
}

async function fuzzProcedure(procedure: string): Promise<void> {
  const who = await personas();
  const clients = await signedIn(who.phones);
  const rule = MATRIX[procedure]!;
  const rightful = clients[rule.allow[0]!];
  const others = PERSONAS.filter((p) => !rule.allow.includes(p));
  const base = rule.input(who.fixture);
  const all = variants(procedure, base, RANDOM_PER_FIELD);
  const jobs: [ApiClient, unknown][] = [];
  all.forEach((input, i) => {
    jobs.push([rightful, input]);
    if (i % OTHERS_EVERY === 0) for (const p of others) jobs.push([clients[p], input]);
  });

  if (procedure === "admin.updateSettings") {
    // One at a time against the live version, so variants reach validation and the jsonb
    // column; the settings are put back afterwards.
    const admin = clients.admin;
    const before = await admin.call<{ version: number; settings: unknown }[]>(
      "admin.settings",
      { limit: 1 },
      "query",
    );
    for (const [client, input] of jobs) {
      if (
        typeof input === "object" &&
        input !== null &&
        (input as { basedOnVersion?: unknown }).basedOnVersion === STALE_VERSION
      ) {
        (input as { basedOnVersion: number }).basedOnVersion = await liveVersion(admin);
      }
      await send(client, procedure, input);
    }
    const now = await liveVersion(admin);
    if (now !== before[0]!.version) {
      await admin.call("admin.updateSettings", {
        basedOnVersion: now,
        settings: before[0]!.settings,
      });
    }
    return;
  }

  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < jobs.length) {
        const [client, input] = jobs[next++]!;
        await send(client, procedure, input);
      }
    }),
  );
}

async function main() {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("DATABASE_URL is not set: run through `npm run test:http-fuzz`");
  const url = new URL(base);
  url.pathname = `${url.pathname}_http_fuzz`;
  await dropDatabase(url.toString());
  await ensureDatabase(url.toString());
  await migrate(url.toString());
  process.env.DATABASE_URL = url.toString();
  if (process.env.HTTP_FUZZ_BUILD !== "0") {
    log("building the app (HTTP_FUZZ_BUILD=0 serves the existing build)");
    execFileSync(path.join("node_modules", ".bin", "next"), ["build"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
  }
  const server = startServer();
  const started = Date.now();
  try {
    await waitForServer();
    log(`server up on ${BASE}; fuzzing ${Object.keys(MATRIX).length} procedures`);
    for (const procedure of Object.keys(MATRIX)) {
      const before = stats.requests;
      await fuzzProcedure(procedure);
      log(
        `${procedure}: ${stats.requests - before} requests, ${stats.serverErrors.length} 5xx so far`,
      );
    }
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGKILL");
  }
  const seconds = (Date.now() - started) / 1000;
  const violations = await inTransaction((tx) => findInvariantViolations(tx));
  await disconnectDb();

  const statuses = [...stats.byStatus.entries()]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}: ${n}`)
    .join(", ");
  console.log("\nHTTP fuzzing summary (next start, superjson over HTTP, next-auth sessions)");
  console.log(`  requests              ${stats.requests}`);
  console.log(`  2xx accepted          ${stats.byClass["2xx"] ?? 0}`);
  console.log(`  4xx refused           ${stats.byClass["4xx"] ?? 0}`);
  console.log(`  5xx server errors     ${stats.serverErrors.length}`);
  console.log(`  by status             ${statuses}`);
  console.log(
    `  duration              ${seconds.toFixed(0)} s (${(stats.requests / seconds).toFixed(0)} requests/s)`,
  );
  console.log(`  ledger violations     ${violations.length}`);
  for (const e of stats.serverErrors.slice(0, 50)) console.log(`    - ${e}`);
  for (const v of violations) console.log(`    - ${v.rule}: ${v.detail}`);
  const enough = stats.requests >= MIN_REQUESTS;
  if (!enough) console.log(`  FAILED: fewer than ${MIN_REQUESTS} requests`);
  process.exit(stats.serverErrors.length === 0 && violations.length === 0 && enough ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error("[http-fuzz] failed:", error);
  process.exit(1);
});
