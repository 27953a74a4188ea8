"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ErrorNote } from "@/components/ui/error-note";
import { useTRPC } from "@/lib/trpc";
import styles from "../shared/admin.module.css";
import { LoadFailed, TableSkeleton } from "../shared/load-states";
import r from "../shared/reports.module.css";
import { useAdminFormats } from "../shared/use-admin-formats";
import c from "./audit-chain.module.css";
import { CopyHash } from "./copy-hash";

/** A head's day (YYYY-MM-DD, Nairobi's calendar) as the screen's language writes a day. */
function dayOf(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/**
 * The audit chain's published heads (docs/decisions.md, "Audit chain"): today's, to copy and
 * keep outside the platform, and the last two weeks'. Anyone holding a copied head can later
 * run `npm run audit:verify` and know that no order event or audit entry sealed before it
 * was changed, removed or reordered since.
 */
export function AuditChainCard() {
  const t = useTranslations("admin.auditChain");
  const format = useAdminFormats();
  const trpc = useTRPC();
  // Heads change once a day and links once a minute: a slow refresh is plenty.
  const chain = useQuery(
    trpc.admin.auditChain.queryOptions(undefined, { refetchInterval: 300_000 }),
  );
  const data = chain.data;

  return (
    <section className="card stack" aria-labelledby="audit-chain-title" data-testid="audit-chain">
      <div>
        <h2 id="audit-chain-title">{t("title")}</h2>
        <p className="muted small" style={{ margin: 0 }}>
          {t("intro")}
        </p>
      </div>
      {chain.isPending ? (
        <TableSkeleton label={t("loading")} rows={2} />
      ) : !data ? (
        <LoadFailed
          error={chain.error}
          busy={chain.isFetching}
          onRetry={() => void chain.refetch()}
        />
      ) : (
        <>
          {/* A failed refresh keeps the heads already shown; say so rather than blank them. */}
          <ErrorNote error={chain.error} />
          {data.unsealedCount > 0 ? (
            <p className="alert warn" style={{ margin: 0 }} data-testid="audit-chain-unsealed">
              {t("unsealed", { count: data.unsealedCount, minutes: data.graceMinutes })}
            </p>
          ) : null}
          <div className={c.today} data-testid="audit-chain-today">
            <h3 style={{ margin: 0 }}>{t("today", { day: format.utcDay(dayOf(data.today)) })}</h3>
            {data.todayHead ? (
              <>
                <CopyHash hash={data.todayHead.hash} label={t("todayLabel")} />
                <span className="muted small">
                  {t("headFacts", {
                    seq: format.count(Number(data.todayHead.seq)),
                    time: format.moment(data.todayHead.publishedAt),
                  })}
                </span>
              </>
            ) : (
              <p className="muted" style={{ margin: 0 }} data-testid="audit-chain-no-head">
                {t("notYet")}
              </p>
            )}
            <span className="muted small">
              {t("length", { count: format.count(Number(data.links)) })}
            </span>
          </div>
          <h3 style={{ margin: 0 }}>{t("recent")}</h3>
          {data.heads.length === 0 ? (
            <p className={`muted ${r.empty}`} data-testid="audit-chain-empty">
              {t("empty")}
            </p>
          ) : (
            <div className={styles.scroll}>
              <table className={styles.table}>
                <thead>
                  <tr>
                    <th scope="col">{t("day")}</th>
                    <th scope="col" className={styles.num}>
                      {t("seq")}
                    </th>
                    <th scope="col">{t("hash")}</th>
                    <th scope="col">{t("published")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.heads.map((head) => (
                    <tr key={head.day} data-testid="audit-chain-head">
                      <td>{format.utcDay(dayOf(head.day))}</td>
                      <td className={styles.num}>{format.count(Number(head.seq))}</td>
                      <td>
                        <CopyHash
                          hash={head.hash}
                          label={t("dayLabel", { day: format.utcDay(dayOf(head.day)) })}
                        />
                      </td>
                      <td>{format.moment(head.publishedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="muted small" style={{ margin: 0 }}>
            {t("howToCheck")}
          </p>
        </>
      )}
    </section>
  );
}
