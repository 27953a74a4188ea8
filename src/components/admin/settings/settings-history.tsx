"use client";

import { useTranslations } from "next-intl";
import { useMoment } from "../audit/use-moment";
import { ActorLabel } from "../shared/actor-label";
import styles from "../shared/admin.module.css";
import type { SettingsVersion } from "../shared/types";
import { NamedChange } from "./named-change";
import { useSettingPathName } from "./setting-names";

/** Newest first; each version beside what it changed from the one before it. */
export function SettingsHistory({
  history,
  editing,
}: {
  history: SettingsVersion[];
  editing: number;
}) {
  const t = useTranslations("control.settings");
  const { moment } = useMoment();
  const pathName = useSettingPathName();
  return (
    <div className={styles.scroll}>
      <table className={styles.table} data-testid="settings-history">
        <thead>
          <tr>
            <th scope="col">{t("colVersion")}</th>
            <th scope="col">{t("colSaved")}</th>
            <th scope="col">{t("colBy")}</th>
            <th scope="col">{t("colChange")}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((v, i) => {
            const previous = history[i + 1];
            return (
              <tr key={v.version}>
                <td className={styles.nowrap}>
                  <strong>{v.version}</strong>{" "}
                  {i === 0 ? (
                    <span className={`badge ${styles.badgeActive}`}>{t("current")}</span>
                  ) : null}{" "}
                  {v.version === editing && i !== 0 ? (
                    <span className={`badge ${styles.badgeSuspended}`}>{t("yourForm")}</span>
                  ) : null}
                </td>
                <td className={styles.nowrap}>{moment(v.createdAt)}</td>
                <td>
                  <ActorLabel id={v.createdBy} />
                </td>
                <td>
                  {previous ? (
                    <NamedChange before={previous.settings} after={v.settings} name={pathName} />
                  ) : (
                    <span className="muted small">
                      {v.version === 1 ? t("firstVersion") : t("olderHidden")}
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
