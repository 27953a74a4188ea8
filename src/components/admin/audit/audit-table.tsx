"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { NamedChange } from "../settings/named-change";
import { useSettingPathName } from "../settings/setting-names";
import { ActorLabel } from "../shared/actor-label";
import styles from "../shared/admin.module.css";
import { type Column, PagedTable } from "../shared/data-table";
import { type AuditRow, shortId } from "../shared/types";
import { useActionName } from "./action-names";
import { type AuditSearch, useAuditPages } from "./use-audit-pages";
import { useMoment } from "./use-moment";

export function AuditTable({ search, filtered }: { search: AuditSearch; filtered: boolean }) {
  const t = useTranslations("control.audit");
  const { moment } = useMoment();
  const actionName = useActionName();
  const settingName = useSettingPathName();
  const columns: readonly Column[] = [
    { label: t("colTime") },
    { label: t("colActor") },
    { label: t("colAction") },
    { label: t("colEntity") },
    { label: t("colIp") },
    { label: t("colChange") },
  ];
  return (
    <PagedTable
      pages={useAuditPages(search)}
      label={t("loading")}
      testId="audit"
      columns={columns}
      empty={filtered ? t("emptyFiltered") : t("empty")}
      noun={[t("nounOne"), t("nounMany")]}
      filtered={filtered}
    >
      {(rows) => (
        <tbody>
          {rows.map((row) => {
            const name = actionName(row.action);
            return (
              <tr key={String(row.id)} data-testid="audit-row">
                <td className={styles.nowrap}>{moment(row.createdAt)}</td>
                <td>
                  <ActorLabel role={row.actorRole} id={row.actorId} />
                </td>
                <td>
                  {/* The name to read, and the code the search above matches on. */}
                  {name ? <div>{name}</div> : null}
                  <div className={`${styles.mono} ${name ? "muted small" : ""}`}>{row.action}</div>
                </td>
                <td>
                  <Entity row={row} />
                </td>
                <td className={`${styles.mono} small`}>{row.ip ?? "—"}</td>
                <td>
                  <NamedChange
                    before={row.before}
                    after={row.after}
                    name={row.entityType === "settings" ? settingName : () => null}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      )}
    </PagedTable>
  );
}

const ENTITY_NAMES = [
  "order",
  "agent",
  "customer",
  "settings",
  "user",
  "account",
  "operator",
  "card",
] as const;

/** Where the entity has a page of its own, the row leads there. */
function Entity({ row }: { row: AuditRow }) {
  const t = useTranslations("control");
  const id = row.entityId.length > 12 ? shortId(row.entityId) : row.entityId;
  const known = ENTITY_NAMES.find((name) => name === row.entityType);
  const label = (
    <span className={styles.mono} title={row.entityId}>
      {id}
    </span>
  );
  return (
    <span className={styles.nowrap}>
      <span className="muted">{known ? t(`entityType.${known}`) : row.entityType} </span>
      {row.entityType === "order" ? (
        <Link href={`/admin/orders/${row.entityId}`}>{label}</Link>
      ) : row.entityType === "settings" ? (
        <Link href="/admin/settings">{t.rich("audit.settingsVersion", { id: () => label })}</Link>
      ) : (
        label
      )}
    </span>
  );
}
