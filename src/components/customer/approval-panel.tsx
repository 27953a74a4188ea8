"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Countdown } from "@/components/ui/countdown";
import { ErrorNote } from "@/components/ui/error-note";
import { FeeLine } from "@/components/ui/fee-line";
import { Money } from "@/components/ui/money";
import { ReadAloud } from "@/components/ui/read-aloud";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPC } from "@/lib/trpc";
import styles from "./customer.module.css";
import { OrderSummary } from "./order-summary";
import { useSpokenOrder } from "./spoken";
import type { CustomerOrder } from "./types";

const PIN_PATTERN = /^\d{4,6}$/;

/**
 * The cash-out's second factor and its payment: the customer sees which shop scanned the
 * code and approves with the PIN only when standing there. Approving pays the shop at once,
 * so the shop can hand over the cash knowing no later tap can take the money back.
 */
export function ApprovalPanel({
  order,
  onChange,
  onElapsed,
}: {
  order: CustomerOrder;
  onChange: (order: CustomerOrder) => void;
  /** Time is up: the screen asks the server, which expires the order (as for a code). */
  onElapsed: () => void;
}) {
  const t = useTranslations("customer.approval");
  const spoken = useSpokenOrder(order, "customer-approval");
  const trpc = useTRPC();
  // Yes and no are different intents: each keeps its own key for retries.
  const approveKey = useIdempotencyKey();
  const rejectKey = useIdempotencyKey();
  const answer = useMutation(trpc.customer.answerApproval.mutationOptions());
  const [pin, setPin] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const shop = order.agentShopName ?? t("anAgent");

  function done(key: ReturnType<typeof useIdempotencyKey>) {
    return {
      onSuccess: (next: CustomerOrder) => {
        key.rotate();
        onChange(next);
      },
    };
  }

  function approve(event: React.FormEvent) {
    event.preventDefault();
    if (!PIN_PATTERN.test(pin)) return setProblem(t("pinInvalid"));
    setProblem(null);
    answer.mutate(
      { orderId: order.id, approve: true, pin, idempotencyKey: approveKey.key() },
      {
        ...done(approveKey),
        // A wrong PIN must be typed again, not resent.
        onError: () => setPin(""),
      },
    );
  }

  function reject() {
    setProblem(null);
    answer.mutate(
      { orderId: order.id, approve: false, idempotencyKey: rejectKey.key() },
      done(rejectKey),
    );
  }

  const deciding = answer.isPending ? answer.variables?.approve : undefined;

  return (
    <section className="card stack" data-testid="approval" aria-labelledby="approval-heading">
      <h1 id="approval-heading" className={styles.title}>
        {t.rich("heading", {
          shop,
          money: () => <Money amount={order.amount} currency={order.currency} />,
        })}
      </h1>
      <p className="small muted" data-testid="approval-countdown">
        {t.rich("timeLeft", {
          timer: () => <Countdown until={order.expiresAt} onElapsed={onElapsed} />,
        })}
      </p>
      <ReadAloud sentence={spoken} />
      <p className="alert warn">
        {t.rich("warning", {
          shop,
          money: () => <Money amount={order.walletAmount} currency={order.currency} />,
        })}
      </p>
      <div className="receipt">
        <OrderSummary order={order} />
      </div>
      <FeeLine fee={order.fee} currency={order.currency} />
      <form className="stack" onSubmit={approve} noValidate>
        <label className="field">
          <span>{t("pin")}</span>
          <input
            name="approval-pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ""))}
            aria-describedby="approval-pin-hint"
          />
          <span id="approval-pin-hint" className="hint">
            {t("pinHint")}
          </span>
        </label>
        {problem ? (
          <p className="alert error" role="alert">
            {problem}
          </p>
        ) : null}
        <ErrorNote error={answer.error} />
        <div className="grid-2">
          <Button
            type="button"
            variant="danger"
            size="big"
            busy={deciding === false}
            disabled={answer.isPending}
            onClick={reject}
          >
            {t("reject")}
          </Button>
          <Button
            type="submit"
            variant="primary"
            size="big"
            busy={deciding === true}
            disabled={answer.isPending}
          >
            {t("approve")}
          </Button>
        </div>
      </form>
    </section>
  );
}
