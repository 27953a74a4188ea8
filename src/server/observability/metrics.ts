import cluster from "node:cluster";
import { AggregatorRegistry, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * Prometheus metrics of this process. The registry and the metrics live on globalThis
 * under a Symbol: Next bundles each route separately, and two registries would answer
 * /api/metrics with the counts of only one bundle. Names and the alerts worth setting on
 * them: docs/operations.md, "Watch it".
 */
function createMetrics() {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    trpcDuration: new Histogram({
      name: "pp_trpc_request_duration_seconds",
      help: "Time from a tRPC call's start to its answer, per procedure and outcome (ok or the tRPC error code). Subscriptions are not timed.",
      labelNames: ["procedure", "type", "outcome"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    orderTransitions: new Counter({
      name: "pp_order_transitions_total",
      help: "Orders that reached a state, by order type and the state reached (created orders count as to=PENDING).",
      labelNames: ["type", "to"] as const,
      registers,
    }),
    ledgerPosts: new Counter({
      name: "pp_ledger_posts_total",
      help: "Journal entries posted by order commands, by entry kind.",
      labelNames: ["kind"] as const,
      registers,
    }),
    moneyWrite: new Histogram({
      name: "pp_money_write_duration_seconds",
      help: "The whole order_step / order_create statement as the app saw it, by command and outcome: pool wait, round trip, row-lock waits and work together (lock waits alone: pp_money_lock_wait_seconds).",
      labelNames: ["command", "outcome"] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    moneyLockWait: new Histogram({
      name: "pp_money_lock_wait_seconds",
      help: "Time order_step / order_create waited for row locks inside PostgreSQL (the order's row, the entry's accounts, the customer's row for a create), timed by the functions themselves with clock_timestamp(), by command.",
      labelNames: ["command"] as const,
      buckets: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    listenerConnected: new Gauge({
      name: "pp_order_listener_connected",
      help: "1 while this process's LISTEN order_changed connection is up (summed over workers).",
      registers,
    }),
    listenerReconnects: new Counter({
      name: "pp_order_listener_reconnects_total",
      help: "Times the LISTEN connection was lost and connected again.",
      registers,
    }),
    rateLimitLockouts: new Counter({
      name: "pp_rate_limit_lockouts_total",
      help: "Rate-limit keys newly locked (a lock starting, not each attempt refused during it), by key scope such as pin:phone or otp:ip.",
      labelNames: ["scope"] as const,
      registers,
    }),
    expirySweepLag: new Gauge({
      name: "pp_expiry_sweep_lag_seconds",
      help: "At the last sweep: how long past its expiry the oldest live order found due was (0 when none). Max over workers.",
      aggregator: "max",
      registers,
    }),
    expirySweepLastRun: new Gauge({
      name: "pp_expiry_sweep_last_run_timestamp_seconds",
      help: "Unix time the expiry sweep last finished without error. Max over workers.",
      aggregator: "max",
      registers,
    }),
    expirySweepFailures: new Counter({
      name: "pp_expiry_sweep_failures_total",
      help: "Expiry sweeps that failed (logged with the error).",
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const KEY = Symbol.for("proxypay.metrics");
const holder = globalThis as unknown as { [KEY]?: Metrics };

export function metrics(): Metrics {
  if (!holder[KEY]) {
    holder[KEY] = createMetrics();
    if (cluster.isWorker) {
      // Constructing an aggregator in a worker makes prom-client answer the primary's
      // requests for this worker's metrics (scripts/serve.mjs sums them over workers).
      AggregatorRegistry.setRegistries([holder[KEY].registry]);
      new AggregatorRegistry();
    }
  }
  return holder[KEY];
}

/** Seconds since `start` (a performance.now() reading). */
export function secondsSince(start: number): number {
  return (performance.now() - start) / 1000;
}

/** The scope of a rate-limit key ("pin:phone:+2547…" -> "pin:phone"): never the person. */
export function rateLimitScope(key: string): string {
  const [a, b] = key.split(":");
  return b !== undefined && /^[a-z-]+$/.test(b) ? `${a}:${b}` : (a ?? "other");
}

const REQUEST = "proxypay:metrics-request";
const ANSWER = "proxypay:metrics-answer";
let asked = 0;

/**
 * The metrics text to serve. A worker of scripts/serve.mjs's cluster asks the primary,
 * which collects every worker's registry and sums them (prom-client's AggregatorRegistry):
 * behind one shared port a scraper cannot pick a worker, so per-worker scraping would see a
 * random one each time. A single process answers from its own registry.
 */
export async function metricsText(timeoutMs = 5_000): Promise<string> {
  const own = metrics().registry;
  if (!cluster.isWorker || !process.send) return own.metrics();
  const id = `${process.pid}:${++asked}`;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      process.off("message", onMessage);
      reject(new Error("the cluster primary did not answer with the workers' metrics"));
    }, timeoutMs);
    const onMessage = (message: unknown) => {
      const m = message as { type?: string; id?: string; text?: string; error?: string };
      if (m?.type !== ANSWER || m.id !== id) return;
      clearTimeout(timer);
      process.off("message", onMessage);
      if (m.error !== undefined || m.text === undefined) reject(new Error(m.error ?? "no text"));
      else resolve(m.text);
    };
    process.on("message", onMessage);
    process.send!({ type: REQUEST, id });
  });
}

export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;
