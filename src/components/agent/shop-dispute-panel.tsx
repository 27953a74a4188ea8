"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { useCodeNames } from "@/components/ui/labels";
import { useFormatMoney } from "@/components/ui/money";
import { ReasonPicker } from "@/components/ui/reason-picker";
import type { DisputeKind } from "@/domain/disputes";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPC } from "@/lib/trpc";
import type { AgentOrder } from "./types";

/**
 * A dispute on this order as the shop sees it (the customer's, or its own), or, where the
 * rules allow (a completed cash-in, within the window), the shop's own report of fake or
 * short cash. Any person serving at the shop may report; the cap counts per shop.
 */
export function ShopDisputePanel({
  order,
  onUpdate,
}: {
  order: AgentOrder;
  onUpdate: (order: AgentOrder) => void;
}) {
  const t = useTranslations("agent.order");
  const names = useCodeNames();
  const formatMoney = useFormatMoney();
  const trpc = useTRPC();
  const idempotency = useIdempotencyKey();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<DisputeKind | null>(null);
  const [note, setNote] = useState("");
  const report = useMutation(
    trpc.agent.reportProblem.mutationOptions({
      onSuccess: (view) => {
        idempotency.rotate();
        onUpdate(view);
      },
    }),
  );

  const d = order.dispute;
  if (d) {
    const mine = d.party === "SHOP";
    const problem = names.kind("disputeKind", d.kind);
    const held = formatMoney(d.held, order.currency);
    return (
      <p className="alert warn" role="status" data-testid="agent-dispute">
        {d.status === "UPHELD"
          ? t(mine ? "dispute.shopUpheld" : "dispute.upheld")
          : d.status === "REJECTED"
            ? t(mine ? "dispute.shopRejected" : "dispute.rejected")
            : t(mine ? "dispute.shopOpen" : "dispute.open", { problem, held })}
      </p>
    );
  }
  const rules = order.disputeRules;
  if (order.reportable.length === 0 || !rules) return null;

  if (!open) {
    return (
      <section className="card stack">
        <p className="small">
          {t("report.tell", { hours: rules.windowHours, cap: rules.monthlyCap })}
        </p>
        <Button variant="ghost" onClick={() => setOpen(true)}>
          {t("report.open")}
        </Button>
      </section>
    );
  }

  const chosen = order.reportable.length === 1 ? order.reportable[0]! : kind;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    report.mutate({ orderId: order.id, kind: chosen, note, idempotencyKey: idempotency.key() });
  }

  return (
    <form className="card stack" onSubmit={submit} aria-label={t("report.open")}>
      <h2>{t("report.open")}</h2>
      <ReasonPicker
        legend={t("report.which")}
        reasons={order.reportable}
        value={chosen}
        onChange={setKind}
        label={(k) => t(`report.reason.${k}`)}
      />
      <label className="field">
        {t("report.whatHappened")}
        <textarea
          name="shop-dispute-note"
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
          {t("report.back")}
        </Button>
        <Button
          type="submit"
          variant="primary"
          busy={report.isPending}
          disabled={!note.trim() || !chosen}
        >
          {t("report.send")}
        </Button>
      </div>
    </form>
  );
}
