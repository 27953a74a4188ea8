import Link from "next/link";
import { useTranslations } from "next-intl";
import { Money } from "@/components/ui/money";
import { CodeName, StatusBadge } from "@/components/ui/status-badge";
import styles from "../shared/admin.module.css";
import { Fact } from "../shared/fact";
import type { OrderDossier } from "../shared/types";
import { useAdminFormats } from "../shared/use-admin-formats";

const HOLD_STATES = ["ACTIVE", "RELEASED", "CAPTURED"] as const;

export function OrderSummaryCard({ order }: { order: OrderDossier }) {
  const t = useTranslations("admin.orders.summary");
  const format = useAdminFormats();
  const hold = HOLD_STATES.find((h) => h === order.hold?.status);
  return (
    <section className="card stack" aria-label={t("label")} data-testid="order-summary">
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
        <Fact label={t("amount")}>
          <Money amount={order.amount} currency={order.currency} />
        </Fact>
        <Fact label={t("fee")}>
          <Money amount={order.fee} currency={order.currency} />
        </Fact>
        <Fact label={t("commission")}>
          {order.commission === null ? (
            <span className="muted">{t("commissionLater")}</span>
          ) : (
            <Money amount={order.commission} currency={order.currency} />
          )}
        </Fact>
        <Fact label={t("hold")}>
          {order.hold ? (
            <>
              <Money amount={order.hold.amount} currency={order.currency} />{" "}
              <span className="muted small">
                {hold ? t(`holdStates.${hold}`) : order.hold.status}
              </span>
            </>
          ) : (
            <span className="muted">{t("noHold")}</span>
          )}
        </Fact>
        <Fact label={t("customer")}>
          {order.customer.name}
          <div className="muted small">{order.customer.phone}</div>
        </Fact>
        <Fact label={t("agent")}>
          {order.agentShopName ?? <span className="muted">{t("noAgent")}</span>}
        </Fact>
        <Fact label={t("created")}>{format.moment(order.createdAt)}</Fact>
        <Fact label={t("expires")}>{format.moment(order.expiresAt)}</Fact>
        <Fact label={t("pricedWith")}>
          <Link href="/admin/settings">
            {t("settingsVersion", { version: order.configVersion })}
          </Link>
        </Fact>
        {order.closeReason ? (
          <Fact label={t("closedBecause")} wide>
            {order.closeReason}
          </Fact>
        ) : null}
      </dl>
    </section>
  );
}
