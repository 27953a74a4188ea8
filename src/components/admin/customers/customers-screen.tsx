"use client";

import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { formatMinor } from "@/domain/money";
import { useTRPC } from "@/lib/trpc";
import styles from "../shared/admin.module.css";
import { PagedTable } from "../shared/data-table";
import { FormField } from "../shared/form-field";
import { useRefreshAdmin } from "../shared/use-refresh-admin";
import { normalisePhone, useUrlFilters } from "../shared/use-url-filters";
import { CUSTOMER_COLUMNS, CustomerRows } from "./customer-rows";
import { useCustomerPages } from "./use-customer-pages";

export function CustomersScreen() {
  const refresh = useRefreshAdmin();
  const { params, apply, key } = useUrlFilters(refresh);
  const phone = normalisePhone(params.get("phone") ?? "");
  return (
    <>
      <div>
        <h1>Customers</h1>
        <p className="muted small" style={{ margin: 0 }}>
          People with a ProxyPay wallet, newest first. The KYC tier sets their limits; a locked
          customer cannot sign in or move money.
        </p>
      </div>
      <section className="card">
        <PhoneSearch key={key} initial={phone ?? ""} onSearch={(p) => apply({ phone: p })} />
      </section>
      <section className="card">
        <CustomersTable phone={phone} />
      </section>
    </>
  );
}

function PhoneSearch({
  initial,
  onSearch,
}: {
  initial: string;
  onSearch: (phone: string | undefined) => void;
}) {
  const id = useId();
  const [text, setText] = useState(initial);
  const [problem, setProblem] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) {
      setProblem(undefined);
      onSearch(undefined);
      return;
    }
    const phone = normalisePhone(text);
    setProblem(phone ? undefined : "Use +254712345678 or 0712345678");
    if (phone) onSearch(phone);
  }

  return (
    <form className={styles.formRow} onSubmit={submit} noValidate aria-label="Find a customer">
      <FormField
        formId={id}
        name="phone"
        label="Phone number"
        type="tel"
        inputMode="tel"
        placeholder="+254712345678"
        value={text}
        onChange={setText}
        problem={problem}
      />
      <div className="row">
        <Button type="submit" variant="primary">
          Search
        </Button>
        {initial ? (
          <Button variant="ghost" onClick={() => onSearch(undefined)}>
            Show everyone
          </Button>
        ) : null}
      </div>
    </form>
  );
}

function CustomersTable({ phone }: { phone: string | undefined }) {
  const trpc = useTRPC();
  const customers = useCustomerPages(phone);
  // Only to say what each tier allows beside it; the table works without it.
  const settings = useQuery(trpc.admin.settings.queryOptions({ limit: 1 }));
  const current = settings.data?.[0]?.settings;
  const tierHints: Partial<Record<number, string>> = {};
  if (current) {
    for (const [tier, limits] of Object.entries(current.tiers)) {
      if (limits) {
        tierHints[Number(tier)] =
          `up to ${formatMinor(BigInt(limits.perOrderMax), current.currency)} an order`;
      }
    }
  }
  return (
    <PagedTable
      pages={customers}
      label="Loading customers"
      testId="customers"
      columns={CUSTOMER_COLUMNS}
      empty={
        phone
          ? `No customer has the phone number ${phone}.`
          : "No customers yet. They appear here once they sign up in the customer app."
      }
      noun={["customer", "customers"]}
    >
      {(rows) => rows.map((c) => <CustomerRows key={c.id} customer={c} tierHints={tierHints} />)}
    </PagedTable>
  );
}
