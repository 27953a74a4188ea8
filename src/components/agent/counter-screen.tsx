"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { useCodeNames } from "@/components/ui/labels";
import { looksLikeCardSecret } from "@/domain/cards";
import type { CurrencyCode } from "@/domain/money";
import { isLive, progressOf } from "@/domain/order-state";
import { useTRPC } from "@/lib/trpc";
import styles from "./agent.module.css";
import { AgentTopBar } from "./agent-top-bar";
import { CardPanel } from "./card-panel";
import { CounterLiquidityBanner } from "./liquidity-banner";
import { OrderPanel } from "./order-panel";
import { OverviewCards, OverviewSkeleton, SuspendedBanner, shopCurrency } from "./overview-cards";
import { QrScanner } from "./qr-scanner";
import { TypedCodeForm } from "./typed-code-form";
import type { AgentOrder } from "./types";
import { UpcomingPanel } from "./upcoming-panel";

// Remembers the order on the counter across a reload of the tablet, so an agent in the
// middle of a cash-out does not lose the screen that lets them finish it.
const CURRENT_ORDER_KEY = "proxypay.agent.currentOrder";

/** The shop's counter. Render it inside AgentGate (the page does). */
export function CounterScreen() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const t = useTranslations("agent.counter");
  const names = useCodeNames();
  const overview = useQuery(trpc.agent.overview.queryOptions());
  const [order, setOrder] = useState<AgentOrder | null>(null);

  const show = useCallback((next: AgentOrder) => {
    sessionStorage.setItem(CURRENT_ORDER_KEY, next.id);
    setOrder(next);
  }, []);

  const update = useCallback((next: AgentOrder) => {
    setOrder((current) => {
      // A late copy of an order the agent already put away must not bring it back.
      if (!current || current.id !== next.id) return current;
      return progressOf(next.status) >= progressOf(current.status) ? next : current;
    });
  }, []);

  const clear = useCallback(() => {
    sessionStorage.removeItem(CURRENT_ORDER_KEY);
    setOrder(null);
  }, []);

  useEffect(() => {
    const saved = sessionStorage.getItem(CURRENT_ORDER_KEY);
    if (!saved) return;
    queryClient
      .fetchQuery({ ...trpc.agent.order.queryOptions({ orderId: saved }), staleTime: 0 })
      .then((found) => setOrder((current) => current ?? found))
      .catch(() => sessionStorage.removeItem(CURRENT_ORDER_KEY));
  }, [queryClient, trpc]);

  const claim = useMutation(
    trpc.agent.claim.mutationOptions({
      onSuccess: show,
      // A refusal may come from a change the header does not show yet (suspended, float
      // spent by another order): re-read it.
      onError: () => void queryClient.invalidateQueries(trpc.agent.overview.queryFilter()),
    }),
  );

  // A personal QR card (no smartphone): who it belongs to, then the holder's PIN on the pad.
  const [card, setCard] = useState<{ secret: string } | null>(null);
  const scanCard = useMutation(
    trpc.agent.scanCard.mutationOptions({
      onError: () => setCard(null),
    }),
  );

  const suspended = overview.data?.status === "SUSPENDED";
  const serving = order !== null && isLive(order.status);
  const canLookUp = overview.isSuccess && !suspended && !serving;

  const onScan = useCallback(
    (text: string) => {
      const scanned = text.trim();
      claim.reset();
      if (looksLikeCardSecret(scanned)) {
        setCard({ secret: scanned });
        scanCard.mutate({ secret: scanned });
      } else {
        setCard(null);
        scanCard.reset();
        claim.mutate({ token: scanned });
      }
    },
    [claim.mutate, claim.reset, scanCard.mutate, scanCard.reset],
  );

  function putCardAway() {
    setCard(null);
    scanCard.reset();
  }

  function nextCustomer() {
    clear();
    claim.reset();
    putCardAway();
  }

  return (
    <>
      <AgentTopBar
        shopName={overview.data?.shopName}
        current="counter"
        // Owner-only pages stay hidden until the overview says who is serving.
        isOwner={overview.data?.isOwner ?? false}
      />
      <main className="page stack">
        {overview.data ? (
          <>
            <SuspendedBanner overview={overview.data} />
            <CounterLiquidityBanner />
            <OverviewCards overview={overview.data} />
          </>
        ) : overview.isError ? (
          <div className="stack">
            <ErrorNote error={overview.error} />
            <Button onClick={() => void overview.refetch()}>{t("tryAgain")}</Button>
          </div>
        ) : (
          <OverviewSkeleton />
        )}

        <div className={styles.counter}>
          <section className="card stack" aria-labelledby="find-order">
            {/* Finding the next order is what the counter is for: the screen's one h1. */}
            <h1 id="find-order" className={styles.findHeading}>
              {t("findOrder")}
            </h1>
            {serving ? <p className="muted small">{t("finishFirst")}</p> : null}
            <QrScanner
              disabled={!canLookUp || claim.isPending || scanCard.isPending || card !== null}
              onScan={onScan}
              label={
                claim.isError && claim.variables && "token" in claim.variables
                  ? t("scanAgain")
                  : t("scan")
              }
            />
            <ErrorNote error={claim.error} />
            <ErrorNote error={scanCard.error} />
            <TypedCodeForm
              disabled={!canLookUp || card !== null}
              busy={claim.isPending}
              onCode={(code) => claim.mutate({ code })}
            />
          </section>

          <div className={styles.orderColumn}>
            {/* The order panel remounts per order and changes body per state: this region
                stays, so a screen reader hears "Waiting for…", "Completed" as they come. */}
            <p
              className="sr-only"
              aria-live="polite"
              aria-atomic="true"
              data-testid="agent-live-status"
            >
              {order
                ? t("liveStatus", {
                    type: names.kind("orderType", order.type),
                    status: names.orderStatus(order.status, order.closeReason).label,
                  })
                : ""}
            </p>
            {order ? (
              <OrderPanel key={order.id} order={order} onUpdate={update} onNext={nextCustomer} />
            ) : card && scanCard.data && overview.data ? (
              <CardPanel
                secret={card.secret}
                holder={scanCard.data}
                currency={shopCurrency(overview.data) as CurrencyCode}
                onOrder={(next) => {
                  putCardAway();
                  show(next);
                }}
                onCancel={putCardAway}
              />
            ) : claim.isPending || scanCard.isPending ? (
              <section className="card center" role="status">
                <p className="row muted">
                  <span className="spinner" aria-hidden /> {t("lookingUp")}
                </p>
              </section>
            ) : (
              <section className={`card stack center ${styles.idle}`}>
                <h2>{t("noCustomer")}</h2>
                <p className="muted">{suspended ? t("pausedSuspended") : t("idleHint")}</p>
              </section>
            )}
          </div>
        </div>
        <UpcomingPanel />
      </main>
    </>
  );
}
