import { createHash } from "node:crypto";
import { cardRefusal, looksLikeCardSecret, maskedPhone } from "@/domain/cards";
import { DomainError, money } from "@/domain/errors";
import type { OrderType } from "@/domain/pricing";
import { CARD_PIN_PER_AGENT, cardPinKey, PIN_TRUSTED_DEVICES } from "@/domain/rate-limits";
import { renderError } from "@/i18n/translate";
import { inTransaction } from "../db/transaction";
import { log } from "../observability/log";
import { cardBySecretHash } from "../repositories/cards";
import { orderContext } from "../repositories/order-steps";
import { hashCardSecret } from "../security/card-secret";
import { orderToken } from "../security/order-token";
import { otpSender } from "../sms/otp-sender";
import type { Actor } from "./actor";
import { agentOrder } from "./agent-home";
import { answerWithCheckedPin } from "./answer-approval";
import { cancelOrder } from "./cancel-order";
import { claimOrder } from "./claim-order";
import { createOrder } from "./create-order";
import { admitAttempt, forgetFailures, takeBackAttempt, trustedPinKey } from "./failure-limits";
import { activeAgentOf } from "./order-step";
import type { AgentOrderView } from "./order-views";
import { verifyUserPin } from "./verify-user-pin";

/** What the agent sees after scanning a card, before the holder types their PIN. */
export interface ScannedCard {
  holderName: string;
  maskedPhone: string;
}

async function activeCard(actor: Actor, secret: string) {
  // Only an agent in good standing may look cards up at all.
  const shop = activeAgentOf(await orderContext(null, { userId: actor.userId }));
  const trimmed = secret.trim();
  const card = looksLikeCardSecret(trimmed)
    ? await inTransaction((tx) => cardBySecretHash(tx, hashCardSecret(trimmed)))
    : null;
  const refusal = cardRefusal(card?.status ?? null);
  if (!card || refusal) throw new DomainError("WRONG_CODE", refusal ?? "notACard");
  if (card.user.role !== "CUSTOMER") throw new DomainError("WRONG_CODE", "notACard");
  if (card.user.status === "LOCKED") {
    throw new DomainError("ACCOUNT_LOCKED", "holderLocked");
  }
  return { card, shop };
}

/**
 * The agent's tablet scanned a card: who it belongs to, in the words printed on it, so the
 * agent can compare with the person at the counter. Moves nothing and tells nothing more
 * than the card itself shows; a blocked, replaced or unknown card is refused by name.
 */
export async function scanCard(actor: Actor, input: { secret: string }): Promise<ScannedCard> {
  const { card } = await activeCard(actor, input.secret);
  return { holderName: card.user.name, maskedPhone: maskedPhone(card.user.phone) };
}

const TOO_MANY = "tooMany.cardPins";

/**
 * A client key, bound to the agent who sent it and to this use, as the customer's key: the
 * order is the customer's, and their keys live in their namespace. Another agent sending
 * the same key gets no replay of this one's order; 64 hex characters fit the column.
 */
function derivedKey(
  agentUserId: string,
  key: string,
  step: "create" | "approve" | "cancel",
): string {
  return createHash("sha256").update(`card:${step}:${agentUserId}:${key}`).digest("hex");
}

/**
 * A cash-in or cash-out with a personal QR card, on the agent's tablet. The card says whose
 * wallet; the PIN, typed by the holder on the tablet's pad, is what proves the holder wants
 * it, for both types: the card alone moves nothing.
 *
 * The PIN is counted before it is checked against two budgets: the holder's own
 * (PIN_TRUSTED_DEVICES, the same one the phone's cash-out approval spends, so a found card
 * gets 5 guesses per 15 minutes in total across every tablet) and the tablet's
 * (CARD_PIN_PER_AGENT, over all cards, the shop's: owner and assistants together). Then, as the holder: the order is created (limits,
 * hold), claimed by this agent, and for a cash-out approved at once, which executes it like
 * the phone's approval (docs/decisions.md). A cash-in waits, claimed, for the agent's
 * confirm after the cash was handed over, exactly as when the phone's QR was scanned.
 *
 * A retry with the same key (a lost answer) replays each step; only the PIN is counted again.
 */
