// Snapshots of everything a step is judged by, taken at the edges of its measurement window:
// CPU time of the app server's Node processes, of PostgreSQL (postmaster and every backend),
// of the wire proxy, of this load generator, and of the whole machine; and the wire counts.
import {
  cores,
  type MachineSample,
  machineCpuMs,
  postgresLabel,
  reapedChildrenMs,
  sampleMachine,
  sampleTree,
  type TreeSample,
  treeCpuMs,
} from "./cpu";
import { round } from "./stats";
import { emptyCounts, type WireCounts } from "./wire-protocol";
import type { WireProxy } from "./wire-proxy";

export interface Snapshot {
  at: number;
  server: TreeSample;
  postgres: TreeSample;
  proxy: TreeSample;
  /** CPU of this process's children that ended (pgbench), ms. */
  reapedMs: number;
  bench: NodeJS.CpuUsage;
  machine: MachineSample;
  wire: WireCounts;
}

export interface CpuShare {
  /** CPU milliseconds used in the window. */
  ms: number;
  /** Share of the machine's capacity (all cores for the whole window), percent. */
  pct: number;
  /** CPU milliseconds per completed order (when orders are given). */
  msPerOrder: number | null;
}

export class Meter {
  constructor(
    readonly serverPid: number | null,
    readonly postmasterPid: number | null,
    readonly proxy: WireProxy | null,
    /** The databases whose backends count as this benchmark's (the app's, pgbench's). */
    readonly databases: readonly string[],
  ) {}

  async snapshot(): Promise<Snapshot> {
    const wire = this.proxy ? await this.proxy.counts() : emptyCounts();
    return {
      at: performance.now(),
      server: sampleTree(this.serverPid),
      postgres: sampleTree(this.postmasterPid, postgresLabel),
      proxy: sampleTree(this.proxy?.pid ?? null),
      reapedMs: reapedChildrenMs(),
      bench: process.cpuUsage(),
      machine: sampleMachine(),
      wire,
    };
  }

  /** Node processes of the app server right now (a clustered server has several). */
  serverProcesses(s: Snapshot): { pid: number; comm: string }[] {
    return [...s.server.comm].map(([pid, comm]) => ({ pid, comm }));
  }

  /**
   * `backendsEnd`: the step's database connections end within it (pgbench), so the time of
   * ended backends (the postmaster reaps it, whoever's they were) counts as PostgreSQL's.
   * Otherwise only live processes count: the app's pool keeps its connections, and other
   * people's short-lived connections to the same server would blur the figure.
   */
  cpu(before: Snapshot, after: Snapshot, orders: number | null, backendsEnd = false) {
    const wallMs = after.at - before.at;
    const machine = machineCpuMs(before.machine, after.machine);
    // /proc/stat's total is the capacity of every core over the window.
    const capacity = machine.totalMs > 0 ? machine.totalMs : wallMs * cores();
    const share = (ms: number): CpuShare => ({
      ms: Math.round(ms),
      pct: round((100 * ms) / capacity),
      msPerOrder: orders ? round(ms / orders, 2) : null,
    });
    const node = treeCpuMs(before.server, after.server);
    const ours = (label: string) =>
      label === "aux" || this.databases.some((d) => label === `db:${d}`);
    const postgres = treeCpuMs(before.postgres, after.postgres, ours, backendsEnd);
    const postgresOthers = treeCpuMs(before.postgres, after.postgres, (l) => !ours(l), false);
    const proxy = treeCpuMs(before.proxy, after.proxy);
    const extra = after.reapedMs - before.reapedMs;
    const bench =
      (after.bench.user - before.bench.user + after.bench.system - before.bench.system) / 1000;
    const other = Math.max(0, machine.busyMs - node - postgres - proxy - extra - bench);
    return {
      wallMs: Math.round(wallMs),
      cores: cores(),
      node: share(node),
      postgres: share(postgres),
      loadGenerator: share(bench),
      wireProxy: share(proxy),
      pgbenchClient: share(extra),
      /** Everything else that ran on the machine meanwhile (other people's work, the OS). */
      other: share(other),
      /** Of which: backends of other databases on the same PostgreSQL server. */
      postgresOtherDatabases: share(postgresOthers),
      idlePct: round(100 - (100 * machine.busyMs) / capacity),
      /** Of the machine's time, what the hypervisor gave to other virtual machines. */
      stealPct: round((100 * machine.stealMs) / capacity),
    };
  }
}
