"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Countdown } from "@/components/ui/countdown";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { ReadAloud } from "@/components/ui/read-aloud";
import { CodeName, StatusBadge } from "@/components/ui/status-badge";
import { expiryReason } from "@/domain/close-reasons";
import { formatMinor } from "@/domain/money";
import { isLive } from "@/domain/order-state";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPC } from "@/lib/trpc";
import styles from "./agent.module.css";
import { spokenOrder } from "./spoken";
import { type AgentOrder, formatWhen, isAgentView } from "./types";

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
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const confirmKey = useIdempotencyKey();
  const declineKey = useIdempotencyKey();
  const live = isLive(order.status);

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
  const [reason, setReason] = useState("Customer left");

  function submitDecline(event: FormEvent) {
    event.preventDefault();
    decline.mutate({ orderId, reason: reason.trim(), idempotencyKey: declineKey.key() });
  }

  if (order.status === "COMPLETED") {
    return (
      <section className="stack" data-testid="order-preview">
        {order.type === "CASH_OUT" ? (
          <p className={`alert ok ${styles.instruction}`} role="status" data-testid="pay-out">
            Paid: hand over {formatMinor(order.cash, order.currency)} cash now
          </p>
        ) : null}
        <Receipt order={order} />
        <DisputeNote order={order} />
        <Button variant="primary" size="big" onClick={onNext}>
          Next customer
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
            <strong>{closedHeadline(order)}</strong>
            <br />
            {closedAdvice(order)}
          </p>
          <OrderFacts order={order} />
        </div>
        <DisputeNote order={order} />
        <Button variant="primary" size="big" onClick={onNext}>
          Next customer
        </Button>
      </section>
    );
  }

  const cash = formatMinor(order.cash, order.currency);
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
        {order.type === "CASH_IN"
          ? `Take ${cash} cash from the customer, count it, then confirm`
          : `The customer takes out ${cash} in cash`}
      </p>
      <ReadAloud sentence={spokenOrder(order, "agent-preview")} />
      <OrderFacts order={order} onElapsed={refresh} />

      {waitingForCustomer ? (
        <div className={`alert warn ${styles.waiting}`} role="status">
          <span className="spinner" aria-hidden />
          <span>
            Waiting for the customer to approve with their PIN… Do not hand over any cash yet: this
            screen tells you when the money is in your float.
          </span>
        </div>
      ) : null}

      <ErrorNote error={confirm.error ?? decline.error} />
      {subscription.error ? (
        <p className="muted small row">
          Live updates are reconnecting…
          <button type="button" className="link" onClick={() => void refresh()}>
            Check now
          </button>
        </p>
      ) : null}

      {declining ? (
        <form className={`stack ${styles.declineForm}`} onSubmit={submitDecline}>
          <label className="field">
            Why are you declining?
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
              Decline order
            </Button>
            <Button variant="ghost" disabled={busy} onClick={() => setDeclining(false)}>
              Keep the order
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
              Confirm cash received
            </Button>
          )}
          <Button variant="ghost" disabled={busy} onClick={() => setDeclining(true)}>
            Decline
          </Button>
        </div>
      )}
    </section>
  );
}

function OrderFacts({ order, onElapsed }: { order: AgentOrder; onElapsed?: () => void }) {
  return (
    <div className="receipt">
      <dl>
        <dt>Amount</dt>
        <dd>
          <Money amount={order.amount} currency={order.currency} />
        </dd>
        <dt>Customer fee</dt>
        <dd>
          <Money amount={order.fee} currency={order.currency} />
        </dd>
        <dt>Your commission</dt>
        <dd>
          {order.commission === null ? (
            "—"
          ) : (
            <Money amount={order.commission} currency={order.currency} />
          )}
        </dd>
        <dt>Customer</dt>
        <dd>{order.customerPhone}</dd>
        <dt>Reference</dt>
        <dd className={styles.reference}>{order.reference}</dd>
        {onElapsed ? (
          <>
            <dt>Time left</dt>
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
  return (
    <div className="card receipt stack" data-testid="agent-receipt">
      <div className="spread">
        <h2>{order.type === "CASH_IN" ? "Cash-in complete" : "Cash-out complete"}</h2>
        <StatusBadge status={order.status} closeReason={order.closeReason} />
      </div>
      <p className="alert ok">
        {order.type === "CASH_IN"
          ? "The customer's wallet has been topped up. Keep the cash."
          : `The customer approved: ${formatMinor(order.cash, order.currency)} is in your float.`}
      </p>
      <ReadAloud sentence={spokenOrder(order, "agent-receipt")} />
      <dl>
        <dt>Reference</dt>
        <dd className={styles.reference}>{order.reference}</dd>
        <dt>{order.type === "CASH_IN" ? "Cash taken" : "Cash to hand over"}</dt>
        <dd>
          <Money amount={order.cash} currency={order.currency} />
        </dd>
        <dt>Commission earned</dt>
        <dd>
          {order.commission === null ? (
            "—"
          ) : (
            <Money amount={order.commission} currency={order.currency} />
          )}
        </dd>
        <dt>New float</dt>
        <dd>
          {order.floatAfter === null ? (
            "—"
          ) : (
            <Money amount={order.floatAfter} currency={order.currency} />
          )}
        </dd>
        <dt>Customer</dt>
        <dd>{order.customerPhone}</dd>
        <dt>Time</dt>
        <dd>{formatWhen(order.completedAt ?? order.claimedAt ?? order.createdAt)}</dd>
      </dl>
    </div>
  );
}

/** The server's own words when it gave a reason, which also says who closed the order. */
function closedHeadline(order: AgentOrder): string {
  if (order.closeReason) return order.closeReason;
  switch (order.status) {
    case "CANCELLED":
      return "The customer cancelled";
    case "EXPIRED":
      return expiryReason(order.type, order.claimedAt !== null);
    case "DECLINED":
      return "This order was declined";
    case "REVERSED":
      return "ProxyPay reversed this order";
    default:
      return "This order is closed";
  }
}

/** What the shop sees of a customer's report on this order. */
function DisputeNote({ order }: { order: AgentOrder }) {
  const d = order.dispute;
  if (!d) return null;
  const held = formatMinor(d.held, order.currency);
  return (
    <p className="alert warn" role="status" data-testid="agent-dispute">
      {d.status === "UPHELD"
        ? "ProxyPay upheld the customer's report on this order and put the money right."
        : d.status === "REJECTED"
          ? "ProxyPay looked into the customer's report on this order and did not uphold it."
          : `The customer reported ${d.kind === "CASH_NOT_CREDITED" ? "handing over cash that was not credited" : "not getting the cash"}. ${held} of your float is held while ProxyPay checks.`}
    </p>
  );
}

function closedAdvice(order: AgentOrder): string {
  if (order.status === "REVERSED") return "Call ProxyPay support if you are not sure why.";
  return order.type === "CASH_IN"
    ? "No money moved: give back any cash you took for this order."
    : "No money moved: do not hand over any cash for this order.";
}
