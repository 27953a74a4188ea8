"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { useCloseReason } from "@/components/ui/close-reason";
import { Countdown } from "@/components/ui/countdown";
import { ErrorNote } from "@/components/ui/error-note";
import { FeeLine } from "@/components/ui/fee-line";
import { Money, useFormatMoney } from "@/components/ui/money";
import { ReadAloud } from "@/components/ui/read-aloud";
import { CodeName, StatusBadge } from "@/components/ui/status-badge";
import { isLive } from "@/domain/order-state";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPC } from "@/lib/trpc";
import styles from "./agent.module.css";
import { AgentReceipt } from "./agent-receipt";
import { ShopDisputePanel } from "./shop-dispute-panel";
import { useSpokenOrder } from "./spoken";
import { type AgentOrder, isAgentView, useFormatWhen } from "./types";

interface Props {
  order: AgentOrder;
  /** Hands every fresh copy of the order (stream, confirm, decline, re-read) to the owner. */
  onUpdate: (order: AgentOrder) => void;
  /** Clears the panel for the next customer. */
  onNext: () => void;
}

/**
 * The order the agent is serving. Mount it with `key={order.id}`: its idempotency keys
 * then belong to this one order, so a retried confirm can never carry another order's key.
 */
export function OrderPanel({ order, onUpdate, onNext }: Props) {
  const spokenPreview = useSpokenOrder(order, "agent-preview");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const confirmKey = useIdempotencyKey();
  const declineKey = useIdempotencyKey();
  const live = isLive(order.status);
  const t = useTranslations("agent.order");
  const formatMoney = useFormatMoney();

  const orderId = order.id;
  const refresh = useCallback(async () => {
    try {
      const fresh = await queryClient.fetchQuery({
        ...trpc.agent.order.queryOptions({ orderId }),
        staleTime: 0,
      });
      onUpdate(fresh);
    } catch {
      // The stream will bring the next change; a failed re-read changes nothing on screen.
    }
  }, [queryClient, trpc, orderId, onUpdate]);

  const subscription = useSubscription(
    trpc.live.order.subscriptionOptions(
      { orderId },
      {
        enabled: live,
        onData: (event) => {
          if (isAgentView(event.data)) onUpdate(event.data);
        },
        // Whatever broke the stream may have hidden a change: ask at once.
        onError: () => void refresh(),
      },
    ),
  );
  const streaming = subscription.status === "pending";

  // The stream alone must not be trusted to keep the panel current: it can look connected
  // yet hear nothing. Re-read every few seconds while it is down, now and then while it is up.
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => void refresh(), streaming ? 15_000 : 5_000);
    return () => clearInterval(timer);
  }, [live, streaming, refresh]);

  // Once the order is over, the float, commission and today's totals have moved (or a
  // hold was released): re-read them so the header never shows stale numbers.
  useEffect(() => {
    if (!live) void queryClient.invalidateQueries(trpc.agent.pathFilter());
  }, [live, queryClient, trpc]);

  const confirm = useMutation(
    trpc.agent.confirm.mutationOptions({
      onSuccess: (view) => {
        confirmKey.rotate();
        onUpdate(view);
      },
      // A refusal (expired, cancelled meanwhile) usually means the order changed: show that.
      onError: () => void refresh(),
    }),
  );
  const decline = useMutation(
    trpc.agent.decline.mutationOptions({
      onSuccess: (view) => {
        declineKey.rotate();
        onUpdate(view);
      },
      onError: () => void refresh(),
    }),
  );

  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState(() => t("defaultDeclineReason"));

  function submitDecline(event: FormEvent) {
    event.preventDefault();
    decline.mutate({ orderId, reason: reason.trim(), idempotencyKey: declineKey.key() });
  }

  if (order.status === "COMPLETED") {
    return (
      <section className="stack" data-testid="order-preview">
        {order.type === "CASH_OUT" ? (
          <p className={`alert ok ${styles.instruction}`} role="status" data-testid="pay-out">
            {t("paidHandOver", { cash: formatMoney(order.cash, order.currency) })}
          </p>
        ) : null}
        <Receipt order={order} />
        <AgentReceipt orderId={order.id} />
        <ShopDisputePanel order={order} onUpdate={onUpdate} />
        <Button variant="primary" size="big" onClick={onNext}>
          {t("nextCustomer")}
        </Button>
      </section>
    );
  }

  if (!live) {
    return (
      <section className="stack" data-testid="order-preview">
        <div className="card stack">
          <div className="spread">
            <h2>
              <CodeName group="orderType" code={order.type} />
            </h2>
            <StatusBadge status={order.status} closeReason={order.closeReason} />
          </div>
          <p className="alert warn" role="status" data-testid="order-closed">
            <strong>
              <ClosedHeadline order={order} />
            </strong>
            <br />
            <ClosedAdvice order={order} />
          </p>
          <OrderFacts order={order} />
        </div>
        <ShopDisputePanel order={order} onUpdate={onUpdate} />
        <Button variant="primary" size="big" onClick={onNext}>
          {t("nextCustomer")}
        </Button>
      </section>
    );
  }

  const cash = formatMoney(order.cash, order.currency);
  const busy = confirm.isPending || decline.isPending;
  // A cash-out completes with the customer's approval; until then there is nothing to hand.
  const waitingForCustomer = order.type === "CASH_OUT";

  return (
    <section className="card stack" data-testid="order-preview">
      <div className="spread">
        <h2>
          <CodeName group="orderType" code={order.type} />
        </h2>
        <StatusBadge status={order.status} closeReason={order.closeReason} />
      </div>
      <p className={styles.instruction} data-testid="order-instruction">
        {order.type === "CASH_IN" ? t("takeCash", { cash }) : t("customerTakesOut", { cash })}
      </p>
      <ReadAloud sentence={spokenPreview} />
      <OrderFacts order={order} onElapsed={refresh} />
      <FeeLine fee={order.fee} currency={order.currency} />

      {waitingForCustomer ? (
        <div className={`alert warn ${styles.waiting}`} role="status">
          <span className="spinner" aria-hidden />
          <span>{t("waitingForPin")}</span>
        </div>
      ) : null}

      <ErrorNote error={confirm.error ?? decline.error} />
      {subscription.error ? (
        <p className="muted small row">
          {t("reconnecting")}
          <button type="button" className="link" onClick={() => void refresh()}>
            {t("checkNow")}
          </button>
        </p>
      ) : null}

      {declining ? (
        <form className={`stack ${styles.declineForm}`} onSubmit={submitDecline}>
          <label className="field">
            {t("whyDecline")}
            <input
              name="reason"
              value={reason}
              maxLength={200}
              onChange={(e) => setReason(e.target.value)}
              required
            />
          </label>
          <div className="row">
            <Button
              type="submit"
              variant="danger"
              busy={decline.isPending}
              disabled={confirm.isPending || reason.trim() === ""}
            >
              {t("declineOrder")}
            </Button>
            <Button variant="ghost" disabled={busy} onClick={() => setDeclining(false)}>
              {t("keepOrder")}
            </Button>
          </div>
        </form>
      ) : (
        <div className={styles.actions}>
          {waitingForCustomer ? null : (
            <Button
              variant="primary"
              size="big"
              busy={confirm.isPending}
              disabled={decline.isPending}
              onClick={() => confirm.mutate({ orderId, idempotencyKey: confirmKey.key() })}
            >
              {t("confirmCash")}
            </Button>
          )}
          <Button variant="ghost" disabled={busy} onClick={() => setDeclining(true)}>
            {t("decline")}
          </Button>
        </div>
      )}
    </section>
  );
}

