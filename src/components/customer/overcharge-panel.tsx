"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { decimalMarkOf, readAmount } from "@/components/ui/amount-input";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { isCurrencyCode } from "@/domain/money";
import { INTL_TAG } from "@/i18n/locales";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPC } from "@/lib/trpc";
import { type CustomerOrder, useFormatWhen } from "./types";

interface State {
  overcharge: { amountAsked: bigint; note: string | null; reportedAt: Date } | null;
  reportableUntil: Date | null;
}

/**
 * "The shop asked me for more than the fee": the customer says how much more and, if they
 * like, what happened. Operators see every report, and a shop reported three times in a
 * month is flagged for them. Nothing is refunded from here: the report is the customer's word.
 */
export function OverchargePanel({ order, state }: { order: CustomerOrder; state: State }) {
  const t = useTranslations("customer.overcharge");
  const formatWhen = useFormatWhen();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const decimalMark = decimalMarkOf(INTL_TAG[useLocale()]);
  const idempotency = useIdempotencyKey();
  const [open, setOpen] = useState(false);
  const [amountText, setAmountText] = useState("");
  const [note, setNote] = useState("");
  const [tried, setTried] = useState(false);
  const report = useMutation(
    trpc.customer.reportOvercharge.mutationOptions({
      onSuccess: (next) => {
        idempotency.rotate();
        queryClient.setQueryData(trpc.customer.receipt.queryKey({ orderId: order.id }), next);
      },
    }),
  );

  if (state.overcharge) {
    const o = state.overcharge;
    return (
      <section className="card stack" data-testid="overcharge-reported" aria-live="polite">
        <h2>{t("reportedTitle")}</h2>
        <p>
          {t.rich("reported", {
            money: () => <Money amount={o.amountAsked} currency={order.currency} />,
            when: formatWhen(o.reportedAt),
          })}
        </p>
        <p className="small muted">{t("followUp")}</p>
      </section>
    );
  }
  if (!state.reportableUntil) return null;

  if (!open) {
    return (
      <section className="card stack">
        <p>
          {t.rich("ask", {
            money: () => <Money amount={order.fee} currency={order.currency} />,
          })}
        </p>
        <Button variant="ghost" onClick={() => setOpen(true)} data-testid="overcharge-open">
          {t("report")}
        </Button>
      </section>
    );
  }

  const currency = isCurrencyCode(order.currency) ? order.currency : "KES";
  const amount = readAmount(amountText, currency, decimalMark);
  const problem =
    tried && typeof amount !== "bigint"
      ? { message: amount === "amountDecimals" ? t("amountDecimals") : t("amountMissing") }
      : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (typeof amount !== "bigint") return;
    const trimmed = note.trim();
    report.mutate({
      orderId: order.id,
      amountAsked: amount,
      ...(trimmed ? { note: trimmed } : {}),
      idempotencyKey: idempotency.key(),
    });
  }

  return (
    <form className="card stack" onSubmit={submit} aria-label={t("report")} noValidate>
      <h2>{t("report")}</h2>
      <label className="field">
        {t("amountAsked", { currency: order.currency })}
        <input
          name="amount-asked"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={amountText}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => setAmountText(e.target.value)}
        />
      </label>
      <ErrorNote error={problem} />
      <label className="field">
        {t("note")}
        <textarea
          name="overcharge-note"
          rows={3}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <ErrorNote error={report.error} />
      <div className="grid-2">
        <Button type="button" onClick={() => setOpen(false)} disabled={report.isPending}>
          {t("back")}
        </Button>
        <Button type="submit" variant="primary" busy={report.isPending}>
          {t("send")}
        </Button>
      </div>
    </form>
  );
}
