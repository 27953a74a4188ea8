import { expiryReason } from "@/domain/close-reasons";
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
  // The reason depends on whether an agent had scanned the code: a scanned cash-out did not
  // expire "before it was used". Each step is guarded by the state it expects, so trying the
  // unscanned case first and then the scanned one still lets only one caller expire it.
  const step = (from: typeof t.from, closeReason: string) =>
    applyOrderStep(null, {
      orderId,
      from,
      to: t.to,
      time: "after-expiry",
      actor: null,
      releaseHold: true,
      closeReason,
    });
  const unscanned = await step(
    t.from.filter((s) => s === "PENDING"),
    expiryReason("CASH_IN", false),
  );
  if (unscanned.outcome === "done") return true;
  const order = unscanned.outcome === "refused" ? unscanned.order : null;
  if (order?.status !== "CLAIMED") return false;
  const scanned = await step(
    t.from.filter((s) => s === "CLAIMED"),
    expiryReason(order.type, true),
  );
  return scanned.outcome === "done";
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
