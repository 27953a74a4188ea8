"use client";

import type { ReactNode } from "react";
import styles from "./admin.module.css";
import { LoadFailed, TableSkeleton } from "./load-states";
import { PagesFooter } from "./pages-footer";

/**
 * A column heading: `num` right-aligns it over amounts and counts; `hidden` keeps it for
 * screen readers only (a column of links that need no visible title).
 */
export interface Column {
  label: string;
  num?: boolean;
  hidden?: boolean;
}

/**
 * An admin table: `data-testid` names it for tests, the headings come from `columns`, and the
 * body is the caller's (one <tbody> per row where a row opens a panel under itself).
 */
export function DataTable({
  testId,
  columns,
  children,
}: {
  testId?: string;
  columns: readonly Column[];
  children: ReactNode;
}) {
  return (
    <div className={styles.scroll}>
      <table className={styles.table} data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.num ? styles.num : undefined}>
                {column.hidden ? <span className="sr-only">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        {children}
      </table>
    </div>
  );
}

/** The part of a query (useQuery or useInfiniteQuery) that says whether its data came. */
interface Loading<Data> {
  isPending: boolean;
  isFetching: boolean;
  data: Data | undefined;
  error: { message: string } | null;
  refetch: () => Promise<unknown>;
}

/**
 * What a query shows before it has data: grey bars while the first load runs, the server's
 * words and "Try again" when it failed; `children` once the data is in.
 */
export function Loaded<Data>({
  query,
  label,
  rows,
  children,
}: {
  query: Loading<Data>;
  /** Read out while loading: "Loading orders". */
  label: string;
  rows?: number;
  children: (data: Data) => ReactNode;
}) {
  if (query.isPending) return <TableSkeleton label={label} {...(rows ? { rows } : {})} />;
  if (query.data === undefined) {
    return (
      <LoadFailed
        error={query.error}
        busy={query.isFetching}
        onRetry={() => void query.refetch()}
      />
    );
  }
  return children(query.data);
}

/** A keyset-paged list (useKeysetPages): its pages and how to fetch the next one. */
interface Pages<Row> extends Loading<{ pages: Row[][] }> {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * One paged admin list from first load to "that is everything": loading and failed states,
 * the empty sentence (`${testId}-empty`), the table (`${testId}-table`) and its footer.
 */
export function PagedTable<Row>({
  pages,
  label,
  testId,
  columns,
  empty,
  noun,
  filtered = false,
  children,
}: {
  pages: Pages<Row>;
  label: string;
  testId: string;
  columns: readonly Column[];
  empty: string;
  noun: readonly [string, string] | ((count: number) => string);
  filtered?: boolean;
  children: (rows: Row[]) => ReactNode;
}) {
  return (
    <Loaded query={pages} label={label}>
      {(data) => {
        const rows = data.pages.flat();
        if (rows.length === 0) {
          return (
            <p className="muted center" data-testid={`${testId}-empty`}>
              {empty}
            </p>
          );
        }
        return (
          <div className="stack">
            <DataTable testId={`${testId}-table`} columns={columns}>
              {children(rows)}
            </DataTable>
            <PagesFooter pages={pages} count={rows.length} noun={noun} filtered={filtered} />
          </div>
        );
      }}
    </Loaded>
  );
}

/** A full-width row under a table row: its form, its error, the code it produced. */
export function RowPanel({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={columns} className={styles.panel}>
        {children}
      </td>
    </tr>
  );
}
