import { expect, test } from "@playwright/test";
import { E2E_METRICS_TOKEN } from "./support";

// The production build's operational endpoints, over HTTP as a load balancer, a scraper and
// nginx use them (no session anywhere).

test("health: live and ready answer without a session, naming each part", async ({ request }) => {
  const live = await request.get("/api/health/live");
  expect(live.status()).toBe(200);
  expect(await live.json()).toEqual({ status: "ok" });
  const ready = await request.get("/api/health/ready");
  expect(await ready.json()).toEqual({
    status: "ready",
    database: "ok",
    migrations: "ok",
    listener: "ok",
  });
  expect(ready.status()).toBe(200);
});

test("metrics: refused without the bearer token, Prometheus text with it", async ({ request }) => {
  expect((await request.get("/api/metrics")).status()).toBe(401);
  const wrong = await request.get("/api/metrics", {
    headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}-not` },
  });
  expect(wrong.status()).toBe(401);
  // One call first, so its procedure has a sample whatever ran before this test.
  await request.get("/api/trpc/customer.overview");
  const res = await request.get("/api/metrics", {
    headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` },
  });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/plain");
  const text = await res.text();
  expect(text).toMatch(
    /pp_trpc_request_duration_seconds_count\{[^}]*procedure="customer.overview"[^}]*outcome="UNAUTHORIZED"[^}]*\} [1-9]/,
  );
  expect(text).toContain("pp_order_listener_connected 1");
});

test("request id: nginx's is carried back, a malformed one replaced", async ({ request }) => {
  const nginx = "0123456789abcdef0123456789abcdef";
  const given = await request.get("/api/trpc/customer.overview", {
    headers: { "x-request-id": nginx },
  });
  expect(given.headers()["x-request-id"]).toBe(nginx);
  const forged = await request.get("/api/trpc/customer.overview", {
    headers: { "x-request-id": 'bad id" level="fatal' },
  });
  expect(forged.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});
