"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { QrCard } from "@/components/ui/qr-card";
import { useTRPC } from "@/lib/trpc";
import { CustomerShell } from "./customer-shell";
import { BackTopBar } from "./top-bar";

const WHEN = new Intl.DateTimeFormat("en-KE", { dateStyle: "medium" });

/**
 * The customer's personal QR card: print it for the days without the phone (a flat battery,
 * a phone lent out, a relative who has none). The card alone moves nothing: at the shop the
 * holder types their PIN on the agent's tablet. Lost: block it here, at once.
 */
export function CardScreen() {
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
    <CustomerShell bar={<BackTopBar title="Personal QR card" heading />}>
      <p className="muted">
        No phone with you? Show this card at any ProxyPay agent and type your PIN on the agent's
        tablet. The card alone cannot move money.
      </p>
      {card.isError ? <ErrorNote error={card.error} /> : null}
      {card.isPending ? (
        <p className="row muted">
          <span className="spinner" aria-hidden /> Loading your card…
        </p>
      ) : null}
      {view?.active ? (
        <>
          <QrCard
            secret={view.active.secret}
            holderName={view.holderName}
            maskedPhone={view.maskedPhone}
          />
          <p className="small muted center">Issued {WHEN.format(view.active.issuedAt)}</p>
          <Button variant="primary" size="big" onClick={() => window.print()}>
            Print the card
          </Button>
          {confirmBlock ? (
            <div className="alert warn stack">
              <p>
                Block this card? It stops working at once, everywhere. You can get a new card
                afterwards; this one never works again.
              </p>
              <div className="grid-2">
                <Button variant="danger" busy={block.isPending} onClick={() => block.mutate()}>
                  Yes, block it
                </Button>
                <Button onClick={() => setConfirmBlock(false)}>Keep it</Button>
              </div>
            </div>
          ) : (
            <Button variant="danger" onClick={() => setConfirmBlock(true)}>
              I lost my card: block it
            </Button>
          )}
          <Button variant="ghost" busy={issue.isPending} onClick={() => issue.mutate()}>
            Replace with a new card (this one stops working)
          </Button>
        </>
      ) : view ? (
        <>
          <p className="alert warn">
            {view.closed[0]?.status === "BLOCKED"
              ? "Your card is blocked. Get a new one to use a card again."
              : "You have no personal card yet."}
          </p>
          <Button
            variant="primary"
            size="big"
            busy={issue.isPending}
            onClick={() => issue.mutate()}
          >
            Get a personal QR card
          </Button>
        </>
      ) : null}
      <ErrorNote error={issue.error ?? block.error} />
    </CustomerShell>
  );
}