export async function cardOrder(
  actor: Actor,
  input: {
    secret: string;
    type: OrderType;
    amount: bigint;
    currency: string;
    pin: string;
    idempotencyKey: string;
  },
): Promise<AgentOrderView> {
  const { card, shop } = await activeCard(actor, input.secret);
  const holderKey = trustedPinKey(card.user.id);
  const shopKey = cardPinKey(shop.id);
  await admitAttempt(
    [
      { key: holderKey, policy: PIN_TRUSTED_DEVICES },
      { key: shopKey, policy: CARD_PIN_PER_AGENT },
    ],
    TOO_MANY,
  );
  if (!(await verifyUserPin(card.user, input.pin))) {
    throw new DomainError("WRONG_PIN", "wrongPinNothingPaid");
  }
  await forgetFailures(holderKey);
  await takeBackAttempt(shopKey);

  const holder: Actor = { userId: card.user.id, role: "CUSTOMER", ip: actor.ip };
  const created = await createOrder(holder, {
    type: input.type,
    amount: input.amount,
    currency: input.currency,
    idempotencyKey: derivedKey(actor.userId, input.idempotencyKey, "create"),
  });
  // Read again rather than trust the create's answer: on a retry that answer is the stored
  // one (PENDING) while the order may since have been claimed and executed.
  const now = await orderContext(null, { userId: actor.userId, orderId: created.id });
  const agent = activeAgentOf(now);
  if (now.order?.status === "PENDING") {
    try {
      await claimOrder(actor, { token: orderToken(created.id) });
    } catch (e) {
      // This tablet cannot serve it (a cash-in over the float, a suspension meanwhile):
      // the holder may have no phone to cancel it from, so it is withdrawn now rather than
      // holding their money until it expires.
      await cancelOrder(holder, {
        orderId: created.id,
        idempotencyKey: derivedKey(actor.userId, input.idempotencyKey, "cancel"),
      }).catch(() => undefined);
      throw e;
    }
  } else if (now.order?.agentId !== agent.id) {
    // Withdrawn above (a retry of a refused attempt), or, should another tablet ever hold
    // it, never approved from here: that tablet's float would be paid.
    throw new DomainError("ORDER_ALREADY_HANDLED", "orderWithdrawn");
  }
  if (input.type === "CASH_OUT") {
    await answerWithCheckedPin(holder, {
      orderId: created.id,
      approve: true,
      idempotencyKey: derivedKey(actor.userId, input.idempotencyKey, "approve"),
    });
  }
  await tellHolder(card.user, input.type, created, agent.shopName);
  return agentOrder(actor, created.id);
}

/**
 * Every card order is told to the holder's phone number by SMS at once (a feature phone gets
 * it too): the shop's tablet sees both the card's secret and the PIN, so a shop that kept them
 * could use the card again without the holder (docs/decisions.md, the card path's open risk);
 * this makes such a use known within seconds instead of at the next balance check. The
 * money has moved (or the order waits for the agent) whatever the SMS does: a failed send is
 * logged, never a refusal.
 */
async function tellHolder(
  holder: { phone: string; locale: string | null },
  type: OrderType,
  order: { reference: string; amount: bigint; currency: string },
  shopName: string,
): Promise<void> {
  // In the holder's own language (English when they never chose one): the shop's is not theirs.
  const text = renderError(
    holder.locale,
    type === "CASH_OUT" ? "sms.cardCashOut" : "sms.cardCashIn",
    {
      amount: money(order.amount, order.currency),
      shop: shopName,
      reference: order.reference,
    },
  );
  try {
    await otpSender().send(holder.phone, text);
  } catch (error) {
    log().error(
      { err: { message: error instanceof Error ? error.message : String(error) } },
      "card order SMS not sent",
    );
  }
}
