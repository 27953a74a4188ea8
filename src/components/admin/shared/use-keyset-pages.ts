"use client";

import { useInfiniteQuery } from "@tanstack/react-query";

/** A cursor by time then id: the position of a row in a newest-first list. */
export type TimeCursor = { createdAt: Date; id: string };

interface Options<Page, Cursor> {
  /**
   * The procedure's tRPC path, e.g. ["admin", "orders"]: the query key is shaped like tRPC's
   * own, so invalidating trpc.admin (after any operator action) refreshes these pages too.
   */
  path: readonly [string, string];
  /** What identifies the list (its filters), for the query key. */
  input: object;
  fetch: (cursor: Cursor | null, signal: AbortSignal) => Promise<Page>;
  /** Where the page after this one starts, or null when this one was the last. */
  next: (page: Page) => Cursor | null;
  /** Open the list further down than its first row (a link into the middle of it). */
  start?: Cursor | null;
}

/**
 * A newest-first list, one keyset page at a time. Each next page starts strictly after the
 * last row shown, so rows added meanwhile at the top never shift or repeat what is shown.
 */
export function useKeysetPages<Page, Cursor>(options: Options<Page, Cursor>) {
  return useInfiniteQuery({
    queryKey: [
      [...options.path],
      { input: { ...options.input, start: options.start ?? null }, type: "infinite" },
    ],
    // TypeScript cannot carry the generic Cursor through useInfiniteQuery's overloads; the
    // page param is always initialPageParam or a value `next` returned, both Cursor | null.
    queryFn: ({ pageParam, signal }) => options.fetch(pageParam as Cursor | null, signal),
    initialPageParam: options.start ?? (null as Cursor | null),
    getNextPageParam: options.next,
  });
}

/** For lists of rows: the cursor of the last row of a full page. */
export function afterLast<Row, Cursor>(
  rows: readonly Row[],
  pageSize: number,
  cursorOf: (row: Row) => Cursor,
): Cursor | null {
  const tail = rows.at(-1);
  return rows.length < pageSize || tail === undefined ? null : cursorOf(tail);
}

export function timeCursor(row: TimeCursor): TimeCursor {
  return { createdAt: row.createdAt, id: row.id };
}
