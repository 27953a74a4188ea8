"use client";

import Link from "next/link";
import { ActorLabel } from "../shared/actor-label";
import styles from "../shared/admin.module.css";
import { JsonChange } from "../shared/json-change";
import { LoadFailed, TableSkeleton } from "../shared/load-states";
import { PagesFooter } from "../shared/pages-footer";
import { type AuditRow, formatMoment, shortId } from "../shared/types";
import { type AuditSearch, useAuditPages } from "./use-audit-pages";

export function AuditTable({ search, filtered }: { search: AuditSearch; filtered: boolean }) {
  const audit = useAuditPages(search);
  const rows = audit.data?.pages.flat() ?? [];

  if (audit.isPending) return <TableSkeleton label="Loading the audit log" />;
  if (!audit.data) {
    return (
      <LoadFailed
        error={audit.error}
        busy={audit.isFetching}
        onRetry={() => void audit.refetch()}
      />
    );
  }
  if (rows.length === 0) {
    return (
      <p className="muted center" data-testid="audit-empty">
        {filtered
          ? "Nothing in the audit log matches this search."
          : "The audit log is empty: nothing has changed yet."}
      </p>
    );
  }
  return (
    <div className="stack">
      <table className={styles.table} data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Entity</th>
            <th scope="col">IP</th>
            <th scope="col">Before → after</th>
          </tr>
        </thead>
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
      </table>
      <PagesFooter
        pages={audit}
        count={rows.length}
        noun={["event", "events"]}
        filtered={filtered}
      />
    </div>
  );
}

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
