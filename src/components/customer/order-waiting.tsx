"use client";

import { Money } from "@/components/ui/money";
import { CancelOrderButton } from "./cancel-order-button";
import styles from "./customer.module.css";
import { OrderSummary } from "./order-summary";
import type { CustomerOrder } from "./types";

/**
 * A shop scanned the customer's cash-in: this is the moment to hand over the cash, and the
 * screen says what protects the customer if the shop does not confirm.
 */
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
        <h1 className={styles.title}>{shop} scanned your code.</h1>
        <p>Hand over the cash. Your wallet is credited when the shop confirms.</p>
        <p className="amount huge center">
          <Money amount={order.amount} currency={order.currency} />
        </p>
        <p className="row muted small">
          <span className="spinner" aria-hidden /> Waiting for {shop} to confirm…
        </p>
        <p className="small muted">
          Stay until this screen says the cash-in is complete. If the shop declines after taking
          your cash, you can report it here and ProxyPay holds the amount on the shop&apos;s account
          while it checks.
        </p>
      </section>
      <section className="card receipt">
        <OrderSummary order={order} />
      </section>
      <CancelOrderButton order={order} onChange={onChange} />
    </>
  );
}
