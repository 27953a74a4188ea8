import { ActorLabel } from "../shared/actor-label";
import styles from "../shared/admin.module.css";
import { JsonChange } from "../shared/json-change";
import { formatMoment, type OrderDossier } from "../shared/types";

export function OrderAuditCard({ audit }: { audit: OrderDossier["audit"] }) {
  return (
    <section className="card stack" aria-labelledby="audit-title" data-testid="order-audit">
      <h2 id="audit-title">Audit events</h2>
      {audit.length === 0 ? (
        <p className="muted">No audit events for this order.</p>
      ) : (
        <div className={styles.scroll}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Action</th>
                <th scope="col">Actor</th>
                <th scope="col">IP</th>
                <th scope="col">Before → after</th>
              </tr>
            </thead>
            <tbody>
              {audit.map((event) => (
                <tr key={String(event.id)}>
                  <td className={styles.nowrap}>{formatMoment(event.at)}</td>
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
