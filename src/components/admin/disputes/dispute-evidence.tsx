"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ErrorNote } from "@/components/ui/error-note";
import { useCodeNames } from "@/components/ui/labels";
import { Money } from "@/components/ui/money";
import { useTRPC } from "@/lib/trpc";
import { ActorLabel } from "../shared/actor-label";
import styles from "../shared/admin.module.css";
import { Fact } from "../shared/fact";
import { useAdminFormats } from "../shared/use-admin-formats";

/**
 * What an operator decides a dispute on, under its row: who reported it and what is in
 * dispute, who served the order, every step of the order (who took it, when, why) and the
 * holds on its value.
 */
export function DisputeEvidence({ disputeId }: { disputeId: string }) {
  const t = useTranslations("control.disputes.evidence");
  const names = useCodeNames();
  const format = useAdminFormats();
  const trpc = useTRPC();
  const evidence = useQuery(trpc.admin.disputeEvidence.queryOptions({ disputeId }));

  if (evidence.isPending) {
    return (
      <p className="muted small" role="status">
        {t("loading")}
      </p>
    );
  }
  if (evidence.isError) {
    return (
      <div className="stack">
        <p className="alert warn">{t("error")}</p>
        <ErrorNote error={evidence.error} />
      </div>
    );
  }
  const e = evidence.data;
  const currency = e.order.currency;
  const status = (code: string | null) => (code ? names.orderStatus(code).label : "");
  // The shop's person who scanned the order is the one who served it.
  const served = e.timeline.find((s) => s.to === "CLAIMED");
  return (
    <section
      className="stack"
      data-testid="dispute-evidence"
      aria-label={t("title", { reference: e.order.reference })}
    >
      <dl className={styles.facts}>
        <Fact label={t("openedBy")}>
          {names.kind("disputeParty", e.party)} · {format.moment(e.openedAt)}
        </Fact>
        <Fact label={t("disputed")}>
          <Money amount={e.disputed} currency={currency} />
        </Fact>
        <Fact label={t("servedBy")}>
          {e.order.shopName ?? "—"}
          {served ? (
            <div className="small">
              <ActorLabel role={served.actorRole} id={served.actorId} />
            </div>
          ) : null}
        </Fact>
      </dl>
      <h3>{t("timeline")}</h3>
      {e.timeline.length === 0 ? (
        <p className="muted small">{t("noEvents")}</p>
      ) : (
        <ol className="stack small" data-testid="evidence-timeline">
          {e.timeline.map((step) => (
            <li key={String(step.id)}>
              <strong>
                {step.from
                  ? t("step", { from: status(step.from), to: status(step.to) })
                  : t("created", { to: status(step.to) })}
              </strong>{" "}
              <span className="muted">{format.moment(step.at)}</span>{" "}
              <ActorLabel role={step.actorRole} id={step.actorId} />
              {step.detail ? <div className={styles.reasonCell}>{step.detail}</div> : null}
            </li>
          ))}
        </ol>
      )}
      <h3>{t("holds")}</h3>
      {e.holds.length === 0 ? (
        <p className="muted small">{t("noHolds")}</p>
      ) : (
        <ul className="stack small" data-testid="evidence-holds">
          {e.holds.map((h) => (
            <li key={h.owner}>
              {t("holdOf", { owner: h.owner, account: names.accountKind(h.accountKind) })}:{" "}
              <Money amount={h.amount} currency={currency} />{" "}
              <span className="muted">
                {t("holdState", {
                  status: h.status,
                  when: format.moment(h.resolvedAt ?? h.createdAt),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
