"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { CodeName, StatusBadge } from "@/components/ui/status-badge";
import { useTRPC, useTRPCClient } from "@/lib/trpc";
import styles from "./agent.module.css";
import { AgentTopBar } from "./agent-top-bar";
import { TodayTotals } from "./overview-cards";
import { type AgentHistoryRow, useFormatRowTime } from "./types";

const PAGE_SIZE = 20;

type Cursor = { createdAt: Date; id: string };

/** The shop's past orders. Render it inside AgentGate (the page does). */
export function HistoryScreen() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const t = useTranslations("agent.history");
  const overview = useQuery(trpc.agent.overview.queryOptions());
  const history = useInfiniteQuery({
    // The key tRPC itself would give this procedure's infinite query, so invalidating
    // everything under "agent" after a completed order refreshes this list too.
    queryKey: [["agent", "history"], { input: { limit: PAGE_SIZE }, type: "infinite" }],
    queryFn: ({ pageParam, signal }) =>
      client.agent.history.query(
        pageParam ? { limit: PAGE_SIZE, before: pageParam } : { limit: PAGE_SIZE },
        { signal },
      ),
    initialPageParam: null as Cursor | null,
    // Keyset paging: the next page starts strictly before the last row shown, so rows
    // added meanwhile never shift or repeat what the agent already sees.
    getNextPageParam: (last): Cursor | null => {
      const tail = last.at(-1);
      return last.length < PAGE_SIZE || !tail ? null : { createdAt: tail.createdAt, id: tail.id };
    },
  });

  const rows = history.data?.pages.flat() ?? [];

  return (
    <>
      <AgentTopBar
        shopName={overview.data?.shopName}
        current="history"
        // Owner-only pages stay hidden until the overview says who is serving.
        isOwner={overview.data?.isOwner ?? false}
      />
      <main className="page stack">
        <div className="spread">
          <h1>{t("title")}</h1>
          <Link href="/agent" className="button ghost">
            {t("back")}
          </Link>
        </div>

        <section className="card stack" aria-labelledby="today">
          <h2 id="today">{t("today")}</h2>
          {overview.data ? (
            <TodayTotals overview={overview.data} />
          ) : overview.isError ? (
            <ErrorNote error={overview.error} />
          ) : (
            <div className="skeleton" style={{ height: "4rem" }} />
          )}
        </section>

        <section className="card stack" aria-labelledby="orders">
          <h2 id="orders">{t("orders")}</h2>
          {history.isPending ? (
            <HistorySkeleton />
          ) : !history.data ? (
            <div className="stack">
              <ErrorNote error={history.error} />
              <Button onClick={() => void history.refetch()}>{t("tryAgain")}</Button>
            </div>
          ) : rows.length === 0 ? (
            <p className="muted center" data-testid="history-empty">
              {t("empty")}
            </p>
          ) : (
            <>
              <ul className="list" data-testid="agent-history">
                {rows.map((row) => (
                  <HistoryItem key={row.id} row={row} />
                ))}
              </ul>
              <ErrorNote error={history.error} />
              {history.hasNextPage ? (
                <Button
                  busy={history.isFetchingNextPage}
                  onClick={() => void history.fetchNextPage()}
                >
                  {t("loadMore")}
                </Button>
              ) : (
                <p className="muted small center">{t("everything")}</p>
              )}
            </>
          )}
        </section>
      </main>
    </>
  );
}

function HistoryItem({ row }: { row: AgentHistoryRow }) {
  const t = useTranslations("agent.history");
  const formatRowTime = useFormatRowTime();
  return (
    <li className={styles.rowMain}>
      <div>
        <strong>
          <CodeName group="orderType" code={row.type} />
        </strong>
        <div className="muted small">{formatRowTime(row.completedAt ?? row.createdAt)}</div>
      </div>
      <div>
        <div>{row.customerPhone}</div>
        <div className={`muted small ${styles.reference}`}>{row.reference}</div>
      </div>
      <div className={styles.rowAmounts}>
        <Money amount={row.amount} currency={row.currency} />
        <span className="small muted row">
          {row.status === "COMPLETED" && row.commission !== null ? (
            <span>
              {t.rich("commission", {
                money: () => <Money amount={row.commission ?? 0n} currency={row.currency} />,
              })}
            </span>
          ) : null}
          <StatusBadge status={row.status} closeReason={row.closeReason} />
        </span>
      </div>
    </li>
  );
}

function HistorySkeleton() {
  const t = useTranslations("agent.history");
  return (
    <ul className="list" aria-busy aria-label={t("loading")}>
      {[0, 1, 2, 3].map((i) => (
        <li key={i}>
          <div className="skeleton" style={{ height: "2.4rem" }} />
        </li>
      ))}
    </ul>
  );
}
