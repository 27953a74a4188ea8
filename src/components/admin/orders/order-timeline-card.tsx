import { useTranslations } from "next-intl";
import { StatusBadge } from "@/components/ui/status-badge";
import { CLOSE_REASON } from "@/domain/close-reasons";
import { ActorLabel } from "../shared/actor-label";
import styles from "../shared/admin.module.css";
import type { OrderDossier } from "../shared/types";
import { useAdminFormats } from "../shared/use-admin-formats";

export function OrderTimelineCard({ timeline }: { timeline: OrderDossier["timeline"] }) {
  const t = useTranslations("admin.orders.timeline");
  const format = useAdminFormats();
  return (
    <section className="card stack" aria-labelledby="timeline-title" data-testid="order-timeline">
      <h2 id="timeline-title">{t("title")}</h2>
      {timeline.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <ol className="list">
          {timeline.map((step) => (
            <li key={`${step.at.getTime()}-${step.to}`} className="stack" style={{ gap: "0.3rem" }}>
              <div className="spread">
                <span className="row" style={{ gap: "0.4rem" }}>
                  {step.from ? (
                    <>
                      <StatusBadge status={step.from} />
                      <span aria-hidden="true">→</span>
                      <span className="sr-only">{t("to")}</span>
                    </>
                  ) : null}
                  <StatusBadge
                    status={step.to}
                    closeReason={
                      // The customer's own no to a cash-out ends DECLINED too: it reads "Rejected".
                      step.to === "DECLINED" && step.actorRole === "CUSTOMER"
                        ? CLOSE_REASON.rejectedByCustomer
                        : null
                    }
                  />
                </span>
                <span className={`muted small ${styles.nowrap}`}>{format.moment(step.at)}</span>
              </div>
              <div className="small">
                {t.rich("by", {
                  who: () => <ActorLabel role={step.actorRole} id={step.actorId} />,
                })}
                {step.detail ? <span className="muted"> · {step.detail}</span> : null}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
