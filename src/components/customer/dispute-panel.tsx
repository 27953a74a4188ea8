"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { useCodeNames } from "@/components/ui/labels";
import { Money } from "@/components/ui/money";
import { ReasonPicker } from "@/components/ui/reason-picker";
import type { DisputeKind } from "@/domain/disputes";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPC } from "@/lib/trpc";
import type { CustomerOrder } from "./types";

/**
 * Where the customer reports a problem with an order, for the reasons its rules allow
 * (src/domain/disputes.ts), and follows what operators decide; also where they see a
 * shop's report on their order and what of their wallet it holds.
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
  const [kind, setKind] = useState<DisputeKind | null>(null);
  const [note, setNote] = useState("");
  const idempotency = useIdempotencyKey();
  const report = useMutation(trpc.customer.reportProblem.mutationOptions());
  const shop = order.agentShopName ?? t("theShop");

  if (order.dispute) {
    const d = order.dispute;
    const problem = names.kind("disputeKind", d.kind);
    if (d.party === "SHOP") {
      return (
        <section className="card stack" data-testid="dispute" aria-live="polite">
          <h2>{t("shopReported", { shop, problem })}</h2>
          {d.status === "UPHELD" ? (
            <p className="alert warn">{t("shopUpheld")}</p>
          ) : d.status === "REJECTED" ? (
            <p className="alert ok">{t("shopRejected")}</p>
          ) : (
            <p>
              {d.held > 0n
                ? t.rich("shopHeld", {
                    money: () => <Money amount={d.held} currency={order.currency} />,
                  })
                : t("shopChecking")}
            </p>
          )}
        </section>
      );
    }
    return (
      <section className="card stack" data-testid="dispute" aria-live="polite">
        <h2>{t("reported", { problem })}</h2>
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
  const rules = order.disputeRules;
  if (order.reportable.length === 0 || !rules) return null;

  if (!open) {
    return (
      <section className="card stack">
        <p>
          {t.rich("tell", {
            hours: rules.windowHours,
            cap: rules.monthlyCap,
            b: (chunks) => <strong>{chunks}</strong>,
          })}
        </p>
        <Button variant="ghost" onClick={() => setOpen(true)}>
          {t("report")}
        </Button>
      </section>
    );
  }

  // One reason alone needs no choosing.
  const chosen = order.reportable.length === 1 ? order.reportable[0]! : kind;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    report.mutate(
      { orderId: order.id, kind: chosen, note, idempotencyKey: idempotency.key() },
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
      <h2>{t("report")}</h2>
      <ReasonPicker
        legend={t("which")}
        reasons={order.reportable}
        value={chosen}
        onChange={setKind}
        label={(k) => t(`reason.${k}`)}
      />
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
      <p className="small muted">{t("whileChecking")}</p>
      <ErrorNote error={report.error} />
      <div className="grid-2">
        <Button type="button" onClick={() => setOpen(false)} disabled={report.isPending}>
          {t("back")}
        </Button>
        <Button
          type="submit"
          variant="primary"
          busy={report.isPending}
          disabled={!note.trim() || !chosen}
        >
          {t("send")}
        </Button>
      </div>
    </form>
  );
}
