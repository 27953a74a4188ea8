"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { useSession } from "@/components/ui/session";
import { formatMinor } from "@/domain/money";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPC } from "@/lib/trpc";
import { ActorLabel } from "../shared/actor-label";
import styles from "../shared/admin.module.css";
import { LoadFailed, TableSkeleton } from "../shared/load-states";
import { Notice } from "../shared/notice";
import { formatMoment, type MoneyRequest } from "../shared/types";
import { useRefreshAdmin } from "../shared/use-refresh-admin";
import { MOVES } from "./money-move-form";

/**
 * Bank movements beyond what one operator may move alone: one operator recorded them,
 * another approves (the money moves then) or rejects them here.
 */
export function MoneyRequestsCard() {
  const trpc = useTRPC();
  const requests = useQuery(trpc.admin.moneyRequests.queryOptions({ status: "REQUESTED" }));
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="card stack" aria-labelledby="money-requests-title">
      <h2 id="money-requests-title">Waiting for a second operator</h2>
      {notice ? <Notice onDismiss={() => setNotice(null)}>{notice}</Notice> : null}
      {requests.isPending ? (
        <TableSkeleton label="Loading movements waiting for approval" />
      ) : !requests.data ? (
        <LoadFailed
          error={requests.error}
          busy={requests.isFetching}
          onRetry={() => void requests.refetch()}
        />
      ) : requests.data.length === 0 ? (
        <p className="muted small">No bank movement is waiting for approval.</p>
      ) : (
        <table className={styles.table} data-testid="money-requests">
          <thead>
            <tr>
              <th scope="col">Movement</th>
              <th scope="col">Agent</th>
              <th scope="col" className={styles.num}>
                Amount
              </th>
              <th scope="col">Bank reference</th>
              <th scope="col">Recorded by</th>
              <th scope="col">Decision</th>
            </tr>
          </thead>
          {requests.data.map((r) => (
            <MoneyRequestRow key={r.id} request={r} onDecided={setNotice} />
          ))}
        </table>
      )}
    </section>
  );
}

function MoneyRequestRow({
  request,
  onDecided,
}: {
  request: MoneyRequest;
  onDecided: (message: string) => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshAdmin();
  const { data: session } = useSession();
  // Approve and reject are different requests, each with its own key (see ReversalRows).
  const approveKey = useIdempotencyKey();
  const rejectKey = useIdempotencyKey();
  const spec = MOVES[request.kind];
  const decide = useMutation(
    trpc.admin.decideMoneyRequest.mutationOptions({
      onSuccess: async (result) => {
        (result.status === "APPROVED" ? approveKey : rejectKey).rotate();
        await refresh();
        const money = formatMinor(result.amount, result.currency);
        onDecided(
          result.status === "APPROVED"
            ? `Approved: ${spec.label.toLowerCase()} of ${money} for ${request.shopName} is recorded`
            : `Rejected: ${spec.label.toLowerCase()} of ${money} for ${request.shopName}; nothing moved`,
        );
      },
    }),
  );
  const mine = session?.user.id === request.requestedBy;
  const pressed = decide.isPending ? decide.variables.approve : null;
  const send = (approve: boolean) =>
    decide.mutate({
      requestId: request.id,
      approve,
      idempotencyKey: (approve ? approveKey : rejectKey).key(),
    });
  return (
    <tbody data-testid="money-request-row">
      <tr>
        <td>{spec.label}</td>
        <td>{request.shopName}</td>
        <td className={styles.num}>
          <Money amount={request.amount} currency={request.currency} />
        </td>
        <td className={styles.mono}>{request.externalRef}</td>
        <td>
          <ActorLabel id={request.requestedBy} />
          <div className={`muted small ${styles.nowrap}`}>{formatMoment(request.requestedAt)}</div>
        </td>
        <td>
          {mine ? (
            <span className="muted small">You recorded this: another operator decides.</span>
          ) : (
            <div className="row" style={{ gap: "0.4rem" }}>
              <Button
                variant="primary"
                className={styles.tableButton}
                busy={pressed === true}
                disabled={decide.isPending}
                onClick={() => send(true)}
              >
                Approve
              </Button>
              <Button
                className={styles.tableButton}
                busy={pressed === false}
                disabled={decide.isPending}
                onClick={() => send(false)}
              >
                Reject
              </Button>
            </div>
          )}
        </td>
      </tr>
      {decide.error ? (
        <tr>
          <td colSpan={6} className={styles.panel}>
            <ErrorNote error={decide.error} />
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}
