import { CLOSE_REASON } from "@/domain/close-reasons";
import { DomainError } from "@/domain/errors";
import { PIN_TRUSTED_DEVICES } from "@/domain/rate-limits";
import { findUserById } from "../repositories/users";
import type { Actor } from "./actor";
import { admitAttempt, forgetFailures, trustedPinKey } from "./failure-limits";
import { executionEntry, keyedMove, keyOf, moveOrder, ownOrderOf } from "./order-step";
import { type CustomerOrderView, customerViewOf } from "./order-views";
import { verifyUserPin } from "./verify-user-pin";

const TOO_MANY = "tooMany.pins";

/**
 * The PIN proves the approval comes from the wallet's owner, not from whoever holds the
 * unlocked phone. Attempts spend the owner's own budget, shared with sign-ins from the
 * owner's trusted devices: only someone signed in can reach it, so a stranger locking the
 * phone number's sign-in budget cannot stop the owner approving a cash-out.
 */
async function checkPin(actor: Actor, pin: string): Promise<void> {
  const user = await findUserById(null, actor.userId);
  if (!user) throw new DomainError("NOT_FOUND", "accountGone");
  const key = trustedPinKey(user.id);
  // Counted before the PIN is checked, so a burst of guesses checks no more than the limit.
  await admitAttempt([{ key, policy: PIN_TRUSTED_DEVICES }], TOO_MANY);
  if (!(await verifyUserPin(user, pin))) {
    throw new DomainError("WRONG_PIN", "wrongPinNothingPaid");
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
  if (input.approve) {
    if (!input.pin) throw new DomainError("INVALID_INPUT", "enterPinToApprove");
    await checkPin(actor, input.pin);
  }
  return answerWithCheckedPin(actor, input);
}

/**
 * The approval's move once the PIN (if approving) was checked by the caller: the phone
 * path above, or the agent's tablet for a personal QR card (card-order.ts), which spends
 * the same PIN budget.
 */
export async function answerWithCheckedPin(
  actor: Actor,
  input: { orderId: string; approve: boolean; idempotencyKey: string },
): Promise<CustomerOrderView> {
  // The PIN stays out of the stored request fingerprint: a hash of 4-6 digits is no secret.
  const idempotency = keyOf(input.idempotencyKey, "order.answer", {
    orderId: input.orderId,
    approve: input.approve,
  });
  const { ctx, done } = await keyedMove(actor, input.orderId, idempotency, (ctx) => {
    const order = ownOrderOf(ctx, actor);
    return moveOrder(
      actor,
      order,
      input.approve ? "approve" : "reject",
      () =>
        input.approve
          ? {
              approved: true,
              detail: "Approved by the customer with their PIN",
              entry: executionEntry(order, ctx.accounts, ctx.orderAgent?.shopName ?? "", "wallet"),
            }
          : { closeReason: CLOSE_REASON.rejectedByCustomer, releaseHold: true },
      { idempotency, accounts: ctx.accounts },
    );
  });
  return customerViewOf(done.order, {
    agentShopName: ctx.orderAgent?.shopName ?? null,
    balanceAfter: done.receiptBalance,
    dispute: null,
    disputeRules: ctx.disputeRules,
  });
}
