// The whole run, inside scripts/with-db.ts (which made the database fresh, migrated it and
// seeded README's demo operators): build, proxy, server, people, pgbench, the scenarios,
// the open loop, the first-load hook; then the JSON and the printed summary.
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { loadConfig } from "./config";
import { HttpTarget } from "./http";
import { codeVersion, machine } from "./machine";
import { Meter } from "./meter";
import { type PgbenchResult, PostgresProbe, parsePgbench, pgbench } from "./postgres";
import { profileCalls } from "./profile";
import { printSummary, ratios } from "./report";
import { closedLoop, openLoop, type Scenario, type StepContext, type StepResult } from "./runner";
import { AppServer, build, builtId, serverLogErrors } from "./server";
import { buildWorld } from "./setup";
import { round } from "./stats";
import { WireProxy } from "./wire-proxy";

const started = Date.now();
function log(message: string): void {
  const s = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  console.log(`[bench ${s}s] ${message}`);
}

async function runPgbench(
  probe: PostgresProbe,
  meter: Meter,
  bin: string,
  database: string,
  script: string,
  scale: number,
  clients: number,
  seconds: number,
  quietWaitS: number,
  quietOtherPct: number,
): Promise<PgbenchResult & { cpu: ReturnType<Meter["cpu"]> | null }> {
  log(`pgbench: initialising ${database} at scale ${scale}`);
  const init = await pgbench(bin, probe.url, database, ["-i", "-q", "-s", String(scale)]);
  if (init.code !== 0) throw new Error(`pgbench -i failed:\n${init.output}`);
  const threads = Math.min(clients, os.cpus().length);
  log(`pgbench: ${script}, scale ${scale}, ${clients} clients, ${seconds} s`);
  await waitForQuiet(meter, quietWaitS, quietOtherPct);
  const before = await meter.snapshot();
  const run = await pgbench(bin, probe.url, database, [
    "-b",
    script,
    "-c",
    String(clients),
    "-j",
    String(threads),
    "-T",
    String(seconds),
  ]);
  const after = await meter.snapshot();
  if (run.code !== 0) throw new Error(`pgbench failed:\n${run.output}`);
  const parsed = parsePgbench(run.output);
  return {
    script,
    scale,
    clients,
    threads,
    seconds,
    ...parsed,
    pid: run.pid,
    output: run.output,
    cpu: meter.cpu(before, after, parsed.transactions, true),
  };
}

/**
 * Waits, up to `maxS`, until the rest of the machine (everything but the app server,
 * PostgreSQL, the proxy and this process) uses less than `maxOtherPct` of it over 2 s: the
 * figures of a step that shares the cores with someone's build are not the app's.
 */
async function waitForQuiet(meter: Meter, maxS: number, maxOtherPct: number) {
  if (maxS <= 0) return null;
  const deadline = performance.now() + maxS * 1000;
  const waitStarted = performance.now();
  let other = 0;
  for (;;) {
    const a = await meter.snapshot();
    await new Promise((r) => setTimeout(r, 2_000));
    other = meter.cpu(a, await meter.snapshot(), null).other.pct;
    if (other < maxOtherPct || performance.now() > deadline) break;
  }
  const waited = round((performance.now() - waitStarted) / 1000 - 2);
  if (other >= maxOtherPct) {
    log(`  the machine is busy with other work (${other} % of it): going on after ${waited} s`);
  } else if (waited > 1) {
    log(`  waited ${waited} s for other work on the machine to calm down`);
  }
  return { waitedS: waited, otherPct: other };
}

async function firstLoad(
  baseUrl: string,
): Promise<{ ran: boolean; note: string; result?: unknown }> {
  const file = path.resolve("bench", "first-load.ts");
  if (!existsSync(file)) {
    return { ran: false, note: "bench/first-load.ts does not exist yet: first-load skipped" };
  }
  try {
    const mod = (await import(pathToFileURL(file).href)) as {
      measureFirstLoad?: (baseUrl: string) => Promise<unknown>;
    };
    if (typeof mod.measureFirstLoad !== "function") {
      return { ran: false, note: "bench/first-load.ts exports no measureFirstLoad: skipped" };
    }
    return { ran: true, note: "bench/first-load.ts", result: await mod.measureFirstLoad(baseUrl) };
  } catch (error) {
    return { ran: false, note: `first-load failed: ${(error as Error).message}` };
  }
}

