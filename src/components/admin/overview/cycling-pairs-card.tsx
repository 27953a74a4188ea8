"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { useTRPC } from "@/lib/trpc";
import styles from "../shared/admin.module.css";
import { LoadFailed, TableSkeleton } from "../shared/load-states";
import r from "../shared/reports.module.css";
import { formatMoment } from "../shared/types";

/**
 * Customer–agent pairs that both cash in and cash out with each other this week. Prices are
 * checked so that a round trip of one amount never pays; this shows the pattern anyway (other
 * amounts, earning on limits later, a shop paying customers to come round) for a person to
 * look into.
 */
export function CyclingPairsCard() {
  const trpc = useTRPC();
  const cycling = useQuery(
    trpc.admin.cyclingPairs.queryOptions(undefined, { refetchInterval: 60_000 }),
  );
  const data = cycling.data;

  return (
    <section className="card stack" aria-labelledby="cycling-title" data-testid="cycling-pairs">
      <div>
        <h2 id="cycling-title">Customers and agents cycling money</h2>
        <p className="muted small" style={{ margin: 0 }}>
          {data
            ? `Pairs with at least ${data.minCashIns} completed cash-ins and ${data.minCashOuts} cash-outs between them in the last ${data.windowDays} days, the best-paid agents first.`
            : "Pairs that both cash in and cash out with each other this week."}
        </p>
      </div>
      {cycling.isPending ? (
        <TableSkeleton label="Loading cycling pairs" rows={2} />
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
            No customer–agent pairs are cycling money.
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
                  <th scope="col">Customer</th>
                  <th scope="col">Agent</th>
                  <th scope="col" className={styles.num}>
                    Cash-ins
                  </th>
                  <th scope="col" className={styles.num}>
                    Cash-outs
                  </th>
                  <th scope="col" className={styles.num}>
                    Commission earned
                  </th>
                  <th scope="col">Last seen</th>
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
                          Orders between them
                        </Link>
                      </div>
                    </td>
                    <td className={styles.num}>
                      {p.cashIns} · <Money amount={p.cashInVolume} currency={p.currency} />
                    </td>
                    <td className={styles.num}>
                      {p.cashOuts} · <Money amount={p.cashOutVolume} currency={p.currency} />
                    </td>
                    <td className={styles.num}>
                      <Money amount={p.commission} currency={p.currency} />
                    </td>
                    <td>{formatMoment(p.lastSeen)}</td>
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
