"use client";

import { Money } from "@/components/ui/money";
import { CancelOrderButton } from "./cancel-order-button";
import styles from "./customer.module.css";
import { OrderSummary } from "./order-summary";
import type { CustomerOrder } from "./types";

/** An agent has the order (cash-in scanned, or cash-out approved): waiting for their confirm. */
export function OrderWaiting({
  order,
  onChange,
}: {
  order: CustomerOrder;
  onChange: (order: CustomerOrder) => void;
}) {
  const shop = order.agentShopName ?? "The agent";
  return (
    <>
      <section className="card stack" data-testid="order-waiting" aria-live="polite">
        {order.status === "APPROVED" ? (
          <>
            <h1 className={styles.title}>Approved. Collect your cash from {shop}</h1>
            <p className="muted">
              The agent gives you <Money amount={order.amount} currency={order.currency} /> and
              confirms on their tablet. Your receipt appears here.
            </p>
          </>
        ) : (
          <>
            <h1 className={styles.title}>{shop} scanned your code.</h1>
            <p>Hand over the cash and wait for the agent to confirm.</p>
            <p className="amount huge center">
              <Money amount={order.amount} currency={order.currency} />
            </p>
          </>
        )}
        <p className="row muted small">
          <span className="spinner" aria-hidden /> Waiting for the agent to confirm…
        </p>
      </section>
      <section className="card receipt">
        <OrderSummary order={order} />
      </section>
      <CancelOrderButton order={order} onChange={onChange} />
    </>
  );
}
