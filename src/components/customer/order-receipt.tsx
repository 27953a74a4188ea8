import Link from "next/link";
import { Money } from "@/components/ui/money";
import { ReadAloud } from "@/components/ui/read-aloud";
import styles from "./customer.module.css";
import { DisputePanel } from "./dispute-panel";
import { MoneyLines } from "./order-summary";
import { spokenOrder } from "./spoken";
import type { CustomerOrder } from "./types";
import { formatWhen } from "./types";

/**
 * What the customer keeps as proof: the reference the agent and support can look up. A
 * cash-out is complete once approved: the shop is paid and now hands over the cash.
 */
export function OrderReceipt({
  order,
  onChange,
}: {
  order: CustomerOrder;
  onChange: (order: CustomerOrder) => void;
}) {
  const cashIn = order.type === "CASH_IN";
  const when = order.completedAt ?? order.closedAt ?? order.createdAt;
  return (
    <>
      <section
        className="card receipt stack"
        data-testid="receipt"
        aria-labelledby="receipt-heading"
      >
        <h1 id="receipt-heading" className={`alert ok ${styles.title}`}>
          {cashIn ? "Cash-in complete" : "Cash-out paid"}
        </h1>
        <ReadAloud sentence={spokenOrder(order, "customer-receipt")} />
        {cashIn ? null : (
          <p className="amount center" data-testid="collect-cash">
            Collect <Money amount={order.amount} currency={order.currency} /> cash from{" "}
            {order.agentShopName ?? "the agent"}
          </p>
        )}
        <dl>
          <dt>Reference</dt>
          <dd>
            <strong>{order.reference}</strong>
          </dd>
          <MoneyLines order={order} done />
          {order.balanceAfter !== null ? (
            <>
              <dt>New balance</dt>
              <dd>
                <strong>
                  <Money amount={order.balanceAfter} currency={order.currency} />
                </strong>
              </dd>
            </>
          ) : null}
          <dt>Agent</dt>
          <dd>{order.agentShopName ?? "—"}</dd>
          <dt>Date</dt>
          <dd>{formatWhen(when)}</dd>
        </dl>
      </section>
      <DisputePanel order={order} onChange={onChange} />
      <Link className="button primary big" href="/customer">
        Done
      </Link>
    </>
  );
}
