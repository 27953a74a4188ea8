// The measured steps: a closed loop (N clients, each starting its next order as soon as the
// last one ends) and an open loop (orders arrive at random, Poisson, at a fixed rate whether
// or not earlier ones are done, as customers walking into shops do).
//
// Each step: warm-up (runs, not measured), then the measurement window (CPU, throughput,
// latencies of orders started in it), then drain (orders in flight finish). Per-order wire
// counts and pg_stat_database transactions cover the whole step (warm-up to drain), divided
// by every order the step completed, so that none of the work is cut off at the edges.
import { type Agent, type Customer, type OrderType, runOrder } from "./flows";
import type { Meter, Snapshot } from "./meter";
import { diffCounters, type PostgresProbe } from "./postgres";
import type { World } from "./setup";
import { round, StepRecorder } from "./stats";
import { BOOKKEEPING_KINDS, diffCounts } from "./wire-protocol";

/**
 * SPREAD: cash-ins over many agents and customers. HOT: cash-ins all on one agent's float.
 * MIXED: half cash-outs (approved with the customer's PIN), half cash-ins. LIVE: SPREAD with
 * every customer's page following its order on the live stream, as the real page does.
 */
export type Scenario = "SPREAD" | "HOT" | "MIXED" | "LIVE";

export interface OrderPick {
  type: OrderType;
  customer: Customer;
  agent: Agent;
}

/** Which order the k-th order of a scenario is, and between whom. */
export function picker(scenario: Scenario, world: World): (k: number) => OrderPick {
  const cs = world.customers;
  const as = world.spreadAgents;
  switch (scenario) {
    case "SPREAD":
    case "LIVE":
      return (k) => ({ type: "CASH_IN", customer: cs[k % cs.length]!, agent: as[k % as.length]! });
    case "HOT":
      return (k) => ({ type: "CASH_IN", customer: cs[k % cs.length]!, agent: world.hotAgent });
    case "MIXED":
      // Alternates by order and by round, so that every customer does both kinds.
      return (k) => ({
        type: (k + Math.floor(k / cs.length)) % 2 === 0 ? "CASH_IN" : "CASH_OUT",
        customer: cs[k % cs.length]!,
        agent: as[k % as.length]!,
      });
  }
}

export interface StepContext {
  meter: Meter;
  probe: PostgresProbe;
  world: World;
  warmupS: number;
  durationS: number;
  log: (message: string) => void;
}

