"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Money } from "@/components/ui/money";
import { useTRPC } from "@/lib/trpc";
import styles from "../shared/admin.module.css";
import { type Column, DataTable, Loaded } from "../shared/data-table";
import { useAdminFormats } from "../shared/use-admin-formats";

const SHOWN = 20;

/**
 * Customers' reports that a shop asked more than the official fee, newest first: who to call
 * about which order. A shop with three in a month carries the flag (and so does its row).
 */
export function OverchargeReportsCard() {
  const trpc = useTRPC();
  const t = useTranslations("admin.agents.overcharge");
  const format = useAdminFormats();
  const reports = useQuery(trpc.admin.overchargeReports.queryOptions({ limit: SHOWN }));
  const columns: readonly Column[] = [
    { label: t("columns.reported") },
    { label: t("columns.shop") },
    { label: t("columns.order") },
    { label: t("columns.asked"), num: true },
    { label: t("columns.fee"), num: true },
    { label: t("columns.note") },
  ];
  return (
    <section className="card stack" aria-labelledby="overcharge-title">
      <h2 id="overcharge-title">{t("title")}</h2>
      <Loaded query={reports} label={t("loading")}>
        {(rows) =>
          rows.length === 0 ? (
            <p className="muted small">{t("empty")}</p>
          ) : (
            <DataTable testId="overcharge-reports" columns={columns}>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td>{format.moment(r.reportedAt)}</td>
                    <td>
                      {r.shopName}
                      <div className="small muted">
                        {t("monthCount", { count: r.monthReports })}
                        {r.flagged ? (
                          <>
                            {" "}
                            <span className="badge tone-problem">{t("flagged")}</span>
                          </>
                        ) : null}
                      </div>
                    </td>
                    <td>
                      <Link href={`/admin/orders/${r.orderId}`}>{r.reference}</Link>
                    </td>
                    <td className={styles.num}>
                      <Money amount={r.amountAsked} currency={r.currency} />
                    </td>
                    <td className={styles.num}>
                      <Money amount={r.fee} currency={r.currency} />
                    </td>
                    <td>{r.note ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )
        }
      </Loaded>
    </section>
  );
}