/**
 * N instances behind nginx on the bench's app port (scripts/cluster.mjs). Two proxies then
 * write X-Forwarded-For: the bench (each simulated device's address) and nginx, hence
 * TRUSTED_PROXY_HOPS=2. The bench has built already (or BUILD=0 says to serve what is there).
 */
function clusterCommand(size: number): string {
  return `TRUSTED_PROXY_HOPS=2 CLUSTER_BUILD=0 CLUSTER_SIZE=${size} CLUSTER_PORT=$PORT exec node scripts/cluster.mjs`;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set (run through npm run bench:load)");
  const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
  const code = codeVersion();
  const runDir = path.join(config.resultsDir, `${stamp}-${code.short || "nogit"}`);
  mkdirSync(runDir, { recursive: true });
  const outboxFile = path.join(os.tmpdir(), `proxypay-bench-otp-${config.appPort}.jsonl`);
  rmSync(outboxFile, { force: true });

  const probe = await PostgresProbe.connect(databaseUrl);
  const pgSettings = await probe.settings();
  const postmasterPid = await probe.postmasterPid();
  const host = machine();
  log(
    `${host.cpuModel}, ${host.cores} cores, node ${host.node}, PostgreSQL ${pgSettings.serverVersion}` +
      ` (fsync ${pgSettings.fsync}), code ${code.short}${code.dirty ? "+dirty" : ""}`,
  );
  if (!postmasterPid) log("PostgreSQL is not on this machine: its CPU share is not measured");

  let buildSeconds: number | null = null;
  if (config.build) {
    log("next build (production)");
    buildSeconds = build(path.join(runDir, "build.log"));
    log(`built in ${buildSeconds.toFixed(0)} s`);
  } else {
    log(`BUILD=0: serving the existing build ${builtId() ?? "(none!)"}`);
  }

  let proxy: WireProxy | null = null;
  let serverUrl = databaseUrl;
  if (config.wireProxy) {
    const target = new URL(databaseUrl);
    proxy = await WireProxy.start({
      listenPort: config.proxyPort,
      targetHost: target.hostname,
      targetPort: Number(target.port || 5432),
    });
    const viaProxy = new URL(databaseUrl);
    viaProxy.hostname = "127.0.0.1";
    viaProxy.port = String(config.proxyPort);
    serverUrl = viaProxy.toString();
    log(`wire proxy on 127.0.0.1:${config.proxyPort} -> ${target.host} (pid ${proxy.pid})`);
  } else {
    log("WIRE_PROXY=0: the server connects straight to PostgreSQL; no statement counts");
  }

  const serverLog = path.join(runDir, "server.log");
  const server = await AppServer.start({
    port: config.appPort,
    databaseUrl: serverUrl,
    outboxFile,
    logFile: serverLog,
    command: config.cluster > 0 ? clusterCommand(config.cluster) : config.serverCommand,
  });
  const pgbenchDb = `${probe.database}_pgbench`;
  const meter = new Meter(server.pid, postmasterPid, proxy, [probe.database, pgbenchDb]);
  const nodeProcesses = meter.serverProcesses(await meter.snapshot());
  log(
    `app server on :${config.appPort}: ${nodeProcesses.length} process(es) ` +
      nodeProcesses.map((p) => `${p.pid} ${p.comm}`).join(", "),
  );
  if (config.cluster > 0) log(`BENCH_CLUSTER=${config.cluster}: instances behind nginx`);
  if (config.webConcurrency) {
    log(`WEB_CONCURRENCY=${config.webConcurrency} was passed to the server`);
  }
  const target = new HttpTarget("127.0.0.1", config.appPort);

  const steps: (StepResult & { quietBefore: Awaited<ReturnType<typeof waitForQuiet>> })[] = [];
  const pgbenchResults: Awaited<ReturnType<typeof runPgbench>>[] = [];
  let world: Awaited<ReturnType<typeof buildWorld>> | null = null;
  let firstLoadResult: Awaited<ReturnType<typeof firstLoad>> | null = null;
  let callProfile: Awaited<ReturnType<typeof profileCalls>> | null = null;
  let ledger: { balanced: boolean; checkedAccounts: number; differences: number } | null = null;
  const cleanup = () => {
    server.stop();
    proxy?.stop();
    target.close();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      cleanup();
      process.exit(130);
    });
  }
  try {
    world = await buildWorld(target, {
      agents: config.agents,
      customers: config.customers,
      spreadFloat: 100_000_000n,
      hotFloat: 2_000_000_000n,
      prefund: 2_000_000n,
      outboxFile,
      parallel: config.setupParallel,
      log,
    });
    log(
      `setup done in ${world.setupSeconds.toFixed(0)} s: ${world.spreadAgents.length} agents + 1 hot, ` +
        `${world.customers.length} customers, ${world.floatRequestsApproved} fundings approved by a second operator`,
    );

    if (proxy) {
      log("per-call wire profile: orders one at a time, counts read around every call");
      callProfile = await profileCalls(proxy, world.customers[0]!, world.spreadAgents[0]!, 5);
    }

    if (config.pgbench) {
      const pgDb = pgbenchDb;
      await probe.ensureDatabase(pgDb);
      pgbenchResults.push(
        await runPgbench(
          probe,
          meter,
          config.pgbenchBin,
          pgDb,
          "tpcb-like",
          config.pgbenchScale,
          config.pgbenchClients,
          config.pgbenchSeconds,
          config.quietWaitS,
          config.quietOtherPct,
        ),
      );
      pgbenchResults.push(
        await runPgbench(
          probe,
          meter,
          config.pgbenchBin,
          pgDb,
          "tpcb-like",
          config.pgbenchHotScale,
          config.pgbenchClients,
          config.pgbenchSeconds,
          config.quietWaitS,
          config.quietOtherPct,
        ),
      );
    }

    const ctx: StepContext = {
      meter,
      probe,
      world,
      warmupS: config.warmupS,
      durationS: config.durationS,
      log,
    };
    if (config.globalWarmupS > 0) {
      // A fresh server compiles its routes and warms its JIT on first use: the first measured
      // step would pay for it. Every call of every scenario runs here first, unmeasured.
      log(`warm-up: MIXED and LIVE, 8 clients, ${config.globalWarmupS} s (not measured)`);
      const warm = { ...ctx, warmupS: 0, durationS: config.globalWarmupS / 2 };
      await closedLoop(warm, "MIXED", 8);
      await closedLoop(warm, "LIVE", 8);
    }
    // Counters settle first, so that the first step starts from a still count.
    await probe.settledCounters();
    // LIVE runs at its own client counts (it costs more per order), after the others.
    const closedSteps: { scenario: Scenario; clients: number }[] = config.scenarios
      .filter((s) => s !== "LIVE")
      .flatMap((scenario) => config.clients.map((clients) => ({ scenario, clients })));
    if (config.scenarios.includes("LIVE")) {
      for (const clients of config.liveClients) closedSteps.push({ scenario: "LIVE", clients });
    }
    for (const { scenario, clients } of closedSteps) {
      log(`${scenario}: closed loop, ${clients} clients, ${config.warmupS}+${config.durationS} s`);
      const quiet = await waitForQuiet(meter, config.quietWaitS, config.quietOtherPct);
      const step = { ...(await closedLoop(ctx, scenario, clients)), quietBefore: quiet };
      steps.push(step);
      log(
        `  ${step.ordersPerS} orders/s, order p50 ${step.latency.order.p50} ms p99 ${step.latency.order.p99} ms, ` +
          `node ${step.cpu.node.pct}% pg ${step.cpu.postgres.pct}% of the machine, ` +
          `${step.perOrder.statements} statements/order, ${step.errorsInWindow} errors`,
      );
    }
    for (const scenario of config.openScenarios) {
      const best = Math.max(
        0,
        ...steps
          .filter((s) => s.scenario === scenario && s.loop === "closed")
          .map((s) => s.ordersPerS),
      );
      const rate = config.openRate ?? round(best * config.openLoad, 1);
      if (!(rate > 0)) {
        log(`${scenario}: no closed-loop maximum measured and no OPEN_RATE: open loop skipped`);
        continue;
      }
      log(
        `${scenario}: open loop at ${rate} orders/s` +
          (config.openRate ? "" : ` (${Math.round(config.openLoad * 100)} % of ${best})`) +
          `, ${Math.round(config.streamShare * 100)} % of phones on their live stream`,
      );
      const quiet = await waitForQuiet(meter, config.quietWaitS, config.quietOtherPct);
      const step = {
        ...(await openLoop(ctx, scenario, rate, config.streamShare, config.openMaxInFlight)),
        quietBefore: quiet,
      };
      steps.push(step);
      const phone =
        step.latency.calls["confirm -> phone COMPLETED"] ??
        step.latency.calls["approve -> phone COMPLETED"];
      log(
        `  ${step.ordersPerS} orders/s done, order p50 ${step.latency.order.p50} ms p99 ${step.latency.order.p99} ms` +
          (phone ? `, confirm -> phone p50 ${phone.p50} ms p99 ${phone.p99} ms` : "") +
          `, ${step.errorsInWindow} errors`,
      );
    }

    // Not an assertion: the operator's own checks, read once the load is over.
    const balance = (await world.maker.call("admin.trialBalance", undefined, "query")) as {
      currency: string;
      balanced: boolean;
    }[];
    const reconciled = (await world.maker.call("admin.reconcile", undefined, "query")) as {
      checkedAccounts: number;
      differences: unknown[];
    };
    ledger = {
      balanced: balance.every((b) => b.balanced),
      checkedAccounts: reconciled.checkedAccounts,
      differences: reconciled.differences.length,
    };
    log(
      `ledger after the run (admin.trialBalance, admin.reconcile): ${ledger.balanced ? "balanced" : "NOT BALANCED"}, ` +
        `${ledger.differences} differences in ${ledger.checkedAccounts} accounts`,
    );

    log("first-load hook");
    firstLoadResult = await firstLoad(target.baseUrl);
    log(`  ${firstLoadResult.note}`);
  } finally {
    cleanup();
  }
  await probe.close();

  const result = {
    startedAt: new Date(started).toISOString(),
    seconds: Math.round((Date.now() - started) / 1000),
    code,
    machine: host,
    postgres: { ...pgSettings, postmasterPid },
    config,
    server: {
      buildSeconds,
      buildId: builtId(),
      nodeProcesses,
      workers: nodeProcesses.length,
      webConcurrency: config.webConcurrency,
      command:
        config.cluster > 0
          ? clusterCommand(config.cluster)
          : (config.serverCommand ?? `next start -p ${config.appPort}`),
      logErrors: serverLogErrors(serverLog),
    },
    setup: world
      ? {
          seconds: round(world.setupSeconds),
          agents: world.spreadAgents.length,
          hotAgents: 1,
          customers: world.customers.length,
          floatFundingsApprovedBySecondOperator: world.floatRequestsApproved,
        }
      : null,
    pgbench: pgbenchResults,
    callProfile,
    steps,
    ratios: ratios(steps, pgbenchResults),
    ledger,
    firstLoad: firstLoadResult,
  };
  const file = path.join(runDir, "result.json");
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  printSummary(result);
  log(`raw results: ${file}`);
}

export type RunResult = {
  code: ReturnType<typeof codeVersion>;
  machine: ReturnType<typeof machine>;
  postgres: Record<string, unknown> & {
    serverVersion: string;
    fsync: string;
    synchronousCommit: string;
  };
  server: {
    workers: number;
    webConcurrency: string | null;
    logErrors: { count: number; first: string[] };
  };
  pgbench: (PgbenchResult & { cpu: ReturnType<Meter["cpu"]> | null })[];
  callProfile: Awaited<ReturnType<typeof profileCalls>> | null;
  steps: StepResult[];
  ratios: ReturnType<typeof ratios>;
  firstLoad: { ran: boolean; note: string; result?: unknown } | null;
};

main().catch((error: unknown) => {
  console.error("[bench] failed:", error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
