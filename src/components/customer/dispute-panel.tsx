"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { useCodeNames } from "@/components/ui/labels";
import { Money } from "@/components/ui/money";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPC } from "@/lib/trpc";
import type { CustomerOrder } from "./types";

/**
 * Where the customer reports that cash crossed the counter but the order did not give them
 * its value, and follows what operators decide. Reporting holds the amount on the shop's
 * float until then.
 */
export function DisputePanel({
  order,
  onChange,
}: {
  order: CustomerOrder;
  onChange: (order: CustomerOrder) => void;
}) {
  const t = useTranslations("customer.dispute");
  const names = useCodeNames();
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const idempotency = useIdempotencyKey();
  const report = useMutation(trpc.customer.reportProblem.mutationOptions());
  const shop = order.agentShopName ?? t("theShop");

  if (order.dispute) {
    const d = order.dispute;
    return (
      <section className="card stack" data-testid="dispute" aria-live="polite">
        <h2>{t("reported", { kind: d.kind })}</h2>
        {d.status === "UPHELD" ? (
          <p className="alert ok">
            {d.kind === "CASH_NOT_CREDITED" ? t("upheldCredited") : t("upheldReturned")}
          </p>
        ) : d.status === "REJECTED" ? (
          <p className="alert warn">
            {d.decisionNote ? t("rejectedNote", { note: d.decisionNote }) : t("rejected")}
          </p>
        ) : (
          <p>
            {d.held > 0n
              ? t.rich("checkingHeld", {
                  shop,
                  money: () => <Money amount={d.held} currency={order.currency} />,
                })
              : t("checking", { shop })}
          </p>
        )}
      </section>
    );
  }
  if (!order.reportable) return null;

  if (!open) {
    return (
      <section className="card stack">
        <p>
          {t.rich("tell", {
            ask: t(`ask${order.reportable}`),
            b: (chunks) => <strong>{chunks}</strong>,
          })}
        </p>
        <Button variant="ghost" onClick={() => setOpen(true)}>
          {t("report")}
        </Button>
      </section>
    );
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    report.mutate(
      { orderId: order.id, note, idempotencyKey: idempotency.key() },
      {
        onSuccess: (next) => {
          idempotency.rotate();
          onChange(next);
        },
      },
    );
  }

  return (
    <form className="card stack" onSubmit={submit} aria-label={t("report")}>
      <h2>{names.kind("disputeKind", order.reportable)}</h2>
      <label className="field">
        {t("whatHappened")}
        <textarea
          name="dispute-note"
          rows={3}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          required
        />
      </label>
      <ErrorNote error={report.error} />
      <div className="grid-2">
        <Button type="button" onClick={() => setOpen(false)} disabled={report.isPending}>
          {t("back")}
        </Button>
        <Button type="submit" variant="primary" busy={report.isPending} disabled={!note.trim()}>
          {t("send")}
        </Button>
      </div>
    </form>
  );
}
