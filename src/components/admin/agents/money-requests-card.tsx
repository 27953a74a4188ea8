"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { useSession } from "@/components/ui/session";
import { formatMinor } from "@/domain/money";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPC } from "@/lib/trpc";
import { ActorAt } from "../shared/actor-label";
import styles from "../shared/admin.module.css";
import { type Column, DataTable, Loaded, RowPanel } from "../shared/data-table";
import { DecisionButtons } from "../shared/decision-buttons";
import { Notice } from "../shared/notice";
import type { MoneyRequest } from "../shared/types";
import { useRefreshAdmin } from "../shared/use-refresh-admin";
import { MOVES } from "./money-move-form";

const MONEY_REQUEST_COLUMNS: readonly Column[] = [
  { label: "Movement" },
  { label: "Agent" },
  { label: "Amount", num: true },
  { label: "Bank reference" },
  { label: "Recorded by" },
  { label: "Decision" },
];

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
      <Loaded query={requests} label="Loading movements waiting for approval">
        {(waiting) =>
          waiting.length === 0 ? (
            <p className="muted small">No bank movement is waiting for approval.</p>
          ) : (
            <DataTable testId="money-requests" columns={MONEY_REQUEST_COLUMNS}>
              {waiting.map((r) => (
                <MoneyRequestRow key={r.id} request={r} onDecided={setNotice} />
              ))}
            </DataTable>
          )
        }
      </Loaded>
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
          <ActorAt id={request.requestedBy} at={request.requestedAt} />
        </td>
        <td>
          {mine ? (
            <span className="muted small">You recorded this: another operator decides.</span>
          ) : (
            <DecisionButtons
              pending={decide.isPending ? decide.variables.approve : null}
              onDecide={send}
            />
          )}
        </td>
      </tr>
      {decide.error ? (
        <RowPanel columns={MONEY_REQUEST_COLUMNS.length}>
          <ErrorNote error={decide.error} />
        </RowPanel>
      ) : null}
    </tbody>
  );
}
