import { useTranslations } from "next-intl";
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
  /**
   * How many rows, in words: a function giving the whole phrase in the screen's language
   * (`(count) => t("orders", { count })` with an ICU plural), or, as before, the row's English
   * name singular and plural: ["order", "orders"].
   */
  noun: readonly [string, string] | ((count: number) => string);
  filtered?: boolean;
}) {
  const t = useTranslations("admin.shared.pages");
  const rows =
    typeof noun === "function" ? noun(count) : count === 1 ? `1 ${noun[0]}` : `${count} ${noun[1]}`;
  return (
    <>
      <ErrorNote error={pages.error} />
      {pages.hasNextPage ? (
        <Button busy={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
          {t("more")}
        </Button>
      ) : (
        <p className="muted small center">
          {filtered ? t("everythingFiltered", { rows }) : t("everything", { rows })}
        </p>
      )}
    </>
  );
}
