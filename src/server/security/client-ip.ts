import { serverEnv } from "../config/env";

/**
 * The client's address for per-IP limits and the audit log, from X-Forwarded-For.
 *
 * Next's server only fills that header when the request has none (`??=`), so its first
 * entries are whatever the client sent; only what trusted proxies append can be believed.
 * Each proxy in front appends the address it received from: with TRUSTED_PROXY_HOPS proxies
 * (default 1, a load balancer), the client is that many entries from the right. Behind no
 * proxy at all the header is the client's to write and per-IP limits are advisory; the
 * per-phone and per-agent limits do not depend on it.
 */
export function clientIp(
  headers: Record<string, unknown> | Headers | undefined,
  hops = serverEnv().TRUSTED_PROXY_HOPS,
): string | null {
  const raw =
    headers instanceof Headers ? headers.get("x-forwarded-for") : headers?.["x-forwarded-for"];
  if (typeof raw !== "string") return null;
  const entries = raw
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than proxies: the request came through fewer than configured; the first
  // entry is then the closest thing to the client.
  const client = entries[Math.max(0, entries.length - hops)];
  return client ? client.slice(0, 64) : null;
}
