"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { useTRPC } from "@/lib/trpc";
import styles from "../shared/admin.module.css";
import { LoadFailed, TableSkeleton } from "../shared/load-states";
import r from "../shared/reports.module.css";
import { useAdminFormats } from "../shared/use-admin-formats";

/**
 * Customer–agent pairs that both cash in and cash out with each other this week. Prices are
 * checked so that a round trip of one amount never pays; this shows the pattern anyway (other
 * amounts, earning on limits later, a shop paying customers to come round) for a person to
 * look into.
 */
export function CyclingPairsCard() {
  const t = useTranslations("admin.overview.cycling");
  const format = useAdminFormats();
  const trpc = useTRPC();
  const cycling = useQuery(
    trpc.admin.cyclingPairs.queryOptions(undefined, { refetchInterval: 60_000 }),
  );
  const data = cycling.data;

  return (
    <section className="card stack" aria-labelledby="cycling-title" data-testid="cycling-pairs">
      <div>
        <h2 id="cycling-title">{t("title")}</h2>
        <p className="muted small" style={{ margin: 0 }}>
          {data
            ? t("intro", {
                cashIns: data.minCashIns,
                cashOuts: data.minCashOuts,
                days: data.windowDays,
              })
            : t("introLoading")}
        </p>
      </div>
      {cycling.isPending ? (
        <TableSkeleton label={t("loading")} rows={2} />
      ) : !data ? (
        <LoadFailed
          error={cycling.error}
          busy={cycling.isFetching}
          onRetry={() => void cycling.refetch()}
        />
      ) : data.pairs.length === 0 ? (
        <>
          <ErrorNote error={cycling.error} />
          <p className={`muted ${r.empty}`} data-testid="cycling-pairs-empty">
            {t("empty")}
          </p>
        </>
      ) : (
        <>
          {/* A failed refresh keeps the rows already shown; say so rather than blank them. */}
          <ErrorNote error={cycling.error} />
          <div className={styles.scroll}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">{t("customer")}</th>
                  <th scope="col">{t("agent")}</th>
                  <th scope="col" className={styles.num}>
                    {t("cashIns")}
                  </th>
                  <th scope="col" className={styles.num}>
                    {t("cashOuts")}
                  </th>
                  <th scope="col" className={styles.num}>
                    {t("commission")}
                  </th>
                  <th scope="col">{t("lastSeen")}</th>
                </tr>
              </thead>
              <tbody>
                {data.pairs.map((p) => (
                  <tr
                    key={`${p.customer.id}-${p.agent.id}-${p.currency}`}
                    data-testid="cycling-pair"
                  >
                    <td>
                      <Link href={`/admin/customers/${p.customer.id}`}>{p.customer.name}</Link>
                      <div className="muted small">{p.customer.phone}</div>
                    </td>
                    <td>
                      {p.agent.shopName}
                      <div className="small">
                        <Link
                          href={`/admin/orders?agent=${p.agent.id}&phone=${encodeURIComponent(p.customer.phone)}`}
                        >
                          {t("ordersBetween")}
                        </Link>
                      </div>
                    </td>
                    <td className={styles.num}>
                      {format.count(p.cashIns)} ·{" "}
                      <Money amount={p.cashInVolume} currency={p.currency} />
                    </td>
                    <td className={styles.num}>
                      {format.count(p.cashOuts)} ·{" "}
                      <Money amount={p.cashOutVolume} currency={p.currency} />
                    </td>
                    <td className={styles.num}>
                      <Money amount={p.commission} currency={p.currency} />
                    </td>
                    <td>{format.moment(p.lastSeen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
