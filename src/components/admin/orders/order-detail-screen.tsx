"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/lib/trpc";
import styles from "../shared/admin.module.css";
import { BackLink } from "../shared/back-link";
import { LoadFailed } from "../shared/load-states";
import { OrderAuditCard } from "./order-audit-card";
import { OrderDisputeCard } from "./order-dispute-card";
import { OrderJournalCard } from "./order-journal-card";
import { OrderReversalCard } from "./order-reversal-card";
import { OrderSummaryCard } from "./order-summary-card";
import { OrderTimelineCard } from "./order-timeline-card";

export function OrderDetailScreen({ orderId }: { orderId: string }) {
  const t = useTranslations("admin.orders.detail");
  return (
    <>
      <div>
        <BackLink fallback="/admin/orders">{t("back")}</BackLink>
      </div>
      <OrderDetail orderId={orderId} />
    </>
  );
}

function OrderDetail({ orderId }: { orderId: string }) {
  const trpc = useTRPC();
  const order = useQuery(trpc.admin.order.queryOptions({ orderId }));
  const t = useTranslations("admin.orders.detail");

  if (order.isPending) {
    return (
      <div className="stack" role="status" aria-busy aria-label={t("loading")}>
        <div className="skeleton" style={{ height: "12rem" }} />
        <div className={styles.cards}>
          <div className="skeleton" style={{ height: "14rem" }} />
          <div className="skeleton" style={{ height: "14rem" }} />
        </div>
        <div className="skeleton" style={{ height: "10rem" }} />
      </div>
    );
  }
  if (!order.data) {
    return (
      <section className="card stack">
        <h1>{t("title")}</h1>
        <LoadFailed
          error={order.error}
          busy={order.isFetching}
          onRetry={() => void order.refetch()}
        />
      </section>
    );
  }
  const o = order.data;
  return (
    <>
      <OrderSummaryCard order={o} />
      {o.dispute ? <OrderDisputeCard dispute={o.dispute} currency={o.currency} /> : null}
      <div className={styles.cards}>
        <OrderTimelineCard timeline={o.timeline} />
        <OrderReversalCard order={o} />
      </div>
      <OrderJournalCard journal={o.journal} currency={o.currency} />
      <OrderAuditCard audit={o.audit} />
    </>
  );
}
