// The app as production runs it: `next build`, then `npm start`'s server (scripts/serve.mjs,
// WEB_CONCURRENCY workers) in its own process group
// (so that every Node process it may start is found and stopped with it). Its DATABASE_URL
// points at the wire proxy, which forwards to the real database.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import path from "node:path";

const NEXT = path.join("node_modules", ".bin", "next");

export function build(logFile: string): number {
  const started = performance.now();
  const out = createWriteStream(logFile);
  try {
    const output = execFileSync(NEXT, ["build"], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
    out.end(output);
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    out.end(`${e.stdout ?? ""}\n${e.stderr ?? ""}`);
    throw new Error(`next build failed; see ${logFile}`);
  }
  return (performance.now() - started) / 1000;
}

export function builtId(): string | null {
  const file = path.join(process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
  return existsSync(file) ? readFileSync(file, "utf8").trim() : null;
}

export interface ServerOptions {
  port: number;
  databaseUrl: string;
  outboxFile: string;
  logFile: string;
  /** Replaces `node scripts/serve.mjs` (e.g. `next start -p $PORT` to compare), run with sh -c. */
  command?: string | undefined;
}

export class AppServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  get pid(): number {
    return this.child.pid!;
  }

  static async start(o: ServerOptions): Promise<AppServer> {
    const base = `http://127.0.0.1:${o.port}`;
    const log = createWriteStream(o.logFile, { flags: "a" });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(o.port),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: o.databaseUrl,
      NEXTAUTH_URL: base,
      NEXT_TELEMETRY_DISABLED: "1",
      // README's demo operators exist on this database: a production server needs the flag.
      PROXYPAY_DEMO: "1",
      OTP_SENDER: "console",
      OTP_OUTBOX_FILE: o.outboxFile,
      // The bench is the one proxy in front of the app and writes X-Forwarded-For.
      TRUSTED_PROXY_HOPS: "1",
    };
    const [bin, args] = o.command
      ? ["sh", ["-c", o.command]]
      : [process.execPath, [path.join("scripts", "serve.mjs")]];
    const child = spawn(bin, args as string[], {
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    const server = new AppServer(child, o.port);
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the app server exited; see ${o.logFile}`);
      try {
        if ((await fetch(`${base}/api/auth/csrf`)).ok) return server;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) {
        server.stop();
        throw new Error(`the app server did not come up; see ${o.logFile}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  stop(): void {
    try {
      process.kill(-this.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

/** Lines of the server's log that report errors (unexpected failures are console.error'd). */
export function serverLogErrors(logFile: string): { count: number; first: string[] } {
  if (!existsSync(logFile)) return { count: 0, first: [] };
  const lines = readFileSync(logFile, "utf8")
    .split("\n")
    .filter((l) => /error/i.test(l) && !l.startsWith("[sms]"));
  return { count: lines.length, first: lines.slice(0, 10) };
}
