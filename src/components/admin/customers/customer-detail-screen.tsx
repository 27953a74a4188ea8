"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Money } from "@/components/ui/money";
import { CodeBadge } from "@/components/ui/status-badge";
import { useTRPC } from "@/lib/trpc";
import styles from "../shared/admin.module.css";
import { BackLink } from "../shared/back-link";
import { DataTable } from "../shared/data-table";
import { Fact } from "../shared/fact";
import { LoadFailed } from "../shared/load-states";
import { OrderListRows, useOrderColumns } from "../shared/order-list-table";
import { useAdminFormats } from "../shared/use-admin-formats";
import { CustomerCardSection } from "./customer-card-section";

export function CustomerDetailScreen({ userId }: { userId: string }) {
  const t = useTranslations("admin.customers.detail");
  return (
    <>
      <div>
        <BackLink fallback="/admin/customers">{t("back")}</BackLink>
      </div>
      <CustomerDetail userId={userId} />
    </>
  );
}

function CustomerDetail({ userId }: { userId: string }) {
  const trpc = useTRPC();
  const customer = useQuery(trpc.admin.customer.queryOptions({ userId }));
  const t = useTranslations("admin.customers.detail");
  const format = useAdminFormats();
  const orderColumns = useOrderColumns(false);

  if (customer.isPending) {
    return (
      <div className="stack" role="status" aria-busy aria-label={t("loading")}>
        <div className="skeleton" style={{ height: "10rem" }} />
        <div className="skeleton" style={{ height: "8rem" }} />
        <div className="skeleton" style={{ height: "14rem" }} />
      </div>
    );
  }
  if (!customer.data) {
    // A mistyped id fails the input check (BAD_REQUEST); to the operator that is also "no such customer".
    const code = customer.error?.data?.code;
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") {
      return (
        <section className="card stack" data-testid="customer-not-found">
          <h1>{t("notFound")}</h1>
          <p className="muted">
            {t.rich("notFoundHelp", {
              link: (chunks) => <Link href="/admin/customers">{chunks}</Link>,
            })}
          </p>
        </section>
      );
    }
    return (
      <section className="card stack">
        <h1>{t("title")}</h1>
        <LoadFailed
          error={customer.error}
          busy={customer.isFetching}
          onRetry={() => void customer.refetch()}
        />
      </section>
    );
  }
  const c = customer.data;
  return (
    <>
      <section className="card stack" data-testid="customer-profile">
        <div className="spread">
          <h1>{c.name}</h1>
          <CodeBadge group="accountStatus" code={c.status === "LOCKED" ? "LOCKED" : "ACTIVE"} />
        </div>
        <dl className={styles.facts}>
          <Fact label={t("phone")}>{c.phone}</Fact>
          <Fact label={t("tier")}>{t("tierN", { tier: c.kycTier })}</Fact>
          <Fact label={t("joined")}>{format.day(c.createdAt)}</Fact>
          <Fact label={t("id")}>
            <span className={styles.mono}>{c.id}</span>
          </Fact>
        </dl>
      </section>
      <section className="card stack" data-testid="customer-wallets">
        <h2>{t("wallet")}</h2>
        {c.accounts.length === 0 ? (
          <p className="muted">{t("noWallet")}</p>
        ) : (
          <DataTable
            columns={[
              { label: t("currency") },
              { label: t("balance"), num: true },
              { label: t("onHold"), num: true },
              { label: t("ledger"), num: true },
            ]}
          >
            <tbody>
              {c.accounts.map((a) => (
                <tr key={a.id.toString()}>
                  <td>{a.currency}</td>
                  <td className={styles.num}>
                    <Money amount={a.balance} currency={a.currency} />
                  </td>
                  <td className={styles.num}>
                    <Money amount={a.onHold} currency={a.currency} />
                  </td>
                  <td className={styles.num}>
                    <Link href={`/admin/ledger/accounts/${a.id.toString()}`}>{t("statement")}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
      <CustomerCardSection userId={c.id} />
      <section className="card stack">
        <h2>{t("recentOrders")}</h2>
        {c.recentOrders.length === 0 ? (
          <p className="muted" data-testid="customer-orders-empty">
            {t("noOrders")}
          </p>
        ) : (
          <DataTable testId="customer-orders-table" columns={orderColumns}>
            <OrderListRows orders={c.recentOrders} withParties={false} />
          </DataTable>
        )}
        {c.recentOrders.length >= 20 ? (
          <p className="muted small">{t("onlyRecent", { count: 20 })}</p>
        ) : null}
      </section>
    </>
  );
}
