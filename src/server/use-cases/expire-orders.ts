import { transitionFor } from "@/domain/order-state";
import { inTransaction } from "../db/transaction";
import { metrics } from "../observability/metrics";
import { applyOrderStep } from "../repositories/order-steps";
import { dueForExpiry } from "../repositories/orders";

/**
 * Moves one order to EXPIRED if its time is up and it is still live, releasing a cash-out
 * hold. One statement, safe to call from anywhere any number of times: the guard lets only
 * one caller do it. A command refused because the order's time is up calls it (so the
 * person sees "expired" and the money is free at once), and the sweep calls it for orders
 * nobody touched.
 */
export async function expireIfDue(orderId: string): Promise<boolean> {
  // Both order types expire from the same live states.
  const t = transitionFor("CASH_IN", "expire");
  const r = await applyOrderStep(null, {
    orderId,
    from: t.from,
    to: t.to,
    time: "after-expiry",
    actor: null,
    releaseHold: true,
    closeReason: "The code expired before it was used",
  });
  return r.outcome === "done";
}

/**
 * The periodic sweep (see src/instrumentation.ts); returns how many orders it expired. Sets
 * pp_expiry_sweep_lag_seconds to how late the oldest due order was when the sweep found it.
 */
export async function expireDueOrders(batch = 200): Promise<number> {
  const { ids, lagSeconds } = await inTransaction((tx) => dueForExpiry(tx, batch));
  metrics().expirySweepLag.set(lagSeconds);
  let expired = 0;
  for (const id of ids) {
    if (await expireIfDue(id)) expired++;
  }
  return expired;
}
