"use client";

import { useQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { useTRPC } from "@/lib/trpc";
import { LoadFailed } from "../shared/load-states";
import r from "../shared/reports.module.css";
import { CyclingPairsCard } from "./cycling-pairs-card";
import { DailyVolumeChart } from "./daily-volume-chart";
import { MoneyPositionsCard } from "./money-positions-card";
import { OrdersByStatusChart } from "./orders-by-status-chart";
import { OverviewWindowCard } from "./overview-window-card";

const TIME = new Intl.DateTimeFormat("en-KE", { timeStyle: "medium" });

export function OverviewScreen() {
  const trpc = useTRPC();
  // An operator leaves this open on a second screen; a minute is fresh enough for totals.
  const overview = useQuery(
    trpc.admin.overview.queryOptions(undefined, { refetchInterval: 60_000 }),
  );
  const data = overview.data;

  return (
    <div className="stack" data-testid="overview">
      <div className="spread">
        <div>
          <h1>Overview</h1>
          <p className="muted small" style={{ margin: 0 }}>
            Orders and volume today and over the last 7 days, and where the money stands. Days are
            UTC days: today began at 03:00 Nairobi time.
          </p>
        </div>
        {data ? (
          <div className={r.headActions}>
            <span className="muted small">Updated {TIME.format(overview.dataUpdatedAt)}</span>
            <Button busy={overview.isFetching} onClick={() => void overview.refetch()}>
              Refresh
            </Button>
          </div>
        ) : null}
      </div>

      {overview.isPending ? (
        <OverviewSkeleton />
      ) : !data ? (
        <section className="card stack">
          <h2>The overview did not load</h2>
          <LoadFailed
            error={overview.error}
            busy={overview.isFetching}
            onRetry={() => void overview.refetch()}
          />
        </section>
      ) : (
        <>
          {/* A failed refresh keeps the figures already shown; say so rather than blank them. */}
          <ErrorNote error={overview.error} />
          <div className={r.figureCards}>
            <OverviewWindowCard
              title="Today"
              span="since 00:00 UTC"
              figures={data.today}
              currency={data.currency}
              testId="overview-today"
            />
            <OverviewWindowCard
              title="Last 7 days"
              span="today and the 6 days before"
              figures={data.week}
              currency={data.currency}
              testId="overview-week"
            />
          </div>
          {data.week.orders === 0 ? (
            <>
              <section className="card" data-testid="overview-empty">
                <p className={`muted ${r.empty}`}>
                  No orders in the last 7 days. The charts fill in as soon as customers create
                  orders.
                </p>
              </section>
              <MoneyPositionsCard positions={data.positions} />
            </>
          ) : (
            <>
              <DailyVolumeChart days={data.dailyVolume} currency={data.currency} />
              <div className={r.charts}>
                <OrdersByStatusChart statuses={data.ordersByStatus} />
                <MoneyPositionsCard positions={data.positions} />
              </div>
            </>
          )}
        </>
      )}
      {/* Its own query: a slow or failed look for cycling pairs leaves the figures alone. */}
      <CyclingPairsCard />
    </div>
  );
}

/** The page's shape in grey, so nothing jumps when the figures arrive. */
function OverviewSkeleton() {
  return (
    <div className="stack" role="status" aria-busy aria-label="Loading the overview">
      <div className={r.figureCards}>
        <div className="skeleton" style={{ height: "15rem" }} />
        <div className="skeleton" style={{ height: "15rem" }} />
      </div>
      <div className="skeleton" style={{ height: "24rem" }} />
      <div className={r.charts}>
        <div className="skeleton" style={{ height: "16rem" }} />
        <div className="skeleton" style={{ height: "16rem" }} />
      </div>
    </div>
  );
}
