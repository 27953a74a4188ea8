import Link from "next/link";
import { Money } from "@/components/ui/money";
import { CodeName, StatusBadge } from "@/components/ui/status-badge";
import styles from "../shared/admin.module.css";
import { Fact } from "../shared/fact";
import { formatMoment, type OrderDossier } from "../shared/types";

const HOLD_STATES: Record<string, string> = {
  ACTIVE: "held",
  RELEASED: "released",
  CAPTURED: "captured",
};

export function OrderSummaryCard({ order }: { order: OrderDossier }) {
  return (
    <section className="card stack" aria-label="Summary" data-testid="order-summary">
      <div className="spread">
        <div>
          <h1 style={{ margin: 0 }}>
            <CodeName group="orderType" code={order.type} />{" "}
            <span className={styles.mono}>{order.reference}</span>
          </h1>
          <p className={`muted small ${styles.mono}`} style={{ margin: 0 }}>
            {order.id}
          </p>
        </div>
        <StatusBadge status={order.status} closeReason={order.closeReason} />
      </div>
      <dl className={styles.facts}>
        <Fact label="Amount">
          <Money amount={order.amount} currency={order.currency} />
        </Fact>
        <Fact label="Customer fee">
          <Money amount={order.fee} currency={order.currency} />
        </Fact>
        <Fact label="Agent commission">
          {order.commission === null ? (
            <span className="muted">Set when an agent claims it, by the agent&apos;s plan</span>
          ) : (
            <Money amount={order.commission} currency={order.currency} />
          )}
        </Fact>
        <Fact label="Hold on wallet">
          {order.hold ? (
            <>
              <Money amount={order.hold.amount} currency={order.currency} />{" "}
              <span className="muted small">
                {HOLD_STATES[order.hold.status] ?? order.hold.status}
              </span>
            </>
          ) : (
            <span className="muted">None</span>
          )}
        </Fact>
        <Fact label="Customer">
          {order.customer.name}
          <div className="muted small">{order.customer.phone}</div>
        </Fact>
        <Fact label="Agent">
          {order.agentShopName ?? <span className="muted">No agent has scanned it</span>}
        </Fact>
        <Fact label="Created">{formatMoment(order.createdAt)}</Fact>
        <Fact label="Expires">{formatMoment(order.expiresAt)}</Fact>
        <Fact label="Priced with">
          <Link href="/admin/settings">Settings version {order.configVersion}</Link>
        </Fact>
        {order.closeReason ? (
          <Fact label="Closed because" wide>
            {order.closeReason}
          </Fact>
        ) : null}
      </dl>
    </section>
  );
}
