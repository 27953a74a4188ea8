import { type SpokenScreen, spokenFor } from "@/domain/spoken-amounts";
import type { CustomerOrder } from "./types";

/** The read-aloud sentence of an order on one of the customer's screens, per language. */
export function spokenOrder(order: CustomerOrder, screen: SpokenScreen) {
  return spokenFor({
    screen,
    type: order.type,
    currency: order.currency,
    cash: order.amount,
    fee: order.fee,
    wallet: order.walletAmount,
    otherParty: { kind: "agent", shopName: order.agentShopName },
  });
}
