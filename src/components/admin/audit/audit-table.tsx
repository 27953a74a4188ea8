"use client";

import Link from "next/link";
import { ActorLabel } from "../shared/actor-label";
import styles from "../shared/admin.module.css";
import { type Column, PagedTable } from "../shared/data-table";
import { JsonChange } from "../shared/json-change";
import { type AuditRow, formatMoment, shortId } from "../shared/types";
import { type AuditSearch, useAuditPages } from "./use-audit-pages";

export function AuditTable({ search, filtered }: { search: AuditSearch; filtered: boolean }) {
  return (
    <PagedTable
      pages={useAuditPages(search)}
      label="Loading the audit log"
      testId="audit"
      columns={AUDIT_COLUMNS}
      empty={
        filtered
          ? "Nothing in the audit log matches this search."
          : "The audit log is empty: nothing has changed yet."
      }
      noun={["event", "events"]}
      filtered={filtered}
    >
      {(rows) => (
        <tbody>
          {rows.map((row) => (
            <tr key={String(row.id)} data-testid="audit-row">
              <td className={styles.nowrap}>{formatMoment(row.createdAt)}</td>
              <td>
                <ActorLabel role={row.actorRole} id={row.actorId} />
              </td>
              <td className={styles.mono}>{row.action}</td>
              <td>
                <Entity row={row} />
              </td>
              <td className={`${styles.mono} small`}>{row.ip ?? "—"}</td>
              <td>
                <JsonChange before={row.before} after={row.after} />
              </td>
            </tr>
          ))}
        </tbody>
      )}
    </PagedTable>
  );
}

const AUDIT_COLUMNS: readonly Column[] = [
  { label: "Time" },
  { label: "Actor" },
  { label: "Action" },
  { label: "Entity" },
  { label: "IP" },
  { label: "Before → after" },
];

/** Where the entity has a page of its own, the row leads there. */
function Entity({ row }: { row: AuditRow }) {
  const id = row.entityId.length > 12 ? shortId(row.entityId) : row.entityId;
  const label = (
    <span className={styles.mono} title={row.entityId}>
      {id}
    </span>
  );
  return (
    <span className={styles.nowrap}>
      <span className="muted">{row.entityType} </span>
      {row.entityType === "order" ? (
        <Link href={`/admin/orders/${row.entityId}`}>{label}</Link>
      ) : row.entityType === "settings" ? (
        <Link href="/admin/settings">v{label}</Link>
      ) : (
        label
      )}
    </span>
  );
}
