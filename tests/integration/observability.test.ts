import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetServerEnv } from "../../src/server/config/env";
import { queryJson } from "../../src/server/db/sql";
import { readiness } from "../../src/server/observability/health";
import { createLogger } from "../../src/server/observability/log";
import { requestIdOf, withRequestId } from "../../src/server/observability/request-context";
import { expireDueOrders } from "../../src/server/use-cases/expire-orders";
import { admitAttempt } from "../../src/server/use-cases/failure-limits";
import { asOwner, makeExpired, newAgent, newCustomer, placeOrder, serveOrder } from "./helpers";
import { callHttp } from "./http";

// What production watches, through the same functions the routes run: readiness against
// the real database and migration folder, metrics moved by real use cases, log lines
// carrying the request id and never a secret.

const { liveResponse, readyResponse, metricsResponse } = await import(
  "../../src/server/observability/endpoints"
);
const TOKEN = "metrics-test-token-0123456789";

function scrape(token: string | null = TOKEN): Promise<Response> {
  const headers = token === null ? undefined : { authorization: `Bearer ${token}` };
  return metricsResponse(new Request("http://localhost/api/metrics", { headers }));
}

/** The value of one sample in Prometheus text (0 when absent), labels matched as given. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (!Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
    return Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return 0;
}

async function metricsNow(): Promise<string> {
  const res = await scrape();
  expect(res.status).toBe(200);
  return res.text();
}

beforeAll(() => {
  process.env.METRICS_TOKEN = TOKEN;
  resetServerEnv();
});

afterAll(() => {
  delete process.env.METRICS_TOKEN;
  resetServerEnv();
});

describe("health", () => {
  it("live answers without touching anything", async () => {
    const res = liveResponse();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("ready: database reachable, every migration applied, order listener connected", async () => {
    const res = await readyResponse();
    expect(await res.json()).toEqual({
      status: "ready",
      database: "ok",
      migrations: "ok",
      listener: "ok",
    });
    expect(res.status).toBe(200);
  });

  it("not ready, naming it, when a migration file was not applied or was edited", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "pp-migrations-"));
    try {
      await cp(path.join(process.cwd(), "prisma", "migrations"), dir, { recursive: true });
      await writeFile(path.join(dir, "migration_lock.toml"), "");
      const extra = path.join(dir, "29991231000000_not_yet");
      await cp(path.join(dir, "20261210000000_observability_grants"), extra, { recursive: true });
      const missing = await readiness(dir);
      expect(missing.ready).toBe(false);
      expect(missing.checks.migrations).toBe("not applied: 29991231000000_not_yet");
      expect(missing.checks.database).toBe("ok");

      await rm(extra, { recursive: true });
      const edited = path.join(dir, "20261210000000_observability_grants", "migration.sql");
      await writeFile(edited, "-- edited after it ran\n");
      const changed = await readiness(`${dir}/`);
      expect(changed.checks.migrations).toBe(
        "changed after applying: 20261210000000_observability_grants",
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("metrics endpoint", () => {
  it("refuses without the token or with a wrong one, and is off without METRICS_TOKEN", async () => {
    expect((await scrape(null)).status).toBe(401);
    expect((await scrape(`${TOKEN}x`)).status).toBe(401);
    expect((await scrape(TOKEN.slice(0, -1))).status).toBe(401);
    delete process.env.METRICS_TOKEN;
    resetServerEnv();
    try {
      expect((await scrape()).status).toBe(404);
    } finally {
      process.env.METRICS_TOKEN = TOKEN;
      resetServerEnv();
    }
  });

  it("counts procedures, order transitions, ledger posts and money writes", async () => {
    const before = await metricsNow();
    const customer = await newCustomer(100_000n);
    const agent = await newAgent(100_000n);
    const order = await placeOrder(customer, "CASH_IN", 5_000n);
    await serveOrder(agent, customer, order);
    await callHttp(customer.actor, "customer.overview", undefined);
    const after = await metricsNow();

    const delta = (name: string, labels: Record<string, string> = {}) =>
      sample(after, name, labels) - sample(before, name, labels);
    expect(delta("pp_order_transitions_total", { type: "CASH_IN", to: "PENDING" })).toBe(1);
    expect(delta("pp_order_transitions_total", { type: "CASH_IN", to: "CLAIMED" })).toBe(1);
    expect(delta("pp_order_transitions_total", { type: "CASH_IN", to: "COMPLETED" })).toBe(1);
    expect(delta("pp_ledger_posts_total", { kind: "CASH_IN" })).toBe(1);
    expect(
      delta("pp_money_write_duration_seconds_count", { command: "order_create", outcome: "done" }),
    ).toBe(1);
    expect(
      delta("pp_money_write_duration_seconds_count", { command: "order_step", outcome: "done" }),
    ).toBe(2);
    // Every write that did its work reports the lock wait it timed (replays report none).
    expect(delta("pp_money_lock_wait_seconds_count", { command: "order_create" })).toBe(1);
    expect(delta("pp_money_lock_wait_seconds_count", { command: "order_step" })).toBe(2);
    expect(
      delta("pp_trpc_request_duration_seconds_count", {
        procedure: "agent.confirm",
        outcome: "ok",
      }),
    ).toBe(1);
    expect(
      delta("pp_trpc_request_duration_seconds_count", {
        procedure: "customer.overview",
        outcome: "ok",
      }),
    ).toBe(1);
    expect(sample(after, "pp_order_listener_connected")).toBe(1);
  });

  /** Whether another session of this database is waiting for a lock (a fresh look each time). */
  async function someoneWaitsForALock(client: {
    query: (sql: string) => Promise<{ rows: { waiting: boolean }[] }>;
  }): Promise<boolean> {
    await client.query("SELECT pg_stat_clear_snapshot()");
    const { rows } = await client.query(
      `SELECT count(*) > 0 AS waiting FROM pg_stat_activity
        WHERE wait_event_type = 'Lock' AND datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return rows[0]?.waiting === true;
  }

  it("times the wait for a row lock inside the money write, not the write's own work", async () => {
    const customer = await newCustomer(100_000n);
    const agent = await newAgent(100_000n);
    const order = await placeOrder(customer, "CASH_IN", 5_000n);
    const before = await metricsNow();
    // Another transaction holds the order's row while the agent scans: the claim waits for
    // it inside order_step, and that wait (at least as long as the hold) is what is reported.
    // The hold is counted from when the claim is seen waiting for the lock, not from when it
    // was sent: on a busy machine the claim may reach the database late.
    const held = 400;
    await asOwner(async (client) => {
      await client.query("BEGIN");
      await client.query("SELECT 1 FROM orders WHERE id = $1 FOR UPDATE", [order.id]);
      const claim = agent.api.agent.claim({ token: order.token! });
      while (!(await someoneWaitsForALock(client))) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await new Promise((resolve) => setTimeout(resolve, held));
      await client.query("COMMIT");
      await claim;
    });
    const after = await metricsNow();
    const waited =
      sample(after, "pp_money_lock_wait_seconds_sum", { command: "order_step" }) -
      sample(before, "pp_money_lock_wait_seconds_sum", { command: "order_step" });
    expect(waited).toBeGreaterThanOrEqual((held - 50) / 1000);
  });

  it("counts a refusal under its tRPC code", async () => {
    const before = await metricsNow();
    const res = await callHttp(null, "customer.overview", undefined);
    expect(res.status).toBe(401);
    const after = await metricsNow();
    const labels = { procedure: "customer.overview", outcome: "UNAUTHORIZED" };
    expect(
      sample(after, "pp_trpc_request_duration_seconds_count", labels) -
        sample(before, "pp_trpc_request_duration_seconds_count", labels),
    ).toBe(1);
  });

  it("counts a rate-limit lock once when it starts, not for each refusal during it", async () => {
    const before = await metricsNow();
    const policy = { limit: 2, windowSeconds: 600, lockSeconds: 600 };
    const entry = [{ key: `test:obs:${crypto.randomUUID()}`, policy }];
    await admitAttempt(entry, "tooMany.pins");
    await admitAttempt(entry, "tooMany.pins");
    for (let i = 0; i < 3; i++) {
      await expect(admitAttempt(entry, "tooMany.pins")).rejects.toThrow(/Too many wrong PINs/);
    }
    const after = await metricsNow();
    const labels = { scope: "test:obs" };
    expect(
      sample(after, "pp_rate_limit_lockouts_total", labels) -
        sample(before, "pp_rate_limit_lockouts_total", labels),
    ).toBe(1);
    // The person's part of the key never becomes a label.
    expect(after).not.toContain(entry[0]!.key);
  });

  it("reports how late the sweep found the oldest due order", async () => {
    const customer = await newCustomer(0n);
    const order = await placeOrder(customer, "CASH_IN", 5_000n);
    await makeExpired(order.id);
    await expireDueOrders();
    // makeExpired puts the expiry one second in the past.
    expect(sample(await metricsNow(), "pp_expiry_sweep_lag_seconds")).toBeGreaterThanOrEqual(1);
    await expireDueOrders();
    expect(sample(await metricsNow(), "pp_expiry_sweep_lag_seconds")).toBe(0);
  });
});

describe("logs", () => {
  function capture() {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        for (const l of String(chunk).split("\n")) if (l) lines.push(JSON.parse(l));
        done();
      },
    });
    return { lines, logger: createLogger("info", stream) };
  }

  it("accepts a sane proxy request id and replaces anything else", () => {
    const nginx = "0123456789abcdef0123456789abcdef";
    expect(requestIdOf(new Headers({ "x-request-id": nginx }))).toBe(nginx);
    for (const bad of ["short", "a".repeat(129), 'x" injected="1', "line\\nbreak id"]) {
      const id = requestIdOf(new Headers({ "x-request-id": bad }));
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(requestIdOf(new Headers())).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("a SQL error's log line carries the request id and the SQLSTATE, not the parameters", async () => {
    const { lines, logger } = capture();
    const holder = globalThis as unknown as Record<symbol, unknown>;
    const key = Symbol.for("proxypay.logger");
    const saved = holder[key];
    holder[key] = logger;
    try {
      await withRequestId("req-test-0001", () =>
        expect(
          queryJson(null, "SELECT no_such_function($1::text) AS r", ["secret-param-9876"]),
        ).rejects.toThrow(),
      );
    } finally {
      holder[key] = saved;
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: "error",
      requestId: "req-test-0001",
      sqlstate: "42883",
      statement: "no_such_function",
    });
    expect(JSON.stringify(lines)).not.toContain("secret-param-9876");
  });

  it("redacts secrets that a careless call site would log", () => {
    const { lines, logger } = capture();
    logger.info({ pin: "1234", user: { password: "hunter22hunter" }, input: { token: "t" } }, "x");
    expect(JSON.stringify(lines)).not.toMatch(/1234|hunter22|"t"/);
  });

  it("the tRPC route answers with the request id it ran under", async () => {
    const { GET } = await import("../../src/app/api/trpc/[trpc]/route");
    const nginx = "fedcba9876543210fedcba9876543210";
    const res = await GET(
      new Request("http://localhost/api/trpc/customer.overview", {
        headers: { "x-request-id": nginx },
      }),
    );
    expect(res.status).toBe(401);
    expect(res.headers.get("x-request-id")).toBe(nginx);
  });
});
