import { serverEnv } from "../config/env";
import { log } from "../observability/log";
import { metrics } from "../observability/metrics";
import { expireDueOrders } from "../use-cases/expire-orders";

const globalSweep = globalThis as unknown as { proxypayExpirySweep?: NodeJS.Timeout };

/**
 * Expires orders nobody touched, releasing cash-out holds, so that money is never held for
 * longer than the TTL. Every instance may run it: the guarded update lets one of them win
 * per order. Orders that someone does touch are expired on the spot (expireIfDue).
 */
export function startExpirySweep(): void {
  if (globalSweep.proxypayExpirySweep) return;
  let running = false;
  globalSweep.proxypayExpirySweep = setInterval(() => {
    if (running) return;
    running = true;
    expireDueOrders()
      .then(() => metrics().expirySweepLastRun.set(Date.now() / 1000))
      .catch((error: unknown) => {
        metrics().expirySweepFailures.inc();
        log().error({ err: error }, "expiry sweep failed");
      })
      .finally(() => {
        running = false;
      });
  }, serverEnv().EXPIRY_SWEEP_MS);
  globalSweep.proxypayExpirySweep.unref();
}
