"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { useSession } from "@/components/ui/session";
import { StatusBadge, typeLabel } from "@/components/ui/status-badge";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPC } from "@/lib/trpc";
import { ActorLabel } from "../shared/actor-label";
import styles from "../shared/admin.module.css";
import { ReversalBadge } from "../shared/reversal-badge";
import { type AdminReversal, formatMoment } from "../shared/types";
import { useRefreshAdmin } from "../shared/use-refresh-admin";

/** Must match the header cells of ReversalsTable, so a refusal spans the whole row. */
export const REVERSAL_COLUMNS = 7;

/** One reversal request: its row, and under it what the server said to a decision. */
export function ReversalRows({
  reversal,
  onDecided,
}: {
  reversal: AdminReversal;
  onDecided: (message: string) => void;
}) {
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
          result.status === "APPROVED"
            ? `Reversal approved: ${reversal.order.reference} is reversed and its money moved back`
            : `Reversal rejected: ${reversal.order.reference} stays completed`,
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
  const pressed = decide.isPending ? decide.variables.approve : null;
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
          <div className="muted small">{typeLabel(order.type)}</div>
        </td>
        <td className={styles.num}>
          <Money amount={order.amount} currency={order.currency} />
          <div className="muted small">
            fee <Money amount={order.fee} currency={order.currency} />
          </div>
        </td>
        <td>
          <StatusBadge status={order.status} />
        </td>
        <td className={styles.reasonCell}>{reversal.reason}</td>
        <td>
          <ActorLabel id={reversal.requestedBy} />
          <div className={`muted small ${styles.nowrap}`}>{formatMoment(reversal.requestedAt)}</div>
        </td>
        <td>
          <ReversalBadge status={reversal.status} />
          {reversal.decidedBy && reversal.decidedAt ? (
            <div className="small">
              by <ActorLabel id={reversal.decidedBy} />
              <div className={`muted ${styles.nowrap}`}>{formatMoment(reversal.decidedAt)}</div>
              {reversal.decisionNote ? (
                <div className={styles.reasonCell}>&ldquo;{reversal.decisionNote}&rdquo;</div>
              ) : null}
            </div>
          ) : null}
        </td>
        <td>
          {open ? (
            <div className={styles.decide}>
              <label className="small" htmlFor={`${id}-note`}>
                Note
              </label>
              <input
                id={`${id}-note`}
                name="note"
                className={styles.compactInput}
                autoComplete="off"
                maxLength={500}
                placeholder="Optional"
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
              <div className="row" style={{ gap: "0.4rem", justifyContent: "flex-end" }}>
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
              {mine ? (
                <span className="muted small">You requested this: another operator decides.</span>
              ) : null}
            </div>
          ) : (
            <span className="muted small">Decided</span>
          )}
        </td>
      </tr>
      {decide.error ? (
        <tr>
          <td colSpan={REVERSAL_COLUMNS} className={styles.panel}>
            <ErrorNote error={decide.error} />
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}
