import { Money } from "@/components/ui/money";
import type { CustomerOrder } from "./types";

/** Cash, fee and the wallet's side of one order, in the customer's words. */
export function OrderSummary({ order }: { order: CustomerOrder }) {
  const cashIn = order.type === "CASH_IN";
  return (
    <dl>
      <dt>{cashIn ? "Cash you give" : "Cash you receive"}</dt>
      <dd>
        <Money amount={order.amount} currency={order.currency} />
      </dd>
      <dt>Fee</dt>
      <dd>
        <Money amount={order.fee} currency={order.currency} />
      </dd>
      <dt>{cashIn ? "Wallet receives" : "Wallet pays"}</dt>
      <dd>
        <strong>
          <Money amount={order.walletAmount} currency={order.currency} />
        </strong>
      </dd>
    </dl>
  );
}
