// CPU time from /proc: per process tree (the app server's Node processes, PostgreSQL's
// postmaster and its backends, the wire proxy) and for the whole machine. Sampled only at
// the edges of a measurement window, so the cost is a few hundred small file reads.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

export const HAS_PROC = existsSync("/proc/self/stat");

interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  /** utime + stime, in clock ticks. */
  own: number;
  /** cutime + cstime: children it has reaped, in clock ticks. */
  reaped: number;
}

function readStat(pid: number): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "latin1");
  } catch {
    return null;
  }
  // comm is in parentheses and may hold spaces: fields start after the last ")".
  const close = text.lastIndexOf(")");
  const comm = text.slice(text.indexOf("(") + 1, close);
  const f = text.slice(close + 2).split(" ");
  // f[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17.
  return {
    pid,
    ppid: Number(f[1]),
    comm,
    own: Number(f[11]) + Number(f[12]),
    reaped: Number(f[13]) + Number(f[14]),
  };
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, "latin1").trim();
      if (text) for (const c of text.split(" ")) out.push(Number(c));
    }
  } catch {
    // gone, or a kernel without the children file: the caller scans /proc instead
  }
  return out;
}

/** The process and all its descendants, as they are now. */
export function processTree(root: number): ProcStat[] {
  const out: ProcStat[] = [];
  const queue = [root];
  const seen = new Set<number>();
  while (queue.length > 0) {
    const pid = queue.shift()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    const stat = readStat(pid);
    if (!stat) continue;
    out.push(stat);
    queue.push(...childrenOf(pid));
  }
  return out;
}

export function parentOf(pid: number): number | null {
  return readStat(pid)?.ppid ?? null;
}

export function commOf(pid: number): string | null {
  return readStat(pid)?.comm ?? null;
}

/** CPU of this process's children that have ended and been waited for, ms. */
export function reapedChildrenMs(): number {
  const stat = HAS_PROC ? readStat(process.pid) : null;
  return stat ? (stat.reaped * 1000) / CLOCK_TICKS : 0;
}

export interface TreeSample {
  own: Map<number, number>;
  reaped: Map<number, number>;
  comm: Map<number, string>;
  /** What each process is, for trees whose processes serve different people (PostgreSQL). */
  label: Map<number, string>;
}

/**
 * A PostgreSQL process by its title: "db:<name>" for a backend (or autovacuum worker) of
 * that database, "aux" for the server's own processes (postmaster, WAL writer, checkpointer).
 */
export function postgresLabel(pid: number): string {
  let title: string;
  try {
    title = readFileSync(`/proc/${pid}/cmdline`, "latin1").replace(/\0/g, " ").trim();
  } catch {
    return "aux";
  }
  // Titles may carry the cluster's name first (Debian: "postgres: 15/main: user db host(port)").
  const backend = /^postgres: (?:[^ :]+: )?\S+ (\S+) (?:\S+\(\d+\)|\[local\])/.exec(title);
  if (backend) return `db:${backend[1]}`;
  const autovacuum = /^postgres: (?:[^ :]+: )?autovacuum worker (\S+)/.exec(title);
  if (autovacuum) return `db:${autovacuum[1]}`;
  return "aux";
}

export function sampleTree(
  root: number | null,
  labelOf: ((pid: number) => string) | null = null,
): TreeSample {
  const sample: TreeSample = {
    own: new Map(),
    reaped: new Map(),
    comm: new Map(),
    label: new Map(),
  };
  if (root === null || !HAS_PROC) return sample;
  for (const p of processTree(root)) {
    sample.own.set(p.pid, p.own);
    sample.reaped.set(p.pid, p.reaped);
    sample.comm.set(p.pid, p.comm);
    if (labelOf) sample.label.set(p.pid, labelOf(p.pid));
  }
  return sample;
}

/**
 * CPU milliseconds a tree used between two samples: what each live process used, plus
 * (with `reaped`) what the tree's processes reaped from children that ended in between, less
 * what those ended children had already used at the first sample. `include` picks processes
 * by label; reaped time cannot be told apart by label.
 */
export function treeCpuMs(
  before: TreeSample,
  after: TreeSample,
  include: (label: string) => boolean = () => true,
  reaped = true,
): number {
  let ticks = 0;
  for (const [pid, own] of after.own) {
    if (!include(after.label.get(pid) ?? "")) continue;
    ticks += own - (before.own.get(pid) ?? 0);
    if (reaped) ticks += (after.reaped.get(pid) ?? 0) - (before.reaped.get(pid) ?? 0);
  }
  if (reaped) {
    for (const [pid, own] of before.own) {
      if (!after.own.has(pid) && include(before.label.get(pid) ?? "")) ticks -= own;
    }
  }
  return (ticks * 1000) / CLOCK_TICKS;
}

export interface MachineSample {
  busy: number;
  total: number;
  /** Time the hypervisor ran someone else on our virtual cores. */
  steal: number;
}

/** Whole-machine CPU from /proc/stat, in ticks summed over cores. */
export function sampleMachine(): MachineSample {
  if (!HAS_PROC) return { busy: 0, total: 0, steal: 0 };
  const line = readFileSync("/proc/stat", "latin1").split("\n", 1)[0]!;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = v;
  const busy = user + nice + system + irq + softirq + steal;
  return { busy, total: busy + idle + iowait, steal };
}

export function machineCpuMs(before: MachineSample, after: MachineSample) {
  return {
    busyMs: ((after.busy - before.busy) * 1000) / CLOCK_TICKS,
    totalMs: ((after.total - before.total) * 1000) / CLOCK_TICKS,
    stealMs: ((after.steal - before.steal) * 1000) / CLOCK_TICKS,
  };
}

export function cores(): number {
  return os.cpus().length;
}
