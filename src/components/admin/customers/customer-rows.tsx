"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { CodeBadge } from "@/components/ui/status-badge";
import { useTRPC } from "@/lib/trpc";
import styles from "../shared/admin.module.css";
import { type Column, RowPanel } from "../shared/data-table";
import { Notice } from "../shared/notice";
import type { AdminCustomer } from "../shared/types";
import { useAdminFormats } from "../shared/use-admin-formats";
import { useRefreshAdmin } from "../shared/use-refresh-admin";

/** How many columns the customers table has: a message under a row spans all of them. */
const COLUMN_COUNT = 7;

/** The customers table's headings, in the screen's language. */
export function useCustomerColumns(): readonly Column[] {
  const t = useTranslations("admin.customers.columns");
  return [
    { label: t("name") },
    { label: t("phone") },
    { label: t("status") },
    { label: t("tier") },
    { label: t("wallet"), num: true },
    { label: t("joined") },
    { label: t("actions"), num: true },
  ];
}

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
  const t = useTranslations("admin.customers.row");
  const format = useAdminFormats();
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
            ? t("tierSaved", { name: customer.name, tier: result.kycTier })
            : result.status === "LOCKED"
              ? t("locked", { name: customer.name })
              : t("unlocked", { name: customer.name }),
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
          {t("tierN", { tier: customer.kycTier })}
          {tierHints[customer.kycTier] ? (
            <div className={`muted small ${styles.nowrap}`}>{tierHints[customer.kycTier]}</div>
          ) : null}
        </td>
        <td className={styles.num}>
          {customer.accounts.length === 0 ? (
            <span className="muted">{t("noWallet")}</span>
          ) : (
            customer.accounts.map((a) => (
              <div key={a.currency}>
                <Money amount={a.balance} currency={a.currency} />
                {a.onHold > 0n ? (
                  <div className="muted small">
                    {t.rich("onHold", {
                      amount: () => <Money amount={a.onHold} currency={a.currency} />,
                    })}
                  </div>
                ) : null}
              </div>
            ))
          )}
        </td>
        <td className={styles.nowrap}>{format.day(customer.createdAt)}</td>
        <td>
          <div className={styles.customerActions}>
            <label className="sr-only" htmlFor={`${id}-tier`}>
              {t("tierFor", { name: customer.name })}
            </label>
            <select
              id={`${id}-tier`}
              name="kycTier"
              className={styles.compactInput}
              value={chosen}
              onChange={(e) => setTier(Number(e.target.value))}
            >
              {TIERS.map((tier) => (
                <option key={tier} value={tier}>
                  {t("tierN", { tier })}
                </option>
              ))}
            </select>
            <Button
              className={styles.tableButton}
              disabled={chosen === customer.kycTier || update.isPending}
              busy={pending?.kycTier !== undefined}
              onClick={() => change({ kycTier: chosen })}
            >
              {t("saveTier")}
            </Button>
            <Button
              className={styles.tableButton}
              variant={locked ? "plain" : "danger"}
              disabled={update.isPending}
              busy={pending?.locked !== undefined}
              onClick={() => change({ locked: !locked })}
            >
              {locked ? t("unlock") : t("lock")}
            </Button>
          </div>
        </td>
      </tr>
      {notice || update.error ? (
        <RowPanel columns={COLUMN_COUNT}>
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
