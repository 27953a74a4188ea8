import Link from "next/link";
import { useTranslations } from "next-intl";
import { Money } from "@/components/ui/money";
import { ReadAloud } from "@/components/ui/read-aloud";
import styles from "./customer.module.css";
import { DisputePanel } from "./dispute-panel";
import { MoneyLines } from "./order-summary";
import { ReceiptPanel } from "./receipt-panel";
import { useSpokenOrder } from "./spoken";
import { type CustomerOrder, useFormatWhen } from "./types";

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
  const t = useTranslations("customer.receipt");
  const formatWhen = useFormatWhen();
  const spoken = useSpokenOrder(order, "customer-receipt");
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
          {cashIn ? t("cashInDone") : t("cashOutDone")}
        </h1>
        <ReadAloud sentence={spoken} />
        {cashIn ? null : (
          <p className="amount center" data-testid="collect-cash">
            {t.rich("collect", {
              shop: order.agentShopName ?? t("theAgent"),
              money: () => <Money amount={order.amount} currency={order.currency} />,
            })}
          </p>
        )}
        <dl>
          <dt>{t("reference")}</dt>
          <dd>
            <strong>{order.reference}</strong>
          </dd>
          <MoneyLines order={order} done />
          {order.balanceAfter !== null ? (
            <>
              <dt>{t("newBalance")}</dt>
              <dd>
                <strong>
                  <Money amount={order.balanceAfter} currency={order.currency} />
                </strong>
              </dd>
            </>
          ) : null}
          <dt>{t("agent")}</dt>
          <dd>{order.agentShopName ?? "—"}</dd>
          <dt>{t("date")}</dt>
          <dd>{formatWhen(when)}</dd>
        </dl>
      </section>
      <ReceiptPanel order={order} />
      <DisputePanel order={order} onChange={onChange} />
      <Link className="button primary big" href="/customer">
        {t("done")}
      </Link>
    </>
  );
}