interface LoadShape {
  kind: "closed" | "open";
  clients: number | null;
  /** Offered orders/s (open loop). */
  rate: number | null;
  /** Share of the orders followed on the customer's live stream. */
  streamShare: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function measured(
  ctx: StepContext,
  scenario: Scenario,
  shape: LoadShape,
  drive: (rec: StepRecorder, stopAt: number) => Promise<{ dropped: number; lateMs: number[] }>,
) {
  const rec = new StepRecorder();
  const stepWireBefore = (await ctx.meter.snapshot()).wire;
  const countersBefore = await ctx.probe.counters();
  const t0 = performance.now();
  const windowStart = t0 + ctx.warmupS * 1000;
  const windowEnd = windowStart + ctx.durationS * 1000;
  rec.windowStart = windowStart;
  rec.windowEnd = windowEnd;
  let a: Snapshot | null = null;
  let b: Snapshot | null = null;
  const sampling = (async () => {
    await sleep(windowStart - performance.now());
    a = await ctx.meter.snapshot();
    await sleep(windowEnd - performance.now());
    b = await ctx.meter.snapshot();
  })();
  const driven = await drive(rec, windowEnd);
  await sampling;
  const drainedAt = performance.now();
  const stepWireAfter = (await ctx.meter.snapshot()).wire;
  const countersAfter = await ctx.probe.settledCounters();
  const before = a as unknown as Snapshot;
  const after = b as unknown as Snapshot;
  const windowS = (after.at - before.at) / 1000;
  const orders = rec.completedInWindow;
  const wire = diffCounts(stepWireAfter, stepWireBefore);
  const xacts = diffCounters(countersAfter, countersBefore, ctx.probe.database);
  const perOrder = (n: number) => (rec.completedAll > 0 ? round(n / rec.completedAll, 2) : null);
  // Without the wire proxy (WIRE_PROXY=0) nothing was counted at the wire.
  const atWire = (n: number) => (ctx.meter.proxy ? perOrder(n) : null);
  const bookkeeping = BOOKKEEPING_KINDS.reduce((s, k) => s + wire.byKind[k], 0);
  const summary = rec.summary();
  const late = driven.lateMs.sort((x, y) => x - y);
  return {
    scenario,
    loop: shape.kind,
    clients: shape.clients,
    offeredRate: shape.rate,
    liveStreamShare: shape.streamShare,
    warmupS: ctx.warmupS,
    windowS: round(windowS, 2),
    drainS: round((drainedAt - windowEnd) / 1000, 2),
    ordersPerS: round(orders / windowS, 1),
    completedInWindow: orders,
    completedInStep: rec.completedAll,
    failedInStep: rec.failedAll,
    droppedArrivals: driven.dropped,
    /** Open loop: how late the generator started orders behind their schedule, ms. */
    scheduleLagMs:
      shape.kind === "open" && late.length > 0
        ? { p50: round(late[Math.floor(late.length / 2)]!), max: round(late[late.length - 1]!) }
        : null,
    latency: { order: summary.orders, calls: summary.calls },
    errors: summary.errors,
    errorsInWindow: summary.errorCount,
    cpu: ctx.meter.cpu(before, after, orders),
    nodeProcesses: ctx.meter.serverProcesses(after).length,
    perOrder: {
      statements: atWire(wire.statements),
      bookkeepingStatements: atWire(bookkeeping),
      statementsByKind: Object.fromEntries(
        Object.entries(wire.byKind)
          .filter(([, n]) => n > 0)
          .map(([k, n]) => [k, atWire(n)]),
      ),
      roundTrips: atWire(wire.roundTrips),
      transactions: perOrder(xacts.xacts),
      bytesToDb: atWire(wire.bytesToServer),
      bytesFromDb: atWire(wire.bytesToClient),
    },
    wire,
    pgStat: xacts,
  };
}

export type StepResult = Awaited<ReturnType<typeof measured>>;

export function closedLoop(ctx: StepContext, scenario: Scenario, clients: number) {
  const pick = picker(scenario, ctx.world);
  const watch = scenario === "LIVE";
  const shape = { kind: "closed" as const, clients, rate: null, streamShare: watch ? 1 : 0 };
  return measured(ctx, scenario, shape, async (rec) => {
    let k = 0;
    let stop = false;
    const stopper = setTimeout(() => {
      stop = true;
    }, rec.windowEnd - performance.now());
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (!stop) {
          const { type, customer, agent } = pick(k++);
          const startedAt = performance.now();
          const outcome = await runOrder(type, customer, agent, watch);
          const endedAt = performance.now();
          if (outcome.ok) rec.orderDone(startedAt, endedAt, outcome.calls);
          else {
            rec.orderFailed(startedAt, outcome.failedCall ?? "?", outcome.error ?? "?");
            // A refusal is an answer: pause a moment so a failing call does not spin.
            await sleep(50);
          }
        }
      }),
    );
    clearTimeout(stopper);
    return { dropped: 0, lateMs: [] };
  });
}

export function openLoop(
  ctx: StepContext,
  scenario: Scenario,
  rate: number,
  /** Share of the orders whose customer's page follows them on the live stream. */
  streamShare: number,
  maxInFlight: number,
) {
  const pick = picker(scenario, ctx.world);
  const share = scenario === "LIVE" ? 1 : streamShare;
  const shape = { kind: "open" as const, clients: null, rate, streamShare: share };
  return measured(ctx, scenario, shape, async (rec, stopAt) => {
    let k = 0;
    let inFlight = 0;
    let dropped = 0;
    const lateMs: number[] = [];
    const running = new Set<Promise<void>>();
    let next = performance.now();
    while (next < stopAt) {
      const wait = next - performance.now();
      if (wait > 1) await sleep(wait);
      const scheduled = next;
      next += (-Math.log(1 - Math.random()) * 1000) / rate;
      if (inFlight >= maxInFlight) {
        if (rec.inWindow(scheduled)) dropped++;
        continue;
      }
      lateMs.push(Math.max(0, performance.now() - scheduled));
      const { type, customer, agent } = pick(k++);
      const watch = Math.random() < share;
      inFlight++;
      const p = runOrder(type, customer, agent, watch).then((outcome) => {
        inFlight--;
        // Latency from when the customer arrived, not from when the generator got round to it.
        if (outcome.ok) rec.orderDone(scheduled, performance.now(), outcome.calls);
        else rec.orderFailed(scheduled, outcome.failedCall ?? "?", outcome.error ?? "?");
      });
      running.add(p);
      void p.finally(() => running.delete(p));
    }
    await Promise.all(running);
    return { dropped, lateMs };
  });
}
