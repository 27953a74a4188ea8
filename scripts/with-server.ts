// Runs a command against this app's production server: builds when needed (as `npm start`
// does, scripts/build-if-needed.mjs), starts scripts/serve.mjs on PORT (3000 by default), waits
// until it answers, runs the command with BASE_URL set, then stops the server.
//
//   tsx scripts/with-db.ts --fresh --demo --db NAME -- tsx scripts/with-server.ts -- command...
//
// Benchmarks use it (npm run bench:first-load); with-db.ts in front provides the database,
// secrets and NEXTAUTH_URL for the same PORT.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { buildIfNeeded } from "./build-if-needed.mjs";

const PORT = Number(process.env.PORT ?? 3000);
const BASE_URL = `http://localhost:${PORT}`;

function start(): ChildProcess {
  // Its own process group, so that stopping it stops next-server and nothing else.
  return spawn(process.execPath, [path.join("scripts", "serve.mjs")], {
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
}

async function ready(server: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    const ok = await fetch(`${BASE_URL}/api/auth/csrf`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${BASE_URL} did not answer within ${timeoutMs / 1000} s`);
}

function run(command: string[]): Promise<number> {
  return new Promise((resolve) => {
    const [bin, ...args] = command as [string, ...string[]];
    const child = spawn(bin, args, { stdio: "inherit", env: { ...process.env, BASE_URL } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  const split = process.argv.indexOf("--");
  const command = process.argv.slice(split === -1 ? 2 : split + 1);
  if (command.length === 0) throw new Error("usage: with-server.ts -- command args...");
  if (!buildIfNeeded()) return 1;
  const server = start();
  const stop = () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  try {
    await ready(server);
    return await run(command);
  } finally {
    stop();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error("[server] failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  });
