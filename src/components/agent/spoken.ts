import { type SpokenScreen, spokenFor } from "@/domain/spoken-amounts";
import type { AgentOrder } from "./types";

/**
 * The read-aloud sentence of an order on the agent's preview or receipt, per language. The
 * tablet never gets the customer's name, only a masked phone: the customer is named by the
 * phone's last digits, the same ones shown on screen.
 */
export function spokenOrder(order: AgentOrder, screen: SpokenScreen) {
  return spokenFor({
    screen,
    type: order.type,
    currency: order.currency,
    cash: order.cash,
    fee: order.fee,
    otherParty: { kind: "customer", phoneEnd: /\d*$/.exec(order.customerPhone)?.[0] ?? "" },
  });
}
