"use client";

import Link from "next/link";
import { Money } from "@/components/ui/money";
import { DISPUTE_KIND_LABEL } from "@/domain/disputes";
import { ActorLabel } from "../shared/actor-label";
import styles from "../shared/admin.module.css";
import { DisputeBadge } from "../shared/dispute-badge";
import { Fact } from "../shared/fact";
import { formatMoment, type OrderDossier } from "../shared/types";

/** The customer's report of a problem with this order, and what operators decided. */
export function OrderDisputeCard({
  dispute,
  currency,
}: {
  dispute: NonNullable<OrderDossier["dispute"]>;
  currency: string;
}) {
  const open = dispute.status === "OPEN" || dispute.status === "UPHOLD_REQUESTED";
  return (
    <section className="card stack" aria-labelledby="dispute-title" data-testid="order-dispute">
      <div className="spread">
        <h2 id="dispute-title">Dispute</h2>
        <DisputeBadge status={dispute.status} />
      </div>
      {open ? (
        <p className="alert warn" style={{ margin: 0 }}>
          {dispute.status === "UPHOLD_REQUESTED"
            ? "An operator asked to uphold this dispute: a second operator confirms or rejects it."
            : "The customer's report is waiting for an operator."}{" "}
          <Link href="/admin/disputes">Open the disputes queue</Link>
        </p>
      ) : null}
      <dl className={styles.facts}>
        <Fact label="Problem">{DISPUTE_KIND_LABEL[dispute.kind]}</Fact>
        <Fact label="Reported">{formatMoment(dispute.openedAt)}</Fact>
        <Fact label="Held on the shop's float">
          <Money amount={dispute.held} currency={currency} />{" "}
          <span className="muted small">{open ? "until decided" : "released when decided"}</span>
        </Fact>
        <Fact label="Uphold asked by">
          {dispute.upholdRequestedBy ? (
            <>
              <ActorLabel id={dispute.upholdRequestedBy} />
              {dispute.upholdRequestedAt ? (
                <div className="muted small">{formatMoment(dispute.upholdRequestedAt)}</div>
              ) : null}
            </>
          ) : (
            <span className="muted">Nobody yet</span>
          )}
        </Fact>
        <Fact label="Customer's note" wide>
          <span className={styles.reasonCell}>&ldquo;{dispute.note}&rdquo;</span>
        </Fact>
        {dispute.decidedBy && dispute.decidedAt ? (
          <Fact label={dispute.status === "UPHELD" ? "Upheld by" : "Rejected by"}>
            <ActorLabel id={dispute.decidedBy} />
            <div className="muted small">{formatMoment(dispute.decidedAt)}</div>
          </Fact>
        ) : null}
        {dispute.decisionNote ? <Fact label="Decision note">{dispute.decisionNote}</Fact> : null}
      </dl>
    </section>
  );
}
