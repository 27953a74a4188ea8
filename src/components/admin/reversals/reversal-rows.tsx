"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { useSession } from "@/components/ui/session";
import { CodeName, StatusBadge } from "@/components/ui/status-badge";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPC } from "@/lib/trpc";
import { useMoment } from "../audit/use-moment";
import { ActorAt, ActorLabel } from "../shared/actor-label";
import styles from "../shared/admin.module.css";
import { type Column, RowPanel } from "../shared/data-table";
import { DecisionButtons } from "../shared/decision-buttons";
import { ReversalBadge } from "../shared/reversal-badge";
import type { AdminReversal } from "../shared/types";
import { useRefreshAdmin } from "../shared/use-refresh-admin";

/** The reversals table's headings; a refusal under a row spans all of them. */
export function useReversalColumns(): readonly Column[] {
  const t = useTranslations("control.reversals");
  return [
    { label: t("colOrder") },
    { label: t("colAmount"), num: true },
    { label: t("colOrderStatus") },
    { label: t("colReason") },
    { label: t("colRequested") },
    { label: t("colDecision") },
    { label: t("colActions"), num: true },
  ];
}
const COLUMN_COUNT = 7;

/** One reversal request: its row, and under it what the server said to a decision. */
export function ReversalRows({
  reversal,
  onDecided,
}: {
  reversal: AdminReversal;
  onDecided: (message: string) => void;
}) {
  const t = useTranslations("control.reversals");
  const { moment } = useMoment();
  const trpc = useTRPC();
  const refresh = useRefreshAdmin();
  const { data: session } = useSession();
  const id = useId();
  // Approve and reject are two different requests to the server, so each has its own key;
  // pressing the same one again after a lost answer replays instead of deciding twice.
  const approveKey = useIdempotencyKey();
  const rejectKey = useIdempotencyKey();
  const [note, setNote] = useState("");
  const decide = useMutation(
    trpc.admin.decideReversal.mutationOptions({
      onSuccess: async (result) => {
        (result.status === "APPROVED" ? approveKey : rejectKey).rotate();
        await refresh();
        onDecided(
          t(result.status === "APPROVED" ? "doneApproved" : "doneRejected", {
            reference: reversal.order.reference,
          }),
        );
      },
    }),
  );

  function send(approve: boolean) {
    const text = note.trim();
    decide.mutate({
      reversalId: reversal.id,
      approve,
      ...(text ? { note: text } : {}),
      idempotencyKey: (approve ? approveKey : rejectKey).key(),
    });
  }

  const open = reversal.status === "REQUESTED";
  const mine = session?.user.id === reversal.requestedBy;
  const { order } = reversal;
  return (
    <tbody data-testid="reversal-row">
      <tr>
        <td>
          <Link
            href={`/admin/orders/${reversal.orderId}`}
            className={`${styles.mono} ${styles.nowrap}`}
          >
            {order.reference}
          </Link>
          <div className="muted small">
            <CodeName group="orderType" code={order.type} />
          </div>
        </td>
        <td className={styles.num}>
          <Money amount={order.amount} currency={order.currency} />
          <div className="muted small">
            {t.rich("fee", {
              amount: () => <Money amount={order.fee} currency={order.currency} />,
            })}
          </div>
        </td>
        <td>
          <StatusBadge status={order.status} />
        </td>
        <td className={styles.reasonCell}>{reversal.reason}</td>
        <td>
          <ActorAt id={reversal.requestedBy} at={reversal.requestedAt} />
        </td>
        <td>
          <ReversalBadge status={reversal.status} />
          {reversal.decidedBy && reversal.decidedAt ? (
            <div className="small">
              {t.rich("by", { actor: () => <ActorLabel id={reversal.decidedBy} /> })}
              <div className={`muted ${styles.nowrap}`}>{moment(reversal.decidedAt)}</div>
              {reversal.decisionNote ? (
                <div className={styles.reasonCell}>
                  {t("quoted", { text: reversal.decisionNote })}
                </div>
              ) : null}
            </div>
          ) : null}
        </td>
        <td>
          {open ? (
            <div className={styles.decide}>
              <label className="small" htmlFor={`${id}-note`}>
                {t("note")}
              </label>
              <input
                id={`${id}-note`}
                name="note"
                className={styles.compactInput}
                autoComplete="off"
                maxLength={500}
                placeholder={t("optional")}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
              <DecisionButtons
                pending={decide.isPending ? decide.variables.approve : null}
                onDecide={send}
                end
              />
              {mine ? <span className="muted small">{t("mine")}</span> : null}
            </div>
          ) : (
            <span className="muted small">{t("decided")}</span>
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
