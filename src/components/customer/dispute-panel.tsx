"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { DISPUTE_KIND_LABEL } from "@/domain/disputes";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPC } from "@/lib/trpc";
import type { CustomerOrder } from "./types";

const ASK: Record<NonNullable<CustomerOrder["reportable"]>, string> = {
  CASH_NOT_CREDITED: "Gave the shop cash and it was not credited?",
  CASH_NOT_RECEIVED: "Did not get your cash?",
};

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
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const idempotency = useIdempotencyKey();
  const report = useMutation(trpc.customer.reportProblem.mutationOptions());
  const shop = order.agentShopName ?? "the shop";

  if (order.dispute) {
    const d = order.dispute;
    return (
      <section className="card stack" data-testid="dispute" aria-live="polite">
        <h2>You reported: {DISPUTE_KIND_LABEL[d.kind].toLowerCase()}</h2>
        {d.status === "UPHELD" ? (
          <p className="alert ok">
            ProxyPay checked and agreed with you.{" "}
            {d.kind === "CASH_NOT_CREDITED"
              ? "Your wallet has been credited."
              : "The money went back to your wallet."}
          </p>
        ) : d.status === "REJECTED" ? (
          <p className="alert warn">
            ProxyPay checked and could not confirm it{d.decisionNote ? `: ${d.decisionNote}` : "."}{" "}
            Call ProxyPay support if you disagree.
          </p>
        ) : (
          <p>
            ProxyPay is checking with {shop}.{" "}
            {d.held > 0n ? (
              <>
                <Money amount={d.held} currency={order.currency} /> of the shop&apos;s money is held
                until then.
              </>
            ) : null}{" "}
            You will see the answer here.
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
          <strong>{ASK[order.reportable]}</strong> Tell ProxyPay. You can do this up to 24 hours
          after the order.
        </p>
        <Button variant="ghost" onClick={() => setOpen(true)}>
          Report a problem
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
    <form className="card stack" onSubmit={submit} aria-label="Report a problem">
      <h2>{DISPUTE_KIND_LABEL[order.reportable]}</h2>
      <label className="field">
        What happened?
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
          Back
        </Button>
        <Button type="submit" variant="primary" busy={report.isPending} disabled={!note.trim()}>
          Send report
        </Button>
      </div>
    </form>
  );
}
