import { useTranslations } from "next-intl";
import { ActorLabel } from "../shared/actor-label";
import styles from "../shared/admin.module.css";
import { JsonChange } from "../shared/json-change";
import type { OrderDossier } from "../shared/types";
import { useAdminFormats } from "../shared/use-admin-formats";

export function OrderAuditCard({ audit }: { audit: OrderDossier["audit"] }) {
  const t = useTranslations("admin.orders.audit");
  const format = useAdminFormats();
  return (
    <section className="card stack" aria-labelledby="audit-title" data-testid="order-audit">
      <h2 id="audit-title">{t("title")}</h2>
      {audit.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <div className={styles.scroll}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t("time")}</th>
                <th scope="col">{t("action")}</th>
                <th scope="col">{t("actor")}</th>
                <th scope="col">{t("ip")}</th>
                <th scope="col">{t("change")}</th>
              </tr>
            </thead>
            <tbody>
              {audit.map((event) => (
                <tr key={String(event.id)}>
                  <td className={styles.nowrap}>{format.moment(event.at)}</td>
                  <td className={styles.mono}>{event.action}</td>
                  <td>
                    <ActorLabel role={event.actorRole} id={event.actorId} />
                  </td>
                  <td className={`${styles.mono} small`}>{event.ip ?? "—"}</td>
                  <td>
                    <JsonChange before={event.before} after={event.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
