"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { QrCard } from "@/components/ui/qr-card";
import { useTRPC } from "@/lib/trpc";
import { LoadFailed } from "../shared/load-states";
import { useAdminFormats } from "../shared/use-admin-formats";

/**
 * The customer's personal QR card, for an operator: print one to hand over (a customer
 * without a phone at the branch), block a card the holder reports lost with the reason
 * they gave, issue a new one. Every change is audited with the operator's id.
 */
export function CustomerCardSection({ userId }: { userId: string }) {
  const t = useTranslations("admin.customers.card");
  const format = useAdminFormats();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const card = useQuery(trpc.admin.customerCard.queryOptions({ userId }));
  const [reason, setReason] = useState("");
  const [blocking, setBlocking] = useState(false);
  const done = {
    onSuccess: (next: NonNullable<typeof card.data>) => {
      queryClient.setQueryData(trpc.admin.customerCard.queryKey({ userId }), next);
      setBlocking(false);
      setReason("");
    },
  };
  const issue = useMutation(trpc.admin.issueCustomerCard.mutationOptions(done));
  const block = useMutation(trpc.admin.blockCustomerCard.mutationOptions(done));

  function submitBlock(event: FormEvent) {
    event.preventDefault();
    block.mutate({ userId, reason });
  }

  const view = card.data;
  return (
    <section className="card stack" data-testid="customer-card">
      <h2>{t("title")}</h2>
      {card.isError ? (
        <LoadFailed error={card.error} busy={card.isFetching} onRetry={() => void card.refetch()} />
      ) : null}
      {view?.active ? (
        <>
          <QrCard
            secret={view.active.secret}
            holderName={view.holderName}
            maskedPhone={view.maskedPhone}
          />
          <p className="muted small">{t("issued", { day: format.day(view.active.issuedAt) })}</p>
          <div className="row">
            <Button variant="primary" onClick={() => window.print()}>
              {t("print")}
            </Button>
            <Button busy={issue.isPending} onClick={() => issue.mutate({ userId })}>
              {t("replace")}
            </Button>
            {blocking ? null : (
              <Button variant="danger" onClick={() => setBlocking(true)}>
                {t("block")}
              </Button>
            )}
          </div>
          {blocking ? (
            <form className="stack" onSubmit={submitBlock}>
              <label className="stack">
                <span>{t("why")}</span>
                <input
                  value={reason}
                  maxLength={200}
                  onChange={(e) => setReason(e.target.value)}
                  placeholder={t("whyExample")}
                />
              </label>
              <div className="row">
                <Button type="submit" variant="danger" busy={block.isPending}>
                  {t("blockNow")}
                </Button>
                <Button onClick={() => setBlocking(false)}>{t("keep")}</Button>
              </div>
            </form>
          ) : null}
        </>
      ) : view ? (
        <div className="row">
          <p className="muted">{t("none")}</p>
          <Button variant="primary" busy={issue.isPending} onClick={() => issue.mutate({ userId })}>
            {t("issue")}
          </Button>
        </div>
      ) : null}
      <ErrorNote error={issue.error ?? block.error} />
      {view && view.closed.length > 0 ? (
        <ul className="list small" data-testid="closed-cards">
          {view.closed.map((c) => (
            <li key={c.id}>
              {t(c.status === "BLOCKED" ? "closedBlocked" : "closedReplaced", {
                closed: c.closedAt ? format.day(c.closedAt) : "",
                issued: format.day(c.issuedAt),
                // "_" is no reason given (a select needs a word, not an empty string).
                reason: c.reason || "_",
              })}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
