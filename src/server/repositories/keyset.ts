/**
 * The keyset cursor every newest-first list pages with: rows strictly before `before` in
 * (time, id) order, so a page is stable under inserts and costs no OFFSET scan. `key` is the
 * list's time column; ids break ties between rows of the same instant.
 */
export function keysetBefore<K extends string>(key: K, before: { at: Date; id: string }) {
  return {
    OR: [
      { [key]: { lt: before.at } } as Record<K, { lt: Date }>,
      { [key]: before.at, id: { lt: before.id } } as Record<K, Date> & { id: { lt: string } },
    ],
  };
}
