import Link from "next/link";
import { useTranslations } from "next-intl";
import { Money } from "@/components/ui/money";
import { CodeName, StatusBadge } from "@/components/ui/status-badge";
import styles from "./admin.module.css";
import type { Column } from "./data-table";
import type { OrderStatus, OrderType } from "./types";
import { useAdminFormats } from "./use-admin-formats";

interface OrderLine {
  id: string;
  reference: string;
  type: OrderType;
  status: OrderStatus;
  currency: string;
  amount: bigint;
  fee: bigint;
  createdAt: Date;
  /** Tells a customer's Reject from an agent's Decline where the list carries it. */
  closeReason?: string | null;
  /** With these, the table also names who the order was between. */
  customerName?: string;
  customerPhone?: string;
  agentShopName?: string | null;
}

/** The headings over OrderListRows, in the screen's language. */
export function useOrderColumns(withParties: boolean): readonly Column[] {
  const t = useTranslations("admin.shared.orderColumns");
  return [
    { label: t("reference") },
    { label: t("type") },
    { label: t("status") },
    { label: t("amount"), num: true },
    { label: t("fee"), num: true },
    ...(withParties ? [{ label: t("customer") }, { label: t("agent") }] : []),
    { label: t("created") },
  ];
}

/** Orders as rows that open the order; the order search and the customer page share them. */
export function OrderListRows({
  orders,
  withParties,
}: {
  orders: OrderLine[];
  withParties: boolean;
}) {
  const t = useTranslations("admin.shared");
  const format = useAdminFormats();
  return (
    <tbody>
      {orders.map((order) => (
        <tr key={order.id} className={styles.rowLink} data-testid="order-row">
          <td>
            {/* The link covers the row, so the whole row opens the order. */}
            <Link href={`/admin/orders/${order.id}`} className={`${styles.mono} ${styles.cover}`}>
              {order.reference}
            </Link>
          </td>
          <td className={styles.nowrap}>
            <CodeName group="orderType" code={order.type} />
          </td>
          <td>
            <StatusBadge status={order.status} closeReason={order.closeReason ?? null} />
          </td>
          <td className={styles.num}>
            <Money amount={order.amount} currency={order.currency} />
          </td>
          <td className={styles.num}>
            <Money amount={order.fee} currency={order.currency} />
          </td>
          {withParties ? (
            <>
              <td>
                {order.customerName}
                <div className={`muted small ${styles.nowrap}`}>{order.customerPhone}</div>
              </td>
              <td>{order.agentShopName ?? <span className="muted">{t("noAgentYet")}</span>}</td>
            </>
          ) : null}
          <td className={styles.nowrap}>{format.moment(order.createdAt)}</td>
        </tr>
      ))}
    </tbody>
  );
}
