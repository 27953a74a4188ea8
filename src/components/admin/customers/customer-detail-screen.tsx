"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Money } from "@/components/ui/money";
import { CodeBadge } from "@/components/ui/status-badge";
import { useTRPC } from "@/lib/trpc";
import styles from "../shared/admin.module.css";
import { BackLink } from "../shared/back-link";
import { DataTable } from "../shared/data-table";
import { Fact } from "../shared/fact";
import { LoadFailed } from "../shared/load-states";
import { OrderListRows, orderColumns } from "../shared/order-list-table";
import { formatDay } from "../shared/types";
import { CustomerCardSection } from "./customer-card-section";

export function CustomerDetailScreen({ userId }: { userId: string }) {
  return (
    <>
      <div>
        <BackLink fallback="/admin/customers">Back to customers</BackLink>
      </div>
      <CustomerDetail userId={userId} />
    </>
  );
}

function CustomerDetail({ userId }: { userId: string }) {
  const trpc = useTRPC();
  const customer = useQuery(trpc.admin.customer.queryOptions({ userId }));

  if (customer.isPending) {
    return (
      <div className="stack" role="status" aria-busy aria-label="Loading the customer">
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
          <h1>Customer not found</h1>
          <p className="muted">
            No customer has this id. Find them by phone number on the{" "}
            <Link href="/admin/customers">customers</Link> page.
          </p>
        </section>
      );
    }
    return (
      <section className="card stack">
        <h1>Customer</h1>
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
          <Fact label="Phone">{c.phone}</Fact>
          <Fact label="KYC tier">Tier {c.kycTier}</Fact>
          <Fact label="Joined">{formatDay(c.createdAt)}</Fact>
          <Fact label="Customer id">
            <span className={styles.mono}>{c.id}</span>
          </Fact>
        </dl>
      </section>
      <section className="card stack" data-testid="customer-wallets">
        <h2>Wallet</h2>
        {c.accounts.length === 0 ? (
          <p className="muted">No wallet yet.</p>
        ) : (
          <DataTable
            columns={[
              { label: "Currency" },
              { label: "Balance", num: true },
              { label: "On hold", num: true },
              { label: "Ledger", num: true },
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
                    <Link href={`/admin/ledger/accounts/${a.id.toString()}`}>Statement</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
      <CustomerCardSection userId={c.id} />
      <section className="card stack">
        <h2>Recent orders</h2>
        {c.recentOrders.length === 0 ? (
          <p className="muted" data-testid="customer-orders-empty">
            No orders yet.
          </p>
        ) : (
          <DataTable testId="customer-orders-table" columns={orderColumns(false)}>
            <OrderListRows orders={c.recentOrders} withParties={false} />
          </DataTable>
        )}
        {c.recentOrders.length >= 20 ? (
          <p className="muted small">Only the 20 most recent orders are shown.</p>
        ) : null}
      </section>
    </>
  );
}
