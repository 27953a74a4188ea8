"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { useTRPC } from "@/lib/trpc";
import { AuditChainCard } from "../audit-chain/audit-chain-card";
import { LoadFailed } from "../shared/load-states";
import r from "../shared/reports.module.css";
import { useAdminFormats } from "../shared/use-admin-formats";
import { CyclingPairsCard } from "./cycling-pairs-card";
import { DailyVolumeChart } from "./daily-volume-chart";
import { MoneyPositionsCard } from "./money-positions-card";
import { OrdersByStatusChart } from "./orders-by-status-chart";
import { OverviewWindowCard } from "./overview-window-card";

export function OverviewScreen() {
  const t = useTranslations("admin.overview");
  const format = useAdminFormats();
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
          <h1>{t("title")}</h1>
          <p className="muted small" style={{ margin: 0 }}>
            {t("intro")}
          </p>
        </div>
        {data ? (
          <div className={r.headActions}>
            <span className="muted small">
              {t("updated", { time: format.time(overview.dataUpdatedAt) })}
            </span>
            <Button busy={overview.isFetching} onClick={() => void overview.refetch()}>
              {t("refresh")}
            </Button>
          </div>
        ) : null}
      </div>

      {overview.isPending ? (
        <OverviewSkeleton />
      ) : !data ? (
        <section className="card stack">
          <h2>{t("failed")}</h2>
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
              title={t("today")}
              span={t("todaySpan")}
              figures={data.today}
              currency={data.currency}
              testId="overview-today"
            />
            <OverviewWindowCard
              title={t("week")}
              span={t("weekSpan")}
              figures={data.week}
              currency={data.currency}
              testId="overview-week"
            />
          </div>
          {data.week.orders === 0 ? (
            <>
              <section className="card" data-testid="overview-empty">
                <p className={`muted ${r.empty}`}>{t("empty")}</p>
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
      <AuditChainCard />
    </div>
  );
}

/** The page's shape in grey, so nothing jumps when the figures arrive. */
function OverviewSkeleton() {
  const t = useTranslations("admin.overview");
  return (
    <div className="stack" role="status" aria-busy aria-label={t("loading")}>
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
