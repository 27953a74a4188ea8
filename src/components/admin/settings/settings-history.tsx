import { ActorLabel } from "../shared/actor-label";
import styles from "../shared/admin.module.css";
import { JsonChange } from "../shared/json-change";
import { formatMoment, type SettingsVersion } from "../shared/types";

/** Newest first; each version beside what it changed from the one before it. */
export function SettingsHistory({
  history,
  editing,
}: {
  history: SettingsVersion[];
  editing: number;
}) {
  return (
    <div className={styles.scroll}>
      <table className={styles.table} data-testid="settings-history">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Saved</th>
            <th scope="col">By</th>
            <th scope="col">Changed from the version before (minor units, bps, seconds)</th>
          </tr>
        </thead>
        <tbody>
          {history.map((v, i) => {
            const previous = history[i + 1];
            return (
              <tr key={v.version}>
                <td className={styles.nowrap}>
                  <strong>{v.version}</strong>{" "}
                  {i === 0 ? <span className={`badge ${styles.badgeActive}`}>Current</span> : null}{" "}
                  {v.version === editing && i !== 0 ? (
                    <span className={`badge ${styles.badgeSuspended}`}>Your form</span>
                  ) : null}
                </td>
                <td className={styles.nowrap}>{formatMoment(v.createdAt)}</td>
                <td>
                  <ActorLabel id={v.createdBy} />
                </td>
                <td>
                  {previous ? (
                    <JsonChange before={previous.settings} after={v.settings} />
                  ) : (
                    <span className="muted small">
                      {v.version === 1 ? "The first version" : "Older versions are not shown"}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
