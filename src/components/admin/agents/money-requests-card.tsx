"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorNote } from "@/components/ui/error-note";
import { Money, useFormatMoney } from "@/components/ui/money";
import { useSession } from "@/components/ui/session";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPC } from "@/lib/trpc";
import { ActorAt } from "../shared/actor-label";
import styles from "../shared/admin.module.css";
import { type Column, DataTable, Loaded, RowPanel } from "../shared/data-table";
import { DecisionButtons } from "../shared/decision-buttons";
import { Notice } from "../shared/notice";
import type { MoneyRequest } from "../shared/types";
import { useRefreshAdmin } from "../shared/use-refresh-admin";

/** How many columns the table has: an error under a row spans all of them. */
const COLUMN_COUNT = 6;

/**
 * Bank movements beyond what one operator may move alone: one operator recorded them,
 * another approves (the money moves then) or rejects them here.
 */
export function MoneyRequestsCard() {
  const trpc = useTRPC();
  const requests = useQuery(trpc.admin.moneyRequests.queryOptions({ status: "REQUESTED" }));
  const [notice, setNotice] = useState<string | null>(null);
  const t = useTranslations("admin.agents.requests");
  const columns: readonly Column[] = [
    { label: t("columns.movement") },
    { label: t("columns.agent") },
    { label: t("columns.amount"), num: true },
    { label: t("columns.reference") },
    { label: t("columns.recordedBy") },
    { label: t("columns.decision") },
  ];
  return (
    <section className="card stack" aria-labelledby="money-requests-title">
      <h2 id="money-requests-title">{t("title")}</h2>
      {notice ? <Notice onDismiss={() => setNotice(null)}>{notice}</Notice> : null}
      <Loaded query={requests} label={t("loading")}>
        {(waiting) =>
          waiting.length === 0 ? (
            <p className="muted small">{t("empty")}</p>
          ) : (
            <DataTable testId="money-requests" columns={columns}>
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
  const t = useTranslations("admin.agents.requests");
  const tMoves = useTranslations("admin.agents.moves");
  const formatMoney = useFormatMoney();
  const decide = useMutation(
    trpc.admin.decideMoneyRequest.mutationOptions({
      onSuccess: async (result) => {
        (result.status === "APPROVED" ? approveKey : rejectKey).rotate();
        await refresh();
        const words = {
          move: request.kind,
          amount: formatMoney(result.amount, result.currency),
          shop: request.shopName,
        };
        onDecided(result.status === "APPROVED" ? t("approved", words) : t("rejected", words));
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
        <td>{tMoves(`${request.kind}.label`)}</td>
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
            <span className="muted small">{t("mine")}</span>
          ) : (
            <DecisionButtons
              pending={decide.isPending ? decide.variables.approve : null}
              onDecide={send}
            />
          )}
        </td>
      </tr>
      {decide.error ? (
        <RowPanel columns={COLUMN_COUNT}>
          <ErrorNote error={decide.error} />
        </RowPanel>
      ) : null}
    </tbody>
  );
}
