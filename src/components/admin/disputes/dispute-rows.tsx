"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { useSession } from "@/components/ui/session";
import { CodeName, StatusBadge } from "@/components/ui/status-badge";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPC } from "@/lib/trpc";
import { useMoment } from "../audit/use-moment";
import { ActorLabel } from "../shared/actor-label";
import styles from "../shared/admin.module.css";
import { type Column, RowPanel } from "../shared/data-table";
import { DecisionButtons } from "../shared/decision-buttons";
import { DisputeBadge } from "../shared/dispute-badge";
import { FormField } from "../shared/form-field";
import type { AdminDispute } from "../shared/types";
import { useRefreshAdmin } from "../shared/use-refresh-admin";
import { DisputeEvidence } from "./dispute-evidence";

/** The disputes table's headings; a refusal under a row spans all of them. */
export function useDisputeColumns(): readonly Column[] {
  const t = useTranslations("control.disputes");
  return [
    { label: t("colOrder") },
    { label: t("colProblem") },
    { label: t("colCustomer") },
    { label: t("colShop") },
    { label: t("colAmount"), num: true },
    { label: t("colStatus") },
    { label: t("colDecision"), num: true },
  ];
}
const COLUMN_COUNT = 7;

type Decision = "UPHOLD" | "REJECT";

/** One customer's dispute: its row, and under it what the server said to a decision. */
export function DisputeRows({
  dispute,
  onDecided,
}: {
  dispute: AdminDispute;
  onDecided: (message: string) => void;
}) {
  const t = useTranslations("control.disputes");
  const { moment } = useMoment();
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
  const [showEvidence, setShowEvidence] = useState(false);
  const { order } = dispute;
  const customer = order.customerName;
  const decide = useMutation(
    trpc.admin.decideDispute.mutationOptions({
      onSuccess: async (result) => {
        (result.status === "REJECTED" ? rejectKey : upholdKey).rotate();
        setNote("");
        await refresh();
        onDecided(successMessage(result.status, dispute, t));
      },
    }),
  );

  function send(decision: Decision) {
    const text = note.trim();
    // Every decision goes on the record with its reason; the server requires it too.
    if (!text) {
      setProblem(t("noteRequired"));
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
          <strong>
            <CodeName group="disputeKind" code={dispute.kind} />
          </strong>
          {dispute.party === "SHOP" ? <div className="small">{t("byShop")}</div> : null}
          <div>{t("quoted", { text: dispute.note })}</div>
          <div className={`muted small ${styles.nowrap}`}>
            {t("reported", { when: moment(dispute.openedAt) })}
          </div>
          <Button
            variant="ghost"
            aria-expanded={showEvidence}
            onClick={() => setShowEvidence((shown) => !shown)}
          >
            {showEvidence ? t("evidence.hide") : t("evidence.show")}
          </Button>
        </td>
        <td>
          {customer}
          <div className={`muted small ${styles.nowrap}`}>{order.customerPhone}</div>
        </td>
        <td>{order.shopName ?? <span className="muted">{t("noShop")}</span>}</td>
        <td className={styles.num}>
          <Money amount={order.amount} currency={order.currency} />
          {dispute.held > 0n ? (
            <div className={`muted small ${styles.amountNote}`}>
              {t.rich(heldKey(open, dispute.party), {
                amount: () => <Money amount={dispute.held} currency={order.currency} />,
              })}
            </div>
          ) : null}
        </td>
        <td>
          <DisputeBadge status={dispute.status} />
          {waiting && dispute.upholdRequestedBy ? (
            <div className="small">
              {t.rich("waiting", {
                actor: () => <ActorLabel id={dispute.upholdRequestedBy} />,
              })}
              {dispute.upholdRequestedAt ? (
                <div className={`muted ${styles.nowrap}`}>{moment(dispute.upholdRequestedAt)}</div>
              ) : null}
            </div>
          ) : null}
          {dispute.decidedBy && dispute.decidedAt ? (
            <div className="small">
              {dispute.upholdRequestedBy && dispute.status === "UPHELD" ? (
                <div>
                  {t.rich("askedBy", {
                    actor: () => <ActorLabel id={dispute.upholdRequestedBy} />,
                  })}
                </div>
              ) : null}
              <div>
                {t.rich(dispute.status === "UPHELD" ? "confirmedBy" : "decidedBy", {
                  actor: () => <ActorLabel id={dispute.decidedBy} />,
                })}
              </div>
              <div className={`muted ${styles.nowrap}`}>{moment(dispute.decidedAt)}</div>
              {dispute.decisionNote ? (
                <div className={styles.reasonCell}>
                  {t("quoted", { text: dispute.decisionNote })}
                </div>
              ) : null}
            </div>
          ) : null}
        </td>
        <td>
          {!open ? (
            <span className="muted small">{t("decided")}</span>
          ) : waiting && mine ? (
            <p className={`muted small ${styles.decide}`} style={{ margin: 0 }}>
              {t("mine")}
            </p>
          ) : (
            <div className={styles.decide}>
              <FormField
                formId={formId}
                name="note"
                label={t("noteLabel")}
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
                approveLabel={waiting ? t("confirmUphold") : t("uphold")}
                end
              />
              <span className="muted small">{waiting ? t("confirmHint") : t("upholdHint")}</span>
            </div>
          )}
        </td>
      </tr>
      {showEvidence ? (
        <RowPanel columns={COLUMN_COUNT}>
          <DisputeEvidence disputeId={dispute.id} />
        </RowPanel>
      ) : null}
      {decide.error ? (
        <RowPanel columns={COLUMN_COUNT}>
          <ErrorNote error={decide.error} />
        </RowPanel>
      ) : null}
    </tbody>
  );
}

/** Where the hold sits: the shop's float, or the customer's wallet for a shop's report. */
function heldKey(open: boolean, party: AdminDispute["party"]) {
  if (party === "SHOP") return open ? "heldWallet" : "wasHeldWallet";
  return open ? "held" : "wasHeld";
}

function successMessage(
  status: string,
  dispute: AdminDispute,
  t: ReturnType<typeof useTranslations<"control.disputes">>,
): string {
  const { reference, customerName: customer } = dispute.order;
  if (status === "UPHOLD_REQUESTED") return t("doneRequested", { reference });
  if (status === "UPHELD") {
    if (dispute.kind === "CASH_NOT_CREDITED") return t("doneCredited", { reference, customer });
    return dispute.party === "SHOP"
      ? t("doneReversedShop", { reference })
      : t("doneReversed", { reference, customer });
  }
  return t("doneRejected", { reference });
}
