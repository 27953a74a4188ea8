"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ErrorNote } from "@/components/ui/error-note";
import { useCodeNames } from "@/components/ui/labels";
import { INTL_TAG } from "@/i18n/locales";
import { ApprovalPanel } from "./approval-panel";
import styles from "./customer.module.css";
import { CustomerShell } from "./customer-shell";
import { OrderClosed } from "./order-closed";
import { OrderPending } from "./order-pending";
import { OrderReceipt } from "./order-receipt";
import { OrderWaiting } from "./order-waiting";
import { BackTopBar } from "./top-bar";
import type { OrderScreenProps } from "./types";
import { useLiveOrder } from "./use-live-order";

/** The live order: QR while it waits, then whatever the agent and the customer do next. */
export function OrderScreen({ orderId }: { orderId: string }) {
  const names = useCodeNames();
  const t = useTranslations("customer.order");
  const tBar = useTranslations("customer.bar");
  const { order, error, notFound, loading, connection, knownAt, refresh, accept } =
    useLiveOrder(orderId);

  if (loading) {
    return (
      <CustomerShell bar={<BackTopBar title={t("title")} />}>
        <div className="card stack" aria-busy="true">
          <div className="skeleton" style={{ width: "50%" }} />
          <div className="skeleton" style={{ minHeight: "260px" }} />
          <div className="skeleton" style={{ width: "70%" }} />
        </div>
      </CustomerShell>
    );
  }

  if (!order) {
    return (
      <CustomerShell bar={<BackTopBar title={t("title")} />} connection={connection}>
        <div className="card stack">
          {notFound ? (
            <>
              <h1 className={styles.title}>{t("notFound")}</h1>
              <p className="muted">{t("notFoundText")}</p>
            </>
          ) : (
            <>
              <h1 className={styles.title}>{t("loadFailed")}</h1>
              <ErrorNote error={error} />
              <button type="button" className="button" onClick={refresh}>
                {t("tryAgain")}
              </button>
            </>
          )}
          <Link className="button primary" href="/customer">
            {t("backToWallet")}
          </Link>
        </div>
      </CustomerShell>
    );
  }

  return (
    <CustomerShell
      bar={
        <BackTopBar
          title={tBar("orderTitle", {
            type: names.kind("orderType", order.type),
            reference: order.reference,
          })}
        />
      }
      connection={connection}
    >
      {connection !== "online" ? (
        <LastKnown label={names.orderStatus(order.status, order.closeReason).label} at={knownAt} />
      ) : null}
      {/* Each state is a new body, and a region mounted with its text is not read: this one
          stays mounted across states, so a screen reader hears the status as it changes. */}
      <p className="sr-only" aria-live="polite" aria-atomic="true" data-testid="order-live-status">
        {names.orderStatus(order.status, order.closeReason).label}
      </p>
      <OrderBody order={order} onChange={accept} onElapsed={refresh} />
    </CustomerShell>
  );
}

/**
 * Without a connection the screen below is the last copy the phone got: the agent may have
 * scanned or confirmed since. Said once, above it, so that "Show this code" or "Waiting for
 * the shop" reads as the last known state rather than as news. The QR stays: it is still
 * the order's code, and the agent's tablet checks it with the server.
 */
function LastKnown({ label, at }: { label: string; at: number | null }) {
  const t = useTranslations("customer.order");
  const tag = INTL_TAG[useLocale()];
  const time = at
    ? new Date(at).toLocaleTimeString(tag, { hour: "2-digit", minute: "2-digit" })
    : null;
  const b = (chunks: ReactNode) => <strong>{chunks}</strong>;
  return (
    <p className={`small ${styles.lastKnown}`} data-testid="last-known">
      {time
        ? t.rich("lastKnownAt", { time, status: label, b })
        : t.rich("lastKnown", { status: label, b })}
    </p>
  );
}

function OrderBody({ order, onChange, onElapsed }: OrderScreenProps) {
  switch (order.status) {
    case "PENDING":
      return <OrderPending order={order} onChange={onChange} onElapsed={onElapsed} />;
    case "CLAIMED":
      return order.type === "CASH_OUT" ? (
        <ApprovalPanel order={order} onChange={onChange} onElapsed={onElapsed} />
      ) : (
        <OrderWaiting order={order} onChange={onChange} />
      );
    case "COMPLETED":
      return <OrderReceipt order={order} onChange={onChange} />;
    case "APPROVED":
    case "CANCELLED":
    case "EXPIRED":
    case "DECLINED":
    case "REVERSED":
      return <OrderClosed order={order} onChange={onChange} />;
  }
}
