// Direct SQL to PostgreSQL, for measuring only: pg_stat_database counters, the server's
// settings and version, which processes are the server's; and the pgbench yardstick.
// Nothing here changes the app's database.
import { spawn } from "node:child_process";
import pg from "pg";
import { parentOf } from "./cpu";

export interface DatabaseCounters {
  xacts: number;
  commits: number;
  rollbacks: number;
  deadlocks: number;
}

export class PostgresProbe {
  private constructor(
    private readonly client: pg.Client,
    readonly url: URL,
  ) {}

  /** Connects to the server's maintenance database, so these queries count for no app db. */
  static async connect(databaseUrl: string): Promise<PostgresProbe> {
    const url = new URL(databaseUrl);
    const admin = new URL(databaseUrl);
    admin.pathname = "/postgres";
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    return new PostgresProbe(client, url);
  }

  get database(): string {
    return decodeURIComponent(this.url.pathname.slice(1));
  }

  get isLocal(): boolean {
    return ["127.0.0.1", "localhost", "::1", "[::1]"].includes(this.url.hostname);
  }

  async settings() {
    const one = async (sql: string) =>
      String(((await this.client.query(sql)).rows[0] as Record<string, unknown>)?.v ?? "");
    const setting = (name: string) => one(`SELECT current_setting('${name}') AS v`);
    return {
      version: await one("SELECT version() AS v"),
      serverVersion: await setting("server_version"),
      fsync: await setting("fsync"),
      synchronousCommit: await setting("synchronous_commit"),
      sharedBuffers: await setting("shared_buffers"),
      maxConnections: await setting("max_connections"),
      walLevel: await setting("wal_level"),
    };
  }

  /** The postmaster's pid: the parent of this connection's backend (local servers only). */
  async postmasterPid(): Promise<number | null> {
    if (!this.isLocal) return null;
    const { rows } = await this.client.query("SELECT pg_backend_pid() AS pid");
    const backend = Number((rows[0] as { pid: number }).pid);
    return parentOf(backend);
  }

  async counters(): Promise<Map<string, DatabaseCounters>> {
    const { rows } = await this.client.query(
      `SELECT datname, xact_commit::bigint AS c, xact_rollback::bigint AS r,
              deadlocks::bigint AS d
         FROM pg_stat_database WHERE datname IS NOT NULL`,
    );
    const out = new Map<string, DatabaseCounters>();
    for (const r of rows as { datname: string; c: string; r: string; d: string }[]) {
      const commits = Number(r.c);
      const rollbacks = Number(r.r);
      out.set(r.datname, {
        xacts: commits + rollbacks,
        commits,
        rollbacks,
        deadlocks: Number(r.d),
      });
    }
    return out;
  }

  /**
   * Backends report their counters to pg_stat_database lazily (an idle backend up to about
   * 10 s after its last transaction), so a count taken right after the load stops is short.
   * This waits until the app database's count has stood still for two readings in a row.
   */
  async settledCounters(maxMs = 15_000): Promise<Map<string, DatabaseCounters>> {
    const deadline = Date.now() + maxMs;
    let last = await this.counters();
    let still = 0;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1_000));
      const now = await this.counters();
      const same = now.get(this.database)?.xacts === last.get(this.database)?.xacts;
      last = now;
      still = same ? still + 1 : 0;
      if (still >= 2) break;
    }
    return last;
  }

  async ensureDatabase(name: string): Promise<void> {
    const { rowCount } = await this.client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      name,
    ]);
    if (!rowCount) await this.client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

export function diffCounters(
  after: Map<string, DatabaseCounters>,
  before: Map<string, DatabaseCounters>,
  database: string,
) {
  const a = after.get(database);
  const b = before.get(database);
  let otherXacts = 0;
  for (const [name, c] of after) {
    if (name === database) continue;
    // A database dropped and made again meanwhile starts counting from zero.
    const was = before.get(name)?.xacts ?? 0;
    otherXacts += c.xacts >= was ? c.xacts - was : c.xacts;
  }
  return {
    xacts: (a?.xacts ?? 0) - (b?.xacts ?? 0),
    commits: (a?.commits ?? 0) - (b?.commits ?? 0),
    rollbacks: (a?.rollbacks ?? 0) - (b?.rollbacks ?? 0),
    deadlocks: (a?.deadlocks ?? 0) - (b?.deadlocks ?? 0),
    /** Transactions of the server's other databases meanwhile: other people's load. */
    otherDatabasesXacts: otherXacts,
  };
}

export interface PgbenchResult {
  script: string;
  scale: number;
  clients: number;
  threads: number;
  seconds: number;
  tps: number | null;
  latencyAvgMs: number | null;
  transactions: number | null;
  failed: number | null;
  pid: number | null;
  output: string;
}

/** Runs the pgbench binary against a database of the same server as the app's. */
export function pgbench(
  binary: string,
  url: URL,
  database: string,
  args: string[],
  onStart?: (pid: number) => void,
): Promise<{ code: number; output: string; pid: number | null }> {
  return new Promise((resolve, reject) => {
    const env = {
      ...process.env,
      PGHOST: url.hostname,
      PGPORT: url.port || "5432",
      PGUSER: decodeURIComponent(url.username || "postgres"),
      ...(url.password ? { PGPASSWORD: decodeURIComponent(url.password) } : {}),
      PGDATABASE: database,
    };
    const child = spawn(binary, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    if (child.pid) onStart?.(child.pid);
    let output = "";
    child.stdout.on("data", (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      output += d.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code: code ?? 1, output, pid: child.pid ?? null }));
  });
}

export function parsePgbench(output: string) {
  const number = (re: RegExp) => {
    const m = re.exec(output);
    return m ? Number(m[1]) : null;
  };
  return {
    tps: number(/tps = ([\d.]+) \(without initial connection time\)/),
    latencyAvgMs: number(/latency average = ([\d.]+) ms/),
    transactions: number(/number of transactions actually processed: (\d+)/),
    failed: number(/number of failed transactions: (\d+)/),
  };
}
