"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActorLabel } from "../shared/actor-label";
import styles from "../shared/admin.module.css";
import { Notice } from "../shared/notice";
import { ReversalBadge } from "../shared/reversal-badge";
import type { OrderDossier } from "../shared/types";
import { useAdminFormats } from "../shared/use-admin-formats";
import { RequestReversalForm } from "./request-reversal-form";

export function OrderReversalCard({ order }: { order: OrderDossier }) {
  // Lives here, not in the form: once the request exists the form gives way to the
  // waiting notice, and the confirmation must survive that.
  const [requested, setRequested] = useState(false);
  const t = useTranslations("admin.orders.reversals");
  const format = useAdminFormats();
  const waiting = order.reversals.find((r) => r.status === "REQUESTED");

  return (
    <section className="card stack" aria-labelledby="reversals-title" data-testid="order-reversals">
      <h2 id="reversals-title">{t("title")}</h2>
      {requested ? <Notice onDismiss={() => setRequested(false)}>{t("requested")}</Notice> : null}
      {order.status === "COMPLETED" && !waiting ? (
        <div className={styles.panelBox}>
          <p className="small muted" style={{ marginBottom: "0.6rem" }}>
            {t("explain")}
          </p>
          <RequestReversalForm orderId={order.id} onDone={() => setRequested(true)} />
        </div>
      ) : null}
      {waiting && !requested ? (
        <p className="alert warn">
          {t("waiting")} <Link href="/admin/reversals">{t("openQueue")}</Link>
        </p>
      ) : null}
      {order.reversals.length === 0 ? (
        <p className="muted small" style={{ margin: 0 }}>
          {order.status === "COMPLETED"
            ? t("none")
            : t("noneNotCompleted", { status: order.status, raw: order.status.toLowerCase() })}
        </p>
      ) : (
        <ul className="list">
          {order.reversals.map((r) => (
            <li key={r.id} className="stack" style={{ gap: "0.3rem" }}>
              <div className="spread">
                <ReversalBadge status={r.status} />
                <span className={`muted small ${styles.nowrap}`}>
                  {format.moment(r.requestedAt)}
                </span>
              </div>
              <div>{r.reason}</div>
              <div className="small muted">
                {t.rich("requestedBy", { who: () => <ActorLabel id={r.requestedBy} /> })}
                {r.decidedBy && r.decidedAt ? (
                  <>
                    {" · "}
                    {t.rich(r.status === "APPROVED" ? "approvedBy" : "rejectedBy", {
                      who: () => <ActorLabel id={r.decidedBy} />,
                      at: format.moment(r.decidedAt),
                    })}
                  </>
                ) : null}
              </div>
              {r.decisionNote ? (
                <div className="small">{t("decisionNote", { note: r.decisionNote })}</div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
