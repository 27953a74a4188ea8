"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { CodeBadge } from "@/components/ui/status-badge";
import { useTRPC } from "@/lib/trpc";
import styles from "../shared/admin.module.css";
import { type Column, RowPanel } from "../shared/data-table";
import { Notice } from "../shared/notice";
import { type AdminCustomer, formatDay } from "../shared/types";
import { useRefreshAdmin } from "../shared/use-refresh-admin";

/** The customers table's headings; a message under a row spans all of them. */
export const CUSTOMER_COLUMNS: readonly Column[] = [
  { label: "Name" },
  { label: "Phone" },
  { label: "Status" },
  { label: "KYC tier" },
  { label: "Wallet", num: true },
  { label: "Joined" },
  { label: "Actions", num: true },
];

const TIERS = [1, 2, 3] as const;

/**
 * One customer: the row, and under it what the last change did. Changes apply at once: a
 * tier only moves limits, and a lock is undone with one click.
 */
export function CustomerRows({
  customer,
  tierHints,
}: {
  customer: AdminCustomer;
  /** What each tier allows, when the settings have loaded. */
  tierHints: Partial<Record<number, string>>;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshAdmin();
  const id = useId();
  // null until the operator picks a tier: then the select follows the saved value.
  const [tier, setTier] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const update = useMutation(
    trpc.admin.updateCustomer.mutationOptions({
      onSuccess: async (result, input) => {
        await refresh();
        setTier(null);
        setNotice(
          input.kycTier !== undefined
            ? `${customer.name} is now on KYC tier ${result.kycTier}; new orders use its limits`
            : result.status === "LOCKED"
              ? `${customer.name} is locked: they cannot sign in or use their wallet until unlocked`
              : `${customer.name} is unlocked and can use their wallet again`,
        );
      },
    }),
  );

  const locked = customer.status === "LOCKED";
  const chosen = tier ?? customer.kycTier;
  const pending = update.isPending ? update.variables : undefined;

  function change(input: { kycTier: number } | { locked: boolean }) {
    setNotice(null);
    update.mutate({ userId: customer.id, ...input });
  }

  return (
    <tbody data-testid="customer-row">
      <tr>
        <td>
          <Link href={`/admin/customers/${customer.id}`}>
            <strong>{customer.name}</strong>
          </Link>
        </td>
        <td className={styles.nowrap}>{customer.phone}</td>
        <td>
          <CodeBadge group="accountStatus" code={locked ? "LOCKED" : "ACTIVE"} />
        </td>
        <td>
          Tier {customer.kycTier}
          {tierHints[customer.kycTier] ? (
            <div className={`muted small ${styles.nowrap}`}>{tierHints[customer.kycTier]}</div>
          ) : null}
        </td>
        <td className={styles.num}>
          {customer.accounts.length === 0 ? (
            <span className="muted">No wallet</span>
          ) : (
            customer.accounts.map((a) => (
              <div key={a.currency}>
                <Money amount={a.balance} currency={a.currency} />
                {a.onHold > 0n ? (
                  <div className="muted small">
                    on hold <Money amount={a.onHold} currency={a.currency} />
                  </div>
                ) : null}
              </div>
            ))
          )}
        </td>
        <td className={styles.nowrap}>{formatDay(customer.createdAt)}</td>
        <td>
          <div className={styles.customerActions}>
            <label className="sr-only" htmlFor={`${id}-tier`}>
              KYC tier for {customer.name}
            </label>
            <select
              id={`${id}-tier`}
              name="kycTier"
              className={styles.compactInput}
              value={chosen}
              onChange={(e) => setTier(Number(e.target.value))}
            >
              {TIERS.map((t) => (
                <option key={t} value={t}>
                  Tier {t}
                </option>
              ))}
            </select>
            <Button
              className={styles.tableButton}
              disabled={chosen === customer.kycTier || update.isPending}
              busy={pending?.kycTier !== undefined}
              onClick={() => change({ kycTier: chosen })}
            >
              Save tier
            </Button>
            <Button
              className={styles.tableButton}
              variant={locked ? "plain" : "danger"}
              disabled={update.isPending}
              busy={pending?.locked !== undefined}
              onClick={() => change({ locked: !locked })}
            >
              {locked ? "Unlock" : "Lock"}
            </Button>
          </div>
        </td>
      </tr>
      {notice || update.error ? (
        <RowPanel columns={CUSTOMER_COLUMNS.length}>
          {notice ? (
            <Notice onDismiss={() => setNotice(null)}>{notice}</Notice>
          ) : (
            <ErrorNote error={update.error} />
          )}
        </RowPanel>
      ) : null}
    </tbody>
  );
}
