// What one measured step records: completed orders, latencies per call and per order, and
// refusals/failures by call and message. Latencies are kept as plain arrays of milliseconds
// (tens of thousands at most) and sorted once at the end.

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function percentiles(values: number[]): Percentiles {
  if (values.length === 0) return { count: 0, p50: 0, p95: 0, p99: 0, max: 0, mean: 0 };
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(sorted[sorted.length - 1]!),
    mean: round(sum / sorted.length),
  };
}

export function round(v: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** One order's calls, timed as they happened: [name, ms]. */
export type CallTimes = [string, number][];

export class StepRecorder {
  /** Orders completed at any time during the step (warm-up and drain included). */
  completedAll = 0;
  /** Orders completed inside the measurement window. */
  completedInWindow = 0;
  failedAll = 0;
  readonly orderMs: number[] = [];
  readonly callMs = new Map<string, number[]>();
  readonly errors = new Map<string, number>();
  windowStart = Number.POSITIVE_INFINITY;
  windowEnd = Number.POSITIVE_INFINITY;

  inWindow(t: number): boolean {
    return t >= this.windowStart && t <= this.windowEnd;
  }

  /**
   * An order that completed. Throughput counts it if it completed inside the window;
   * latencies count it if it started inside the window, however late it ended (leaving out
   * the slow ones that straddle the end would flatter the tail).
   */
  orderDone(startedAt: number, endedAt: number, calls: CallTimes): void {
    this.completedAll++;
    if (this.inWindow(endedAt)) this.completedInWindow++;
    if (!this.inWindow(startedAt)) return;
    this.orderMs.push(endedAt - startedAt);
    for (const [name, ms] of calls) {
      let list = this.callMs.get(name);
      if (!list) {
        list = [];
        this.callMs.set(name, list);
      }
      list.push(ms);
    }
  }

  orderFailed(startedAt: number, call: string, message: string): void {
    this.failedAll++;
    if (!this.inWindow(startedAt)) return;
    const key = `${call}: ${message.slice(0, 120)}`;
    this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
  }

  summary() {
    return {
      orders: percentiles(this.orderMs),
      calls: Object.fromEntries([...this.callMs].map(([k, v]) => [k, percentiles(v)])),
      errors: Object.fromEntries(this.errors),
      errorCount: [...this.errors.values()].reduce((a, b) => a + b, 0),
    };
  }
}
