"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { useCodeNames } from "@/components/ui/labels";
import { Money } from "@/components/ui/money";
import { AccountKindName } from "@/components/ui/status-badge";
import { useTRPC } from "@/lib/trpc";
import styles from "../shared/admin.module.css";
import { type Column, DataTable, Loaded } from "../shared/data-table";
import { ACCOUNT_KINDS, type AccountKind, type LedgerAccount } from "../shared/report-types";
import r from "../shared/reports.module.css";
import { normalisePhone } from "../shared/use-url-filters";

const LIMIT = 50;

/**
 * Finds accounts by kind and owner phone to open their statements. The search lives in the
 * address, so coming back from a statement shows the same list.
 */
export function AccountFinder() {
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
        <h2 id="accounts-title">Accounts</h2>
        <p className="muted small" style={{ margin: 0 }}>
          Find an account by kind or by its owner&apos;s phone, then open its statement.
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
  const id = useId();
  const [phoneError, setPhoneError] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosen = ACCOUNT_KINDS.find((k) => k === form.get("kind"));
    const typed = String(form.get("owner") ?? "").trim();
    const phone = typed ? normalisePhone(typed) : undefined;
    if (typed && !phone) {
      setPhoneError("Enter a phone like +254712345678 or 0712 345 678");
      return;
    }
    setPhoneError(null);
    onSearch({ kind: chosen, owner: phone });
  }

  return (
    <form className={r.finder} onSubmit={submit} aria-label="Find accounts">
      <label className="field" htmlFor={`${id}-kind`}>
        Kind
        <select id={`${id}-kind`} name="kind" defaultValue={kind ?? ""}>
          <option value="">All kinds</option>
          {ACCOUNT_KINDS.map((k) => (
            <option key={k} value={k}>
              <AccountKindName kind={k} />
            </option>
          ))}
        </select>
      </label>
      <label className="field" htmlFor={`${id}-owner`}>
        Owner phone
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
        Find accounts
      </Button>
      <Button variant="ghost" onClick={onClear} disabled={!kind && !ownerPhone}>
        Clear
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
    <Loaded query={accounts} label="Loading accounts" rows={3}>
      {(found) =>
        found.length === 0 ? (
          <p className="muted center" data-testid="accounts-empty">
            {filtered
              ? "No account matches. Check the phone number or choose another kind."
              : "No accounts yet."}
          </p>
        ) : (
          <div className="stack">
            <DataTable testId="accounts-table" columns={ACCOUNT_COLUMNS}>
              <tbody>
                {found.map((account) => (
                  <AccountRow key={String(account.id)} account={account} />
                ))}
              </tbody>
            </DataTable>
            <ErrorNote error={accounts.error} />
            <p className="muted small center" style={{ margin: 0 }}>
              {found.length === LIMIT
                ? `The first ${LIMIT} accounts by number. Choose a kind or enter a phone to narrow the list.`
                : `${found.length === 1 ? "1 account" : `${found.length} accounts`}: that is everything${filtered ? " matching this search" : ""}.`}
            </p>
          </div>
        )
      }
    </Loaded>
  );
}

const ACCOUNT_COLUMNS: readonly Column[] = [
  { label: "Account" },
  { label: "Kind" },
  { label: "Owner" },
  { label: "Balance", num: true },
  { label: "On hold", num: true },
  { label: "Statement", num: true, hidden: true },
];

function AccountRow({ account }: { account: LedgerAccount }) {
  const names = useCodeNames();
  return (
    <tr data-testid="account-row">
      <td className={styles.mono}>#{String(account.id)}</td>
      <td>
        <AccountKindName kind={account.kind} />
      </td>
      <td>
        {account.owner}
        {account.ownerPhone ? (
          <div className={`muted small ${styles.nowrap}`}>{account.ownerPhone}</div>
        ) : (
          <div className="muted small">Platform account</div>
        )}
      </td>
      <td className={styles.num}>
        <Money amount={account.balance} currency={account.currency} />
      </td>
      <td className={styles.num}>
        {account.onHold === 0n ? (
          <span className="muted">None</span>
        ) : (
          <Money amount={account.onHold} currency={account.currency} />
        )}
      </td>
      <td className={styles.num}>
        <Link
          href={`/admin/ledger/accounts/${account.id}`}
          aria-label={`Statement of account ${account.id}, ${names.accountKind(account.kind)}, ${account.owner}`}
        >
          Statement
        </Link>
      </td>
    </tr>
  );
}
