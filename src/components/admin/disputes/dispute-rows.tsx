"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { useSession } from "@/components/ui/session";
import { CodeName, StatusBadge } from "@/components/ui/status-badge";
import { DISPUTE_KIND_LABEL } from "@/domain/disputes";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPC } from "@/lib/trpc";
import { ActorLabel } from "../shared/actor-label";
import styles from "../shared/admin.module.css";
import { type Column, RowPanel } from "../shared/data-table";
import { DecisionButtons } from "../shared/decision-buttons";
import { DisputeBadge } from "../shared/dispute-badge";
import { FormField } from "../shared/form-field";
import { type AdminDispute, formatMoment } from "../shared/types";
import { useRefreshAdmin } from "../shared/use-refresh-admin";

/** The disputes table's headings; a refusal under a row spans all of them. */
export const DISPUTE_COLUMNS: readonly Column[] = [
  { label: "Order" },
  { label: "Problem" },
  { label: "Customer" },
  { label: "Shop" },
  { label: "Amount", num: true },
  { label: "Status" },
  { label: "Decision", num: true },
];

type Decision = "UPHOLD" | "REJECT";

/** One customer's dispute: its row, and under it what the server said to a decision. */
export function DisputeRows({
  dispute,
  onDecided,
}: {
  dispute: AdminDispute;
  onDecided: (message: string) => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshAdmin();
  const { data: session } = useSession();
  const formId = useId();
  // Uphold and reject are two different requests to the server, so each has its own key;
  // pressing the same one again after a lost answer replays instead of deciding twice.
  const upholdKey = useIdempotencyKey();
  const rejectKey = useIdempotencyKey();
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const { order } = dispute;
  const customer = order.customerName;
  const decide = useMutation(
    trpc.admin.decideDispute.mutationOptions({
      onSuccess: async (result) => {
        (result.status === "REJECTED" ? rejectKey : upholdKey).rotate();
        setNote("");
        await refresh();
        onDecided(successMessage(result.status, dispute));
      },
    }),
  );

  function send(decision: Decision) {
    const text = note.trim();
    // Every decision goes on the record with its reason; the server requires it too.
    if (!text) {
      setProblem("Write why: the note goes on the record (and to the customer if rejected)");
      return;
    }
    setProblem(undefined);
    decide.mutate({
      disputeId: dispute.id,
      decision,
      note: text,
      idempotencyKey: (decision === "UPHOLD" ? upholdKey : rejectKey).key(),
    });
  }

  const mine = session?.user.id === dispute.upholdRequestedBy;
  const waiting = dispute.status === "UPHOLD_REQUESTED";
  const open = dispute.status === "OPEN" || waiting;
  return (
    <tbody data-testid="dispute-row">
      <tr>
        <td>
          <Link href={`/admin/orders/${order.id}`} className={`${styles.mono} ${styles.nowrap}`}>
            {order.reference}
          </Link>
          <div className="muted small">
            <CodeName group="orderType" code={order.type} />
          </div>
          <div>
            <StatusBadge status={order.status} />
          </div>
        </td>
        <td className={styles.reasonCell}>
          <strong>{DISPUTE_KIND_LABEL[dispute.kind]}</strong>
          <div>&ldquo;{dispute.note}&rdquo;</div>
          <div className={`muted small ${styles.nowrap}`}>
            reported {formatMoment(dispute.openedAt)}
          </div>
        </td>
        <td>
          {customer}
          <div className={`muted small ${styles.nowrap}`}>{order.customerPhone}</div>
        </td>
        <td>{order.shopName ?? <span className="muted">No shop</span>}</td>
        <td className={styles.num}>
          <Money amount={order.amount} currency={order.currency} />
          {dispute.held > 0n ? (
            <div className={`muted small ${styles.amountNote}`}>
              <Money amount={dispute.held} currency={order.currency} />{" "}
              {open ? "held on the shop's float" : "was held on the shop's float"}
            </div>
          ) : null}
        </td>
        <td>
          <DisputeBadge status={dispute.status} />
          {waiting && dispute.upholdRequestedBy ? (
            <div className="small">
              Waiting for a second operator (asked by <ActorLabel id={dispute.upholdRequestedBy} />)
              {dispute.upholdRequestedAt ? (
                <div className={`muted ${styles.nowrap}`}>
                  {formatMoment(dispute.upholdRequestedAt)}
                </div>
              ) : null}
            </div>
          ) : null}
          {dispute.decidedBy && dispute.decidedAt ? (
            <div className="small">
              {dispute.upholdRequestedBy && dispute.status === "UPHELD" ? (
                <div>
                  asked by <ActorLabel id={dispute.upholdRequestedBy} />
                </div>
              ) : null}
              <div>
                {dispute.status === "UPHELD" ? "confirmed" : "decided"} by{" "}
                <ActorLabel id={dispute.decidedBy} />
              </div>
              <div className={`muted ${styles.nowrap}`}>{formatMoment(dispute.decidedAt)}</div>
              {dispute.decisionNote ? (
                <div className={styles.reasonCell}>&ldquo;{dispute.decisionNote}&rdquo;</div>
              ) : null}
            </div>
          ) : null}
        </td>
        <td>
          {!open ? (
            <span className="muted small">Decided</span>
          ) : waiting && mine ? (
            <p className={`muted small ${styles.decide}`} style={{ margin: 0 }}>
              You asked to uphold this: another operator must confirm or reject it.
            </p>
          ) : (
            <div className={styles.decide}>
              <FormField
                formId={formId}
                name="note"
                label="Decision note"
                value={note}
                onChange={(value) => {
                  setNote(value);
                  if (problem && value.trim()) setProblem(undefined);
                }}
                problem={problem}
                maxLength={500}
                compact
              />
              <DecisionButtons
                pending={decide.isPending ? decide.variables.decision === "UPHOLD" : null}
                onDecide={(uphold) => send(uphold ? "UPHOLD" : "REJECT")}
                approveLabel={waiting ? "Confirm uphold" : "Uphold"}
                end
              />
              <span className="muted small">
                {waiting
                  ? "Confirming moves the money now."
                  : "Uphold asks a second operator to confirm."}
              </span>
            </div>
          )}
        </td>
      </tr>
      {decide.error ? (
        <RowPanel columns={DISPUTE_COLUMNS.length}>
          <ErrorNote error={decide.error} />
        </RowPanel>
      ) : null}
    </tbody>
  );
}

function successMessage(status: string, dispute: AdminDispute): string {
  const { reference, customerName } = dispute.order;
  if (status === "UPHOLD_REQUESTED") {
    return `Uphold requested for ${reference}: waiting for a second operator to confirm`;
  }
  if (status === "UPHELD") {
    return dispute.kind === "CASH_NOT_CREDITED"
      ? `Dispute upheld: ${reference} is credited to ${customerName}'s wallet from the shop's float`
      : `Dispute upheld: ${reference} is reversed and the money is back in ${customerName}'s wallet`;
  }
  return `Dispute rejected: ${reference} stays as it was and the shop's float is released`;
}