/** Who of the shop's people scanned the order (the owner or an assistant). */
function ServedBy({ order }: { order: AgentOrder }) {
  const t = useTranslations("agent.order");
  if (!order.servedBy) return null;
  return (
    <>
      <dt>{t("servedBy")}</dt>
      <dd data-testid="served-by">{order.servedBy}</dd>
    </>
  );
}

function OrderFacts({ order, onElapsed }: { order: AgentOrder; onElapsed?: () => void }) {
  const t = useTranslations("agent.order");
  return (
    <div className="receipt">
      <dl>
        <dt>{t("amount")}</dt>
        <dd>
          <Money amount={order.amount} currency={order.currency} />
        </dd>
        <dt>{t("customerFee")}</dt>
        <dd>
          <Money amount={order.fee} currency={order.currency} />
        </dd>
        {/* Null for a shop assistant: the server leaves the shop's earnings out. */}
        {order.commission === null ? null : (
          <>
            <dt>{t("yourCommission")}</dt>
            <dd>
              <Money amount={order.commission} currency={order.currency} />
            </dd>
          </>
        )}
        <dt>{t("customer")}</dt>
        <dd>{order.customerPhone}</dd>
        <ServedBy order={order} />
        <dt>{t("reference")}</dt>
        <dd className={styles.reference}>{order.reference}</dd>
        {onElapsed ? (
          <>
            <dt>{t("timeLeft")}</dt>
            <dd>
              <Countdown until={order.expiresAt} onElapsed={onElapsed} />
            </dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}

function Receipt({ order }: { order: AgentOrder }) {
  const spokenReceipt = useSpokenOrder(order, "agent-receipt");
  const t = useTranslations("agent.order");
  const formatMoney = useFormatMoney();
  const formatWhen = useFormatWhen();
  return (
    <div className="card receipt stack" data-testid="agent-receipt">
      <div className="spread">
        <h2>{order.type === "CASH_IN" ? t("cashInComplete") : t("cashOutComplete")}</h2>
        <StatusBadge status={order.status} closeReason={order.closeReason} />
      </div>
      <p className="alert ok">
        {order.type === "CASH_IN"
          ? t("walletToppedUp")
          : t("customerApproved", { cash: formatMoney(order.cash, order.currency) })}
      </p>
      <ReadAloud sentence={spokenReceipt} />
      <dl>
        <dt>{t("reference")}</dt>
        <dd className={styles.reference}>{order.reference}</dd>
        <dt>{order.type === "CASH_IN" ? t("cashTaken") : t("cashToHandOver")}</dt>
        <dd>
          <Money amount={order.cash} currency={order.currency} />
        </dd>
        {order.commission === null ? null : (
          <>
            <dt>{t("commissionEarned")}</dt>
            <dd>
              <Money amount={order.commission} currency={order.currency} />
            </dd>
          </>
        )}
        <dt>{t("newFloat")}</dt>
        <dd>
          {order.floatAfter === null ? (
            "—"
          ) : (
            <Money amount={order.floatAfter} currency={order.currency} />
          )}
        </dd>
        <dt>{t("customer")}</dt>
        <dd>{order.customerPhone}</dd>
        <ServedBy order={order} />
        <dt>{t("time")}</dt>
        <dd>{formatWhen(order.completedAt ?? order.claimedAt ?? order.createdAt)}</dd>
      </dl>
    </div>
  );
}

/** The server's own words when it gave a reason, which also says who closed the order. */
function ClosedHeadline({ order }: { order: AgentOrder }) {
  const t = useTranslations("agent.order.closed");
  const reasons = useTranslations("common.closeReason");
  const closeReason = useCloseReason();
  if (order.closeReason) return closeReason(order.closeReason);
  switch (order.status) {
    case "CANCELLED":
      return t("cancelled");
    case "EXPIRED":
      if (order.claimedAt === null) return reasons("codeExpired");
      return order.type === "CASH_IN"
        ? reasons("cashInNotConfirmed")
        : reasons("cashOutNotApproved");
    case "DECLINED":
      return t("declined");
    case "REVERSED":
      return t("reversed");
    default:
      return t("other");
  }
}

function ClosedAdvice({ order }: { order: AgentOrder }) {
  const t = useTranslations("agent.order.advice");
  if (order.status === "REVERSED") return t("reversed");
  return order.type === "CASH_IN" ? t("giveBack") : t("doNotHand");
}
