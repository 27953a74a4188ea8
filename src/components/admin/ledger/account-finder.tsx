"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { useCodeNames } from "@/components/ui/labels";
import { Money } from "@/components/ui/money";
import { AccountKindName } from "@/components/ui/status-badge";
import { useTRPC } from "@/lib/trpc";
import styles from "../shared/admin.module.css";
import { DataTable, Loaded } from "../shared/data-table";
import { ACCOUNT_KINDS, type AccountKind, type LedgerAccount } from "../shared/report-types";
import r from "../shared/reports.module.css";
import { normalisePhone } from "../shared/use-url-filters";

const LIMIT = 50;

/**
 * Finds accounts by kind and owner phone to open their statements. The search lives in the
 * address, so coming back from a statement shows the same list.
 */
export function AccountFinder() {
  const t = useTranslations("control.ledger");
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const kind = ACCOUNT_KINDS.find((k) => k === params.get("kind"));
  const ownerPhone = normalisePhone(params.get("owner") ?? "");

  function apply(next: { kind?: AccountKind | undefined; owner?: string | undefined }) {
    const query = new URLSearchParams();
    if (next.kind) query.set("kind", next.kind);
    if (next.owner) query.set("owner", next.owner);
    const text = query.toString();
    router.push(text ? `${pathname}?${text}` : pathname, { scroll: false });
  }

  return (
    <section className="card stack" aria-labelledby="accounts-title" data-testid="accounts">
      <div>
        <h2 id="accounts-title">{t("accounts")}</h2>
        <p className="muted small" style={{ margin: 0 }}>
          {t("accountsIntro")}
        </p>
      </div>
      {/* Keyed by the address: back and forward show that search's fields. */}
      <FinderForm
        key={params.toString()}
        kind={kind}
        ownerPhone={ownerPhone}
        onSearch={apply}
        onClear={() => apply({})}
      />
      <AccountsTable kind={kind} ownerPhone={ownerPhone} />
    </section>
  );
}

function FinderForm({
  kind,
  ownerPhone,
  onSearch,
  onClear,
}: {
  kind: AccountKind | undefined;
  ownerPhone: string | undefined;
  onSearch: (search: { kind?: AccountKind | undefined; owner?: string | undefined }) => void;
  onClear: () => void;
}) {
  const t = useTranslations("control.ledger");
  const id = useId();
  const [phoneError, setPhoneError] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosen = ACCOUNT_KINDS.find((k) => k === form.get("kind"));
    const typed = String(form.get("owner") ?? "").trim();
    const phone = typed ? normalisePhone(typed) : undefined;
    if (typed && !phone) {
      setPhoneError(t("phoneProblem"));
      return;
    }
    setPhoneError(null);
    onSearch({ kind: chosen, owner: phone });
  }

  return (
    <form className={r.finder} onSubmit={submit} aria-label={t("finderLabel")}>
      <label className="field" htmlFor={`${id}-kind`}>
        {t("kind")}
        <select id={`${id}-kind`} name="kind" defaultValue={kind ?? ""}>
          <option value="">{t("allKinds")}</option>
          {ACCOUNT_KINDS.map((k) => (
            <option key={k} value={k}>
              <AccountKindName kind={k} />
            </option>
          ))}
        </select>
      </label>
      <label className="field" htmlFor={`${id}-owner`}>
        {t("ownerPhone")}
        <input
          id={`${id}-owner`}
          name="owner"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          placeholder="+254712345678"
          defaultValue={ownerPhone ?? ""}
          aria-invalid={phoneError ? true : undefined}
          aria-describedby={phoneError ? `${id}-owner-error` : undefined}
        />
      </label>
      <Button type="submit" variant="primary">
        {t("find")}
      </Button>
      <Button variant="ghost" onClick={onClear} disabled={!kind && !ownerPhone}>
        {t("clear")}
      </Button>
      {phoneError ? (
        <span
          id={`${id}-owner-error`}
          className={`${styles.fieldError} ${r.finderError}`}
          role="alert"
        >
          {phoneError}
        </span>
      ) : null}
    </form>
  );
}

function AccountsTable({
  kind,
  ownerPhone,
}: {
  kind: AccountKind | undefined;
  ownerPhone: string | undefined;
}) {
  const t = useTranslations("control.ledger");
  const trpc = useTRPC();
  const accounts = useQuery(
    trpc.admin.accounts.queryOptions({
      ...(kind ? { kind } : {}),
      ...(ownerPhone ? { ownerPhone } : {}),
      limit: LIMIT,
    }),
  );
  const filtered = Boolean(kind || ownerPhone);

  return (
    <Loaded query={accounts} label={t("loadingAccounts")} rows={3}>
      {(found) =>
        found.length === 0 ? (
          <p className="muted center" data-testid="accounts-empty">
            {filtered ? t("noMatch") : t("noAccounts")}
          </p>
        ) : (
          <div className="stack">
            <DataTable
              testId="accounts-table"
              columns={[
                { label: t("colAccount") },
                { label: t("colKind") },
                { label: t("colOwner") },
                { label: t("colBalance"), num: true },
                { label: t("colOnHold"), num: true },
                { label: t("colStatement"), num: true, hidden: true },
              ]}
            >
              <tbody>
                {found.map((account) => (
                  <AccountRow key={String(account.id)} account={account} />
                ))}
              </tbody>
            </DataTable>
            <ErrorNote error={accounts.error} />
            <p className="muted small center" style={{ margin: 0 }}>
              {found.length === LIMIT
                ? t("firstAccounts", { limit: LIMIT })
                : t(filtered ? "allAccountsFiltered" : "allAccounts", { count: found.length })}
            </p>
          </div>
        )
      }
    </Loaded>
  );
}

function AccountRow({ account }: { account: LedgerAccount }) {
  const t = useTranslations("control.ledger");
  const names = useCodeNames();
  return (
    <tr data-testid="account-row">
      <td className={styles.mono}>{t("accountNumber", { id: String(account.id) })}</td>
      <td>
        <AccountKindName kind={account.kind} />
      </td>
      <td>
        {account.owner}
        {account.ownerPhone ? (
          <div className={`muted small ${styles.nowrap}`}>{account.ownerPhone}</div>
        ) : (
          <div className="muted small">{t("platformAccount")}</div>
        )}
      </td>
      <td className={styles.num}>
        <Money amount={account.balance} currency={account.currency} />
      </td>
      <td className={styles.num}>
        {account.onHold === 0n ? (
          <span className="muted">{t("none")}</span>
        ) : (
          <Money amount={account.onHold} currency={account.currency} />
        )}
      </td>
      <td className={styles.num}>
        <Link
          href={`/admin/ledger/accounts/${account.id}`}
          aria-label={t("statementAria", {
            id: String(account.id),
            kind: names.accountKind(account.kind),
            owner: account.owner,
          })}
        >
          {t("statementLink")}
        </Link>
      </td>
    </tr>
  );
}
