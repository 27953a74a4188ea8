import pg from "pg";
import { describe, expect, it } from "vitest";
import { clientClassFor, clientFor, parseTargets } from "@/server/db/targets";

// The multi-host client against a real server: a host that is down is skipped, the session
// kind is checked on the server itself, and a pool built like the app's (client.ts) works.
// The failover itself (a primary lost, a standby promoted) is the drill's:
// tests/stress/failover.ts.
const DEAD = "127.0.0.1:5449"; // nothing listens there (the failover drill's spare port)

function withHosts(url: string, attrs: string): string {
  const t = parseTargets(url);
  const live = t.hosts[0]!;
  const [, rest] = /^postgres(?:ql)?:\/\/(?:[^@/]*@)?[^/]*(.*)$/.exec(url)!;
  const userinfo = /^postgres(?:ql)?:\/\/([^@/]*@)?/.exec(url)![1] ?? "";
  const sep = rest!.includes("?") ? "&" : "?";
  return `postgresql://${userinfo}${DEAD},${live}${rest}${sep}target_session_attrs=${attrs}`;
}

describe("a multi-host DATABASE_URL", () => {
  it("skips a host that refuses and connects to the read-write one", async () => {
    const client = clientFor(withHosts(process.env.DATABASE_URL!, "read-write"));
    await client.connect();
    try {
      const { rows } = await client.query<{ ro: string }>(
        "SELECT current_setting('transaction_read_only') AS ro",
      );
      expect(rows[0]!.ro).toBe("off");
    } finally {
      await client.end();
    }
  });

  it("refuses when no host gives the session kind asked for", async () => {
    // The only live server is a primary: no standby, nothing read-only.
    for (const attrs of ["standby", "read-only"]) {
      const client = clientFor(withHosts(process.env.DATABASE_URL!, attrs));
      await expect(client.connect()).rejects.toThrow(/accepts a (standby|read-only) session/);
    }
  });

  it("prefer-standby settles for the primary when there is no standby", async () => {
    const client = clientFor(withHosts(process.env.DATABASE_URL!, "prefer-standby"));
    await client.connect();
    try {
      const { rows } = await client.query<{ rec: boolean }>("SELECT pg_is_in_recovery() AS rec");
      expect(rows[0]!.rec).toBe(false);
    } finally {
      await client.end();
    }
  });

  it("serves a pool as the app builds it, with many connections at once", async () => {
    const targets = parseTargets(withHosts(process.env.DATABASE_URL!, "read-write"));
    const pool = new pg.Pool({
      connectionString: targets.urls[0],
      Client: clientClassFor(targets),
      max: 5,
    });
    try {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => pool.query<{ n: number }>("SELECT $1::int AS n", [i])),
      );
      expect(results.map((r) => r.rows[0]!.n)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    } finally {
      await pool.end();
    }
  });
});
