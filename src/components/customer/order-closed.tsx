import Link from "next/link";
import { Money } from "@/components/ui/money";
import { StatusBadge } from "@/components/ui/status-badge";
import { rejectedByCustomer } from "@/domain/close-reasons";
import styles from "./customer.module.css";
import { DisputePanel } from "./dispute-panel";
import type { CustomerOrder } from "./types";
import { formatWhen } from "./types";

const HEADINGS: Record<string, string> = {
  CANCELLED: "Order cancelled",
  EXPIRED: "This code expired",
  DECLINED: "Order declined",
  REVERSED: "Order reversed",
};

/** The heading, in words that fit how it ended: the code was used if a shop scanned it. */
function headingOf(order: CustomerOrder): string {
  if (rejectedByCustomer(order.status, order.closeReason)) return "You rejected this cash-out";
  if (order.status === "EXPIRED" && order.claimedAt !== null) return "This order ran out of time";
  return HEADINGS[order.status] ?? "Order closed";
}

const FALLBACK_REASONS: Record<string, string> = {
  CANCELLED: "The order was cancelled.",
  EXPIRED: "The code was not used in time.",
  DECLINED: "The order was declined.",
  REVERSED: "ProxyPay reversed this order. The money moved back to where it came from.",
};

/** An order that ended without (or after undoing) the money moving. */
export function OrderClosed({
  order,
  onChange,
}: {
  order: CustomerOrder;
  onChange: (order: CustomerOrder) => void;
}) {
  const released = order.type === "CASH_OUT" && order.status !== "REVERSED";
  // A cash-in a shop scanned may have had its cash handed over: say so, and how to get it back.
  const cashMayBeAtShop = order.type === "CASH_IN" && order.claimedAt !== null;
  return (
    <>
      <section className="card stack" data-testid="order-closed">
        <div className="spread">
          <h1 className={styles.title}>{headingOf(order)}</h1>
          <StatusBadge status={order.status} closeReason={order.closeReason} />
        </div>
        <p>{order.closeReason ?? FALLBACK_REASONS[order.status]}</p>
        {released ? (
          <p className="alert ok">
            Your money is available again. Nothing was taken from your wallet.
          </p>
        ) : cashMayBeAtShop && order.status !== "REVERSED" ? (
          <p className="alert warn">
            Your wallet was not credited. If you gave {order.agentShopName ?? "the shop"} cash, ask
            for it back now.
          </p>
        ) : order.status !== "REVERSED" ? (
          <p className="muted small">No money moved.</p>
        ) : null}
        <p className="small muted">
          {order.reference} · <Money amount={order.amount} currency={order.currency} /> ·{" "}
          {formatWhen(order.closedAt ?? order.createdAt)}
        </p>
      </section>
      <DisputePanel order={order} onChange={onChange} />
      <Link className="button primary big" href={`/customer/new?type=${order.type}`}>
        New order
      </Link>
      <Link className="button ghost" href="/customer">
        Back to my wallet
      </Link>
    </>
  );
}
