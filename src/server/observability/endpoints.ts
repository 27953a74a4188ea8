import { timingSafeEqual } from "node:crypto";
import { serverEnv } from "../config/env";
import { readiness } from "./health";
import { log } from "./log";
import { METRICS_CONTENT_TYPE, metricsText } from "./metrics";

// The plain route handlers behind /api/health/* and /api/metrics, here so that integration
// tests call exactly what the routes run. None of them reads a session: a load balancer and
// a Prometheus scraper have none.

const NO_STORE = { "cache-control": "no-store" };

/** The process answers: no database, nothing that can be slow. */
export function liveResponse(): Response {
  return Response.json({ status: "ok" }, { headers: NO_STORE });
}

/** 200 when ready, else 503 naming the failing part (see health.ts). */
export async function readyResponse(): Promise<Response> {
  const r = await readiness();
  if (!r.ready) log().warn({ checks: r.checks }, "not ready");
  return Response.json(
    { status: r.ready ? "ready" : "not ready", ...r.checks },
    { status: r.ready ? 200 : 503, headers: NO_STORE },
  );
}

function tokenMatches(header: string | null, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? "")?.[1] ?? "");
  const wanted = Buffer.from(token);
  // Compared in constant time, so the answer's timing does not spell the token out.
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/**
 * Prometheus text, only with `Authorization: Bearer <METRICS_TOKEN>`. Without a configured
 * token the endpoint does not exist (404): metrics say how busy each shop's procedures are,
 * and an open endpoint would hand that to anyone.
 */
export async function metricsResponse(req: Request): Promise<Response> {
  const token = serverEnv().METRICS_TOKEN;
  if (!token) return new Response("Not found", { status: 404, headers: NO_STORE });
  if (!tokenMatches(req.headers.get("authorization"), token)) {
    return new Response("Unauthorized", {
      status: 401,
      headers: { ...NO_STORE, "www-authenticate": 'Bearer realm="metrics"' },
    });
  }
  try {
    return new Response(await metricsText(), {
      headers: { ...NO_STORE, "content-type": METRICS_CONTENT_TYPE },
    });
  } catch (error) {
    log().error({ err: error }, "metrics collection failed");
    return new Response("Metrics unavailable", { status: 503, headers: NO_STORE });
  }
}
