import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCloseReason } from "@/components/ui/close-reason";
import { Money } from "@/components/ui/money";
import { StatusBadge } from "@/components/ui/status-badge";
import { rejectedByCustomer } from "@/domain/close-reasons";
import styles from "./customer.module.css";
import { DisputePanel } from "./dispute-panel";
import { type CustomerOrder, useFormatWhen } from "./types";

type Closed = "CANCELLED" | "EXPIRED" | "DECLINED" | "REVERSED";
const CLOSED: readonly string[] = [
  "CANCELLED",
  "EXPIRED",
  "DECLINED",
  "REVERSED",
] satisfies Closed[];
const isClosed = (status: string): status is Closed => CLOSED.includes(status);

/** The heading's key, in words that fit how it ended: the code was used if a shop scanned it. */
function headingOf(order: CustomerOrder): Closed | "rejected" | "ranOut" | "other" {
  if (rejectedByCustomer(order.status, order.closeReason)) return "rejected";
  if (order.status === "EXPIRED" && order.claimedAt !== null) return "ranOut";
  return isClosed(order.status) ? order.status : "other";
}

/** An order that ended without (or after undoing) the money moving. */
export function OrderClosed({
  order,
  onChange,
}: {
  order: CustomerOrder;
  onChange: (order: CustomerOrder) => void;
}) {
  const t = useTranslations("customer.closed");
  const formatWhen = useFormatWhen();
  const closeReason = useCloseReason();
  const released = order.type === "CASH_OUT" && order.status !== "REVERSED";
  // A cash-in a shop scanned may have had its cash handed over: say so, and how to get it back.
  const cashMayBeAtShop = order.type === "CASH_IN" && order.claimedAt !== null;
  return (
    <>
      <section className="card stack" data-testid="order-closed">
        <div className="spread">
          <h1 className={styles.title}>{t(headingOf(order))}</h1>
          <StatusBadge status={order.status} closeReason={order.closeReason} />
        </div>
        <p>
          {closeReason(order.closeReason) ??
            (isClosed(order.status) ? t(`reason${order.status}`) : null)}
        </p>
        {released ? (
          <p className="alert ok">{t("released")}</p>
        ) : cashMayBeAtShop && order.status !== "REVERSED" ? (
          <p className="alert warn">
            {t("notCredited", { shop: order.agentShopName ?? t("theShop") })}
          </p>
        ) : order.status !== "REVERSED" ? (
          <p className="muted small">{t("noMoney")}</p>
        ) : null}
        <p className="small muted">
          {order.reference} · <Money amount={order.amount} currency={order.currency} /> ·{" "}
          {formatWhen(order.closedAt ?? order.createdAt)}
        </p>
      </section>
      <DisputePanel order={order} onChange={onChange} />
      <Link className="button primary big" href={`/customer/new?type=${order.type}`}>
        {t("newOrder")}
      </Link>
      <Link className="button ghost" href="/customer">
        {t("backToWallet")}
      </Link>
    </>
  );
}
