"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("customer.waiting");
  const shop = order.agentShopName ?? t("theAgent");
  return (
    <>
      <section className="card stack" data-testid="order-waiting" aria-live="polite">
        <h1 className={styles.title}>{t("scanned", { shop })}</h1>
        <p>{t("handOver")}</p>
        <p className="amount huge center">
          <Money amount={order.amount} currency={order.currency} />
        </p>
        <p className="row muted small">
          <span className="spinner" aria-hidden /> {t("waitingFor", { shop })}
        </p>
        <p className="small muted">{t("stay")}</p>
      </section>
      <section className="card receipt">
        <OrderSummary order={order} />
      </section>
      <CancelOrderButton order={order} onChange={onChange} />
    </>
  );
}
