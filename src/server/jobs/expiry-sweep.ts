import { serverEnv } from "../config/env";
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
      .catch((error: unknown) => console.error("[expiry-sweep]", error))
      .finally(() => {
        running = false;
      });
  }, serverEnv().EXPIRY_SWEEP_MS);
  globalSweep.proxypayExpirySweep.unref();
}
