// The printed summary: one table of steps, one of per-call latencies, pgbench and the ratios.
import type { Meter } from "./meter";
import type { PgbenchResult } from "./postgres";
import type { RunResult } from "./run";
import type { StepResult } from "./runner";
import { round } from "./stats";

type Pgbench = PgbenchResult & { cpu: ReturnType<Meter["cpu"]> | null };

export function ratios(steps: StepResult[], pgbench: Pgbench[]) {
  const closed = steps.filter((s) => s.loop === "closed");
  const spread = closed.filter((s) => s.scenario === "SPREAD");
  const tpcb = pgbench[0]?.tps ?? null;
  const hotRow = pgbench[1]?.tps ?? null;
  const best = spread.length > 0 ? Math.max(...spread.map((s) => s.ordersPerS)) : null;
  const at = (scenario: string, clients: number | null) =>
    closed.find((s) => s.scenario === scenario && s.clients === clients)?.ordersPerS ?? null;
  const div = (a: number | null, b: number | null) => (a !== null && b ? round(a / b, 4) : null);
  const pgClients = pgbench[0]?.clients ?? null;
  return {
    /** Best SPREAD orders/s over all client counts ÷ pgbench tpcb-like tps. */
    spreadBestOverTpcb: div(best, tpcb),
    /** SPREAD orders/s at pgbench's client count ÷ tpcb-like tps. */
    spreadOverTpcbSameClients: div(at("SPREAD", pgClients), tpcb),
    /** HOT ÷ SPREAD at each client count. */
    hotOverSpread: Object.fromEntries(
      spread.map((s) => [String(s.clients), div(at("HOT", s.clients), s.ordersPerS)]),
    ),
    /** The database's own hot-row penalty: pgbench scale 1 ÷ scale 10. */
    pgbenchHotOverSpread: div(hotRow, tpcb),
  };
}

function table(header: string[], rows: (string | number | null)[][]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (c === null ? "-" : String(c))))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padStart(widths[i]!)).join("  ");
  return [
    line(cells[0]!),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...cells.slice(1).map(line),
  ].join("\n");
}

const pct = (p: { p50: number; p95: number; p99: number }) => `${p.p50}/${p.p95}/${p.p99}`;

/** Other work above this share of the machine makes a step's figures doubtful: marked "!". */
export const BUSY_OTHER_PCT = 10;
const flagged = (other: number) => (other > BUSY_OTHER_PCT ? `${other}!` : String(other));

export function printSummary(r: RunResult): void {
  const out: string[] = [];
  out.push("");
  out.push(
    `ProxyPay load benchmark, code ${r.code.short}${r.code.dirty ? "+dirty" : ""} (${r.code.subject})`,
  );
  out.push(
    `${r.machine.cpuModel}, ${r.machine.cores} cores, node ${r.machine.node}; PostgreSQL ` +
      `${r.postgres.serverVersion}, fsync ${r.postgres.fsync}, synchronous_commit ${r.postgres.synchronousCommit}; ` +
      `app server: ${r.server.workers} Node process(es)` +
      (r.server.webConcurrency
        ? ` with WEB_CONCURRENCY=${r.server.webConcurrency}` +
          (r.server.workers === 1 ? " (but it ran 1 worker)" : "")
        : " (1 worker)"),
  );
  out.push("");
  out.push(
    table(
      [
        "scenario",
        "load",
        "orders/s",
        "order p50/95/99 ms",
        "node%",
        "pg%",
        "gen%",
        "proxy%",
        "other%",
        "idle%",
        "node ms/o",
        "pg ms/o",
        "xact/o",
        "stmt/o",
        "bookk/o",
        "rt/o",
        "errors",
      ],
      r.steps.map((s) => [
        s.scenario,
        s.loop === "closed" ? `${s.clients} clients` : `open ${s.offeredRate}/s`,
        s.ordersPerS,
        pct(s.latency.order),
        s.cpu.node.pct,
        s.cpu.postgres.pct,
        s.cpu.loadGenerator.pct,
        s.cpu.wireProxy.pct,
        flagged(s.cpu.other.pct),
        s.cpu.idlePct,
        s.cpu.node.msPerOrder,
        s.cpu.postgres.msPerOrder,
        s.perOrder.transactions,
        s.perOrder.statements,
        s.perOrder.bookkeepingStatements,
        s.perOrder.roundTrips,
        s.errorsInWindow,
      ]),
    ),
  );
  out.push(
    `! = other work used more than ${BUSY_OTHER_PCT} % of the machine during the step: ` +
      "its figures are not the app's alone",
  );
  out.push("");
  out.push("per call, p50/p95/p99 ms (orders started in the window):");
  const names = [...new Set(r.steps.flatMap((s) => Object.keys(s.latency.calls)))];
  out.push(
    table(
      ["scenario", "load", ...names],
      r.steps.map((s) => [
        s.scenario,
        s.loop === "closed" ? `${s.clients} clients` : `open ${s.offeredRate}/s`,
        ...names.map((n) => (s.latency.calls[n] ? pct(s.latency.calls[n]!) : null)),
      ]),
    ),
  );
  if (r.callProfile) {
    out.push("");
    out.push("per call at the wire, one call at a time (median of 5):");
    out.push(
      table(
        [
          "call",
          "statements",
          "of which BEGIN/COMMIT/ROLLBACK/SET",
          "transactions (BEGIN)",
          "round trips",
        ],
        Object.entries(r.callProfile).map(([name, c]) => [
          name,
          c.statements,
          c.bookkeeping,
          c.transactions,
          c.roundTrips,
        ]),
      ),
    );
  }
  if (r.pgbench.length > 0) {
    out.push("");
    out.push(
      table(
        ["pgbench", "scale", "clients", "tps", "latency avg ms", "pg%", "pgbench%", "other%"],
        r.pgbench.map((p) => [
          p.script,
          p.scale,
          p.clients,
          p.tps === null ? null : round(p.tps),
          p.latencyAvgMs,
          p.cpu?.postgres.pct ?? null,
          p.cpu?.pgbenchClient.pct ?? null,
          p.cpu ? flagged(p.cpu.other.pct) : null,
        ]),
      ),
    );
  }
  out.push("");
  out.push(
    `SPREAD orders/s ÷ tpcb-like tps: best ${r.ratios.spreadBestOverTpcb ?? "-"}, ` +
      `at the same client count ${r.ratios.spreadOverTpcbSameClients ?? "-"}`,
  );
  out.push(
    `HOT ÷ SPREAD: ${
      Object.entries(r.ratios.hotOverSpread)
        .map(([c, v]) => `${c} clients ${v ?? "-"}`)
        .join(", ") || "-"
    }` +
      ` (pgbench scale ${r.pgbench[1]?.scale ?? "-"} ÷ scale ${r.pgbench[0]?.scale ?? "-"}: ${r.ratios.pgbenchHotOverSpread ?? "-"})`,
  );
  const errors = r.steps.filter((s) => s.errorsInWindow > 0);
  for (const s of errors) {
    out.push(
      `errors in ${s.scenario} ${s.loop === "closed" ? `${s.clients} clients` : "open loop"}:`,
    );
    for (const [k, v] of Object.entries(s.errors)) out.push(`  ${v} x ${k}`);
  }
  if (r.server.logErrors.count > 0) {
    out.push(
      `server log: ${r.server.logErrors.count} error line(s), first: ${r.server.logErrors.first[0]}`,
    );
  }
  out.push(`first load: ${r.firstLoad?.note ?? "-"}`);
  console.log(out.join("\n"));
}
