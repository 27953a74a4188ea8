import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";

/** The part of a keyset-paged list (useKeysetPages) a footer needs. */
interface Pages {
  error: { message: string } | null;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * Under a paged list: a failed refresh (the rows already shown stay; say so rather than
 * blank them), then "Load more", or how many rows there are in all once the last page is in.
 */
export function PagesFooter({
  pages,
  count,
  noun,
  filtered = false,
}: {
  pages: Pages;
  count: number;
  /** The row's name, singular and plural: ["order", "orders"]. */
  noun: readonly [string, string];
  filtered?: boolean;
}) {
  return (
    <>
      <ErrorNote error={pages.error} />
      {pages.hasNextPage ? (
        <Button busy={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
          Load more
        </Button>
      ) : (
        <p className="muted small center">
          {count === 1 ? `1 ${noun[0]}` : `${count} ${noun[1]}`}: that is everything
          {filtered ? " matching this search" : ""}.
        </p>
      )}
    </>
  );
}
