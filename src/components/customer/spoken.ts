import { isCurrencyCode } from "@/domain/money";
import { type SpokenScreen, spokenSummary } from "@/domain/spoken-amounts";
import type { CustomerOrder } from "./types";

/** The read-aloud sentence of an order on one of the customer's screens, per language. */
export function spokenOrder(order: CustomerOrder, screen: SpokenScreen) {
  return (language: string): string | null => {
    const currency = order.currency;
    if (!isCurrencyCode(currency)) return null;
    return spokenSummary(
      {
        screen,
        type: order.type,
        currency,
        cash: order.amount,
        fee: order.fee,
        wallet: order.walletAmount,
        otherParty: { kind: "agent", shopName: order.agentShopName },
      },
      language,
    );
  };
}
