import { randomUUID } from "node:crypto";
import { DomainError } from "@/domain/errors";
import { checkLimits } from "@/domain/limits";
import { formatMinor } from "@/domain/money";
import { type OrderType, quote } from "@/domain/pricing";
import { placeHold } from "../repositories/ledger";
import { findOrder, insertOrder, recordOrderEvent, walletAndUsage } from "../repositories/orders";
import { currentSettings } from "../repositories/settings";
import { lockUserForOrder } from "../repositories/users";
import { hashToken, newReference, newTypedCode, orderToken } from "../security/order-token";
import type { Actor } from "./actor";
import { idempotent } from "./idempotent";
import { type CustomerOrderView, customerView, customerViewAtRest } from "./order-views";

export interface CreateOrderInput {
  type: OrderType;
  amount: bigint;
  currency: string;
  idempotencyKey: string;
}

const MAX_CODE_DRAWS = 8;

/**
 * The patent's "business request with the proxy-mode flag": prices the order with the
 * current settings, checks limits, reserves the money for a cash-out (hold on amount + fee)
 * and returns the single-use token and typed code the phone shows.
 */
export function createOrder(actor: Actor, input: CreateOrderInput): Promise<CustomerOrderView> {
  const { idempotencyKey, ...payload } = input;
  return idempotent(
    actor,
    idempotencyKey,
    "order.create",
    payload,
    async (tx) => {
      // Creates of one customer run one at a time from here, so each sees the ones before it:
      // a burst gets exactly the orders that fit its limits.
      const customer = await lockUserForOrder(tx, actor.userId);
      if (!customer) throw new DomainError("NOT_FOUND", "Your account no longer exists");
      if (customer.status === "LOCKED") {
        throw new DomainError(
          "ACCOUNT_LOCKED",
          "Your account is locked. Please call ProxyPay support",
        );
      }
      const { version, settings } = await currentSettings(tx);
      if (input.currency !== settings.currency) {
        throw new DomainError(
          "INVALID_INPUT",
          `ProxyPay handles ${settings.currency} here, not ${input.currency}`,
        );
      }
      const priced = quote(input.type, input.amount, settings);
      const wallet = await walletAndUsage(tx, customer.id, input.currency);
      if (!wallet) throw new DomainError("NOT_FOUND", `You have no ${input.currency} wallet`);
      checkLimits(settings, {
        type: input.type,
        amount: input.amount,
        currency: input.currency,
        kycTier: customer.kycTier,
        usedToday: wallet.usedToday,
        projectedBalance: wallet.balance + wallet.pendingCashIn,
        walletDelta: priced.walletDelta,
      });
      const needed = -priced.walletDelta;
      if (input.type === "CASH_OUT" && wallet.balance - wallet.onHold < needed) {
        throw new DomainError(
          "INSUFFICIENT_BALANCE",
          `You have ${formatMinor(wallet.balance - wallet.onHold, input.currency)} available; this cash-out needs ${formatMinor(needed, input.currency)} including the fee`,
        );
      }

      const id = randomUUID();
      let inserted = false;
      for (let draw = 0; draw < MAX_CODE_DRAWS && !inserted; draw++) {
        inserted = await insertOrder(tx, {
          id,
          reference: newReference(),
          type: input.type,
          customerId: customer.id,
          currency: input.currency,
          amount: priced.amount,
          fee: priced.fee,
          tokenHash: hashToken(orderToken(id)),
          typedCode: newTypedCode(),
          configVersion: version,
          ttlSeconds: settings.orderTtlSeconds,
        });
      }
      if (!inserted) throw new Error("could not draw a free typed code");

      if (input.type === "CASH_OUT") {
        // The guarded UPDATE is the real check: creates of this customer are serialised, but
        // another movement (a reversal, an operator's correction) may have taken the money
        // since we read the wallet above.
        const held = await placeHold(tx, {
          accountId: wallet.accountId,
          orderId: id,
          amount: needed,
        });
        if (!held) {
          throw new DomainError(
            "INSUFFICIENT_BALANCE",
            "Your available balance is not enough for this cash-out",
          );
        }
      }
      await recordOrderEvent(tx, {
        orderId: id,
        from: null,
        to: "PENDING",
        actor,
      });
      const order = await findOrder(tx, id);
      return customerView(tx, order!);
    },
    customerViewAtRest,
  );
}
