// Every knob of the run, from the environment (docs/performance.md lists them).
// BENCH_SMOKE=1 changes the defaults to a run of about three minutes.
import type { Scenario } from "./runner";

const smoke = process.env.BENCH_SMOKE === "1";

function num(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number`);
  return value;
}

function list(name: string, fallback: string): string[] {
  return (process.env[name] ?? fallback)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

const SCENARIOS: readonly Scenario[] = ["SPREAD", "HOT", "MIXED", "LIVE"];

function scenarios(name: string, fallback: string): Scenario[] {
  return list(name, fallback).map((s) => {
    const up = s.toUpperCase() as Scenario;
    if (!SCENARIOS.includes(up)) throw new Error(`${name}: unknown scenario ${s}`);
    return up;
  });
}

export function loadConfig() {
  return {
    smoke,
    durationS: num("DURATION_S", smoke ? 6 : 20),
    warmupS: num("WARMUP_S", smoke ? 2 : 3),
    /** Unmeasured load before the first step, seconds. */
    globalWarmupS: num("GLOBAL_WARMUP_S", smoke ? 6 : 12),
    scenarios: scenarios("SCENARIOS", "SPREAD,HOT,MIXED,LIVE"),
    clients: list("CLIENTS", smoke ? "8,32" : "8,16,32").map(Number),
    /** LIVE (SPREAD with every phone on its stream) runs at these client counts. */
    liveClients: list("LIVE_CLIENTS", smoke ? "8" : "16").map(Number),
    openScenarios: scenarios("OPEN_SCENARIOS", smoke ? "SPREAD" : "SPREAD,MIXED"),
    /** Share of the scenario's best closed-loop throughput offered in the open loop. */
    openLoad: num("OPEN_LOAD", 0.7),
    /** Orders/s offered in the open loop, instead of OPEN_LOAD x the measured maximum. */
    openRate: process.env.OPEN_RATE ? num("OPEN_RATE", 0) : null,
    openMaxInFlight: num("OPEN_MAX_IN_FLIGHT", 1000),
    /**
     * Share of open-loop orders whose customer's page follows them on the live stream (the
     * confirm -> phone latency is measured on those). 1 = every phone, as in the field; the
     * default samples a share, so that the stream's own cost (see the LIVE step) does not
     * push the open loop past the maximum measured without streams.
     */
    streamShare: num("STREAM_SHARE", 0.2),
    agents: num("AGENTS", smoke ? 16 : 32),
    customers: num("CUSTOMERS", smoke ? 48 : 128),
    setupParallel: num("SETUP_PARALLEL", 4),
    pgbench: process.env.PGBENCH !== "0",
    pgbenchBin: process.env.PGBENCH_BIN ?? "pgbench",
    pgbenchClients: num("PGBENCH_CLIENTS", 16),
    pgbenchScale: num("PGBENCH_SCALE", 10),
    pgbenchHotScale: num("PGBENCH_HOT_SCALE", 1),
    pgbenchSeconds: num("PGBENCH_S", smoke ? 6 : 20),
    /** Before each step, wait up to this long for other work on the machine to calm down. */
    quietWaitS: num("QUIET_WAIT_S", smoke ? 0 : 30),
    /** "Calm": the rest of the machine uses less than this share of it, percent. */
    quietOtherPct: num("QUIET_OTHER_PCT", 10),
    build: process.env.BUILD !== "0",
    appPort: num("APP_PORT", 3200),
    /** BENCH_CLUSTER=N: N instances behind nginx (scripts/cluster.mjs) on APP_PORT instead of one server. */
    cluster: num("BENCH_CLUSTER", 0),
    // A cluster takes APP_PORT + 1..N (nginx) and + 11..10+N (instances).
    proxyPort: num("PROXY_PORT", num("APP_PORT", 3200) + (process.env.BENCH_CLUSTER ? 20 : 1)),
    wireProxy: process.env.WIRE_PROXY !== "0",
    serverCommand: process.env.SERVER_COMMAND || undefined,
    webConcurrency: process.env.WEB_CONCURRENCY ?? null,
    resultsDir: process.env.RESULTS_DIR ?? "bench/results",
  };
}

export type Config = ReturnType<typeof loadConfig>;
