"use client";

import Link from "next/link";
import { useState } from "react";
import { ActorLabel } from "../shared/actor-label";
import styles from "../shared/admin.module.css";
import { Notice } from "../shared/notice";
import { ReversalBadge } from "../shared/reversal-badge";
import { formatMoment, type OrderDossier } from "../shared/types";
import { RequestReversalForm } from "./request-reversal-form";

export function OrderReversalCard({ order }: { order: OrderDossier }) {
  // Lives here, not in the form: once the request exists the form gives way to the
  // waiting notice, and the confirmation must survive that.
  const [requested, setRequested] = useState(false);
  const waiting = order.reversals.find((r) => r.status === "REQUESTED");

  return (
    <section className="card stack" aria-labelledby="reversals-title" data-testid="order-reversals">
      <h2 id="reversals-title">Reversals</h2>
      {requested ? (
        <Notice onDismiss={() => setRequested(false)}>
          Reversal requested: waiting for a second operator
        </Notice>
      ) : null}
      {order.status === "COMPLETED" && !waiting ? (
        <div className={styles.panelBox}>
          <p className="small muted" style={{ marginBottom: "0.6rem" }}>
            Asks a second operator to undo this order with opposite ledger entries. Nothing moves
            until they approve.
          </p>
          <RequestReversalForm orderId={order.id} onDone={() => setRequested(true)} />
        </div>
      ) : null}
      {waiting && !requested ? (
        <p className="alert warn">
          A reversal is waiting for a second operator.{" "}
          <Link href="/admin/reversals">Open the reversals queue</Link>
        </p>
      ) : null}
      {order.reversals.length === 0 ? (
        <p className="muted small" style={{ margin: 0 }}>
          {order.status === "COMPLETED"
            ? "No reversal requested."
            : `No reversal requested. Only completed orders can be reversed; this one is ${order.status.toLowerCase()}.`}
        </p>
      ) : (
        <ul className="list">
          {order.reversals.map((r) => (
            <li key={r.id} className="stack" style={{ gap: "0.3rem" }}>
              <div className="spread">
                <ReversalBadge status={r.status} />
                <span className={`muted small ${styles.nowrap}`}>
                  {formatMoment(r.requestedAt)}
                </span>
              </div>
              <div>{r.reason}</div>
              <div className="small muted">
                Requested by <ActorLabel id={r.requestedBy} />
                {r.decidedBy && r.decidedAt ? (
                  <>
                    {" "}
                    · {r.status === "APPROVED" ? "approved" : "rejected"} by{" "}
                    <ActorLabel id={r.decidedBy} /> at {formatMoment(r.decidedAt)}
                  </>
                ) : null}
              </div>
              {r.decisionNote ? <div className="small">Decision note: {r.decisionNote}</div> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
