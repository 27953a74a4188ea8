"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { QrCard } from "@/components/ui/qr-card";
import { useTRPC } from "@/lib/trpc";
import { CustomerShell } from "./customer-shell";
import { BackTopBar } from "./top-bar";

/**
 * The customer's personal QR card: print it for the days without the phone (a flat battery,
 * a phone lent out, a relative who has none). The card alone moves nothing: at the shop the
 * holder types their PIN on the agent's tablet. Lost: block it here, at once.
 */
export function CardScreen() {
  const t = useTranslations("customer.card");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const card = useQuery(trpc.customer.card.queryOptions());
  const [confirmBlock, setConfirmBlock] = useState(false);
  const refresh = {
    onSuccess: (next: NonNullable<typeof card.data>) => {
      queryClient.setQueryData(trpc.customer.card.queryKey(), next);
      setConfirmBlock(false);
    },
  };
  const issue = useMutation(trpc.customer.issueCard.mutationOptions(refresh));
  const block = useMutation(trpc.customer.blockCard.mutationOptions(refresh));

  const view = card.data;
  return (
    <CustomerShell bar={<BackTopBar title={t("title")} heading />}>
      <p className="muted">{t("intro")}</p>
      {card.isError ? <ErrorNote error={card.error} /> : null}
      {card.isPending ? (
        <p className="row muted">
          <span className="spinner" aria-hidden /> {t("loading")}
        </p>
      ) : null}
      {view?.active ? (
        <>
          <QrCard
            secret={view.active.secret}
            holderName={view.holderName}
            maskedPhone={view.maskedPhone}
          />
          <p className="small muted center">
            {t("issued", { date: format.dateTime(view.active.issuedAt, { dateStyle: "medium" }) })}
          </p>
          <Button variant="primary" size="big" onClick={() => window.print()}>
            {t("print")}
          </Button>
          {confirmBlock ? (
            <div className="alert warn stack">
              <p>{t("blockAsk")}</p>
              <div className="grid-2">
                <Button variant="danger" busy={block.isPending} onClick={() => block.mutate()}>
                  {t("blockYes")}
                </Button>
                <Button onClick={() => setConfirmBlock(false)}>{t("keep")}</Button>
              </div>
            </div>
          ) : (
            <Button variant="danger" onClick={() => setConfirmBlock(true)}>
              {t("lost")}
            </Button>
          )}
          <Button variant="ghost" busy={issue.isPending} onClick={() => issue.mutate()}>
            {t("replace")}
          </Button>
        </>
      ) : view ? (
        <>
          <p className="alert warn">
            {view.closed[0]?.status === "BLOCKED" ? t("blocked") : t("none")}
          </p>
          <Button
            variant="primary"
            size="big"
            busy={issue.isPending}
            onClick={() => issue.mutate()}
          >
            {t("get")}
          </Button>
        </>
      ) : null}
      <ErrorNote error={issue.error ?? block.error} />
    </CustomerShell>
  );
}
