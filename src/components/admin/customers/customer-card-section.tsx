"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { QrCard } from "@/components/ui/qr-card";
import { useTRPC } from "@/lib/trpc";
import { LoadFailed } from "../shared/load-states";
import { formatDay } from "../shared/types";

/**
 * The customer's personal QR card, for an operator: print one to hand over (a customer
 * without a phone at the branch), block a card the holder reports lost with the reason
 * they gave, issue a new one. Every change is audited with the operator's id.
 */
export function CustomerCardSection({ userId }: { userId: string }) {
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
      <h2>Personal QR card</h2>
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
          <p className="muted small">
            Issued {formatDay(view.active.issuedAt)}. Hand it only to the holder, in person.
          </p>
          <div className="row">
            <Button variant="primary" onClick={() => window.print()}>
              Print the card
            </Button>
            <Button busy={issue.isPending} onClick={() => issue.mutate({ userId })}>
              Replace with a new card
            </Button>
            {blocking ? null : (
              <Button variant="danger" onClick={() => setBlocking(true)}>
                Block the card
              </Button>
            )}
          </div>
          {blocking ? (
            <form className="stack" onSubmit={submitBlock}>
              <label className="stack">
                <span>Why is it blocked? (what the holder said)</span>
                <input
                  value={reason}
                  maxLength={200}
                  onChange={(e) => setReason(e.target.value)}
                  placeholder="Lost at the market on Tuesday"
                />
              </label>
              <div className="row">
                <Button type="submit" variant="danger" busy={block.isPending}>
                  Block it now
                </Button>
                <Button onClick={() => setBlocking(false)}>Keep it</Button>
              </div>
            </form>
          ) : null}
        </>
      ) : view ? (
        <div className="row">
          <p className="muted">No working card.</p>
          <Button variant="primary" busy={issue.isPending} onClick={() => issue.mutate({ userId })}>
            Issue a card
          </Button>
        </div>
      ) : null}
      <ErrorNote error={issue.error ?? block.error} />
      {view && view.closed.length > 0 ? (
        <ul className="list small" data-testid="closed-cards">
          {view.closed.map((c) => (
            <li key={c.id}>
              {c.status === "BLOCKED" ? "Blocked" : "Replaced"}{" "}
              {c.closedAt ? formatDay(c.closedAt) : ""} (issued {formatDay(c.issuedAt)})
              {c.reason ? `: ${c.reason}` : ""}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
