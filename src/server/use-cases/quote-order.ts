import { DomainError } from "@/domain/errors";
import { type OrderType, quote } from "@/domain/pricing";
import { inTransaction } from "../db/transaction";
import { currentSettings } from "../repositories/settings";

/** The fee and wallet effect the customer will see before creating an order. */
export async function quoteOrder(input: { type: OrderType; amount: bigint; currency: string }) {
  const { settings } = await inTransaction((tx) => currentSettings(tx));
  if (input.currency !== settings.currency) {
    throw new DomainError("INVALID_INPUT", "wrongCurrency", {
      expected: settings.currency,
      given: input.currency,
    });
  }
  const q = quote(input.type, input.amount, settings);
  return {
    amount: q.amount,
    fee: q.fee,
    walletAmount: q.walletDelta < 0n ? -q.walletDelta : q.walletDelta,
    ttlSeconds: settings.orderTtlSeconds,
  };
}
