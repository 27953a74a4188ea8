import { DomainError } from "@/domain/errors";
import { transitionFor } from "@/domain/order-state";
import { PIN_TRUSTED_DEVICES } from "@/domain/rate-limits";
import { inTransaction } from "../db/transaction";
import { releaseHold } from "../repositories/ledger";
import { findOrder, recordOrderEvent, transitionOrder } from "../repositories/orders";
import { findUserById } from "../repositories/users";
import type { Actor } from "./actor";
import { executeOrder } from "./execute-order";
import { expireIfDue } from "./expire-orders";
import { admitAttempt, forgetFailures, trustedPinKey } from "./failure-limits";
import { idempotent } from "./idempotent";
import { explainRefusal, ownOrder } from "./load-order";
import { type CustomerOrderView, customerView, customerViewAtRest } from "./order-views";
import { verifyUserPin } from "./verify-user-pin";

const TOO_MANY = "Too many wrong PINs";

/**
 * The PIN proves the approval comes from the wallet's owner, not from whoever holds the
 * unlocked phone. Attempts spend the owner's own budget, shared with sign-ins from the
 * owner's trusted devices: only someone signed in can reach it, so a stranger locking the
 * phone number's sign-in budget cannot stop the owner approving a cash-out.
 */
async function checkPin(actor: Actor, pin: string): Promise<void> {
  const user = await inTransaction((tx) => findUserById(tx, actor.userId));
  if (!user) throw new DomainError("NOT_FOUND", "Your account no longer exists");
  const key = trustedPinKey(user.id);
  // Counted before the PIN is checked, so a burst of guesses checks no more than the limit.
  await admitAttempt([{ key, policy: PIN_TRUSTED_DEVICES }], TOO_MANY);
  if (!(await verifyUserPin(user, pin))) {
    throw new DomainError("WRONG_PIN", "That PIN is not right. Nothing was paid");
  }
  await forgetFailures(key);
}

/**
 * The customer's yes or no to the agent who scanned their cash-out QR, after seeing the
 * shop's name (a photographed QR must not drain a wallet). Yes, with the PIN, executes the
 * cash-out at once: the held money moves to the agent's float in the same transaction, so
 * the tablet says "hand over the cash" only when nothing the customer does later (cancel,
 * expiry, a second device) can take the money back. No releases the hold.
 */
export async function answerApproval(
  actor: Actor,
  input: { orderId: string; approve: boolean; pin?: string | undefined; idempotencyKey: string },
): Promise<CustomerOrderView> {
  await expireIfDue(input.orderId);
  if (input.approve) {
    if (!input.pin) throw new DomainError("INVALID_INPUT", "Enter your PIN to approve");
    await checkPin(actor, input.pin);
  }
  // The PIN stays out of the stored request fingerprint: a hash of 4-6 digits is no secret.
  const payload = { orderId: input.orderId, approve: input.approve };
  return idempotent(
    actor,
    input.idempotencyKey,
    "order.answer",
    payload,
    async (tx) => {
      const order = await ownOrder(tx, actor, input.orderId);
      const action = input.approve ? "approve" : "reject";
      const t = transitionFor(order.type, action);
      const moved = await transitionOrder(tx, {
        id: order.id,
        from: t.from,
        to: t.to,
        time: "before-expiry",
        ...(input.approve ? { approved: true } : { closeReason: "Rejected by the customer" }),
      });
      if (!moved) return explainRefusal(tx, order.id, action);
      if (input.approve) await executeOrder(tx, order);
      else await releaseHold(tx, order.id);
      await recordOrderEvent(tx, {
        orderId: order.id,
        from: order.status,
        to: t.to,
        actor,
        ...(input.approve ? { detail: "Approved by the customer with their PIN" } : {}),
      });
      return customerView(tx, (await findOrder(tx, order.id))!);
    },
    customerViewAtRest,
  );
}
