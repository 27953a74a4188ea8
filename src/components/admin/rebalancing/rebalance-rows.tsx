"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { useSession } from "@/components/ui/session";
import { isWaiting, type RebalanceKind, type RebalanceStatus } from "@/domain/rebalance";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPC } from "@/lib/trpc";
import { useMoment } from "../audit/use-moment";
import { ActorLabel } from "../shared/actor-label";
import styles from "../shared/admin.module.css";
import { type Column, RowPanel } from "../shared/data-table";
import { DecisionButtons } from "../shared/decision-buttons";
import { FormField } from "../shared/form-field";
import { useRefreshAdmin } from "../shared/use-refresh-admin";

export interface AdminRebalance {
  id: string;
  agentId: string;
  shopName: string;
  kind: RebalanceKind;
  amount: bigint;
  currency: string;
  bankReference: string | null;
  status: RebalanceStatus;
  requestedAt: Date;
  firstApprovedBy: string | null;
  firstApprovedAt: Date | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
}

const TONE: Record<RebalanceStatus, string> = {
  REQUESTED: "action",
  AWAITING_SECOND: "waiting",
  APPROVED: "done",
  REJECTED: "problem",
  CANCELLED: "closed",
};

export function useRebalanceColumns(): readonly Column[] {
  const t = useTranslations("control.rebalancing");
  return [
    { label: t("colShop") },
    { label: t("colRequest") },
    { label: t("colAmount"), num: true },
    { label: t("colFlows") },
    { label: t("colStatus") },
    { label: t("colDecision"), num: true },
  ];
}
const COLUMN_COUNT = 6;

/** One agent's request: its row, the shop's last week beside it, and the decision. */
export function RebalanceRows({
  request,
  onDecided,
}: {
  request: AdminRebalance;
  onDecided: (message: string) => void;
}) {
  const t = useTranslations("control.rebalancing");
  const { moment } = useMoment();
  const trpc = useTRPC();
  const refresh = useRefreshAdmin();
  const { data: session } = useSession();
  const formId = useId();
  // Approve and reject are two different requests to the server, each with its own key.
  const approveKey = useIdempotencyKey();
  const rejectKey = useIdempotencyKey();
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const decide = useMutation(
    trpc.admin.decideRebalance.mutationOptions({
      onSuccess: async (result) => {
        (result.status === "REJECTED" ? rejectKey : approveKey).rotate();
        setReason("");
        await refresh();
        onDecided(t(`done.${result.status}`, { shop: request.shopName }));
      },
    }),
  );

  function send(approve: boolean) {
    const text = reason.trim();
    // Every decision goes on the record with its reason; the server requires it too.
    if (!text) {
      setProblem(t("reasonRequired"));
      return;
    }
    setProblem(undefined);
    decide.mutate({
      rebalanceId: request.id,
      approve,
      reason: text,
      idempotencyKey: (approve ? approveKey : rejectKey).key(),
    });
  }

  const waitingSecond = request.status === "AWAITING_SECOND";
  const mine = waitingSecond && session?.user.id === request.firstApprovedBy;
  return (
    <tbody data-testid="rebalance-row">
      <tr>
        <td>{request.shopName}</td>
        <td>
          <strong>{t(`kind.${request.kind}`)}</strong>
          {request.bankReference ? (
            <div className={`small ${styles.mono}`}>
              {t("deposit", { reference: request.bankReference })}
            </div>
          ) : null}
          <div className={`muted small ${styles.nowrap}`}>
            {t("requested", { when: moment(request.requestedAt) })}
          </div>
        </td>
        <td className={styles.num}>
          <Money amount={request.amount} currency={request.currency} />
          {request.kind === "SELL_FLOAT" && isWaiting(request.status) ? (
            <div className={`muted small ${styles.amountNote}`}>{t("held")}</div>
          ) : null}
        </td>
        <td>
          <Flows agentId={request.agentId} />
        </td>
        <td>
          <span className={`badge tone-${TONE[request.status]}`}>
            {t(`status.${request.status}`)}
          </span>
          {request.firstApprovedBy ? (
            <div className="small">
              {t.rich("firstApproval", {
                actor: () => <ActorLabel id={request.firstApprovedBy} />,
              })}
              {request.firstApprovedAt ? (
                <div className={`muted ${styles.nowrap}`}>{moment(request.firstApprovedAt)}</div>
              ) : null}
            </div>
          ) : null}
          {request.decidedBy && request.decidedAt ? (
            <div className="small">
              {t.rich(request.status === "CANCELLED" ? "cancelledBy" : "decidedBy", {
                actor: () => <ActorLabel id={request.decidedBy} />,
              })}
              <div className={`muted ${styles.nowrap}`}>{moment(request.decidedAt)}</div>
              {request.decisionReason ? (
                <div className={styles.reasonCell}>
                  {t("quoted", { text: request.decisionReason })}
                </div>
              ) : null}
            </div>
          ) : null}
        </td>
        <td>
          {!isWaiting(request.status) ? (
            <span className="muted small">{t("decided")}</span>
          ) : mine ? (
            <p className={`muted small ${styles.decide}`} style={{ margin: 0 }}>
              {t("mine")}
            </p>
          ) : (
            <div className={styles.decide}>
              <FormField
                formId={formId}
                name="reason"
                label={t("reasonLabel")}
                value={reason}
                onChange={(value) => {
                  setReason(value);
                  if (problem && value.trim()) setProblem(undefined);
                }}
                problem={problem}
                maxLength={500}
                compact
              />
              <DecisionButtons
                pending={decide.isPending ? decide.variables.approve : null}
                onDecide={send}
                approveLabel={waitingSecond ? t("confirm") : undefined}
                end
              />
              <span className="muted small">
                {waitingSecond ? t("confirmHint") : t("approveHint")}
              </span>
            </div>
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

/** The shop's last seven days: what it served, what operators moved, what it asked before. */
function Flows({ agentId }: { agentId: string }) {
  const t = useTranslations("control.rebalancing.flows");
  const trpc = useTRPC();
  const flows = useQuery({
    ...trpc.admin.rebalanceFlows.queryOptions({ agentId }),
    staleTime: 60_000,
  });
  if (flows.isPending) return <div className="skeleton" style={{ height: "3rem" }} />;
  if (!flows.data) return <ErrorNote error={flows.error} />;
  const f = flows.data;
  const money = (amount: bigint) => () => <Money amount={amount} currency={f.currency} />;
  const count = (status: RebalanceStatus) => f.rebalances.filter((r) => r.status === status).length;
  return (
    <div className="small" data-testid="rebalance-flows">
      <div className="muted">{t("title", { days: f.days })}</div>
      <div>{t.rich("cashIn", { count: f.cashInCount, amount: money(f.cashInTotal) })}</div>
      <div>{t.rich("cashOut", { count: f.cashOutCount, amount: money(f.cashOutTotal) })}</div>
      <div>{t.rich("funded", { amount: money(f.fundedTotal) })}</div>
      <div>{t.rich("defloated", { amount: money(f.defloatedTotal) })}</div>
      <div>
        {t("rebalances", {
          count: f.rebalances.length,
          approved: count("APPROVED"),
          rejected: count("REJECTED"),
        })}
      </div>
    </div>
  );
}
