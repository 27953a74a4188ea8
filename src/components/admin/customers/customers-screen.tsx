"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { useFormatMoney } from "@/components/ui/money";
import { useTRPC } from "@/lib/trpc";
import styles from "../shared/admin.module.css";
import { PagedTable } from "../shared/data-table";
import { FormField } from "../shared/form-field";
import { useRefreshAdmin } from "../shared/use-refresh-admin";
import { normalisePhone, useUrlFilters } from "../shared/use-url-filters";
import { CustomerRows, useCustomerColumns } from "./customer-rows";
import { useCustomerPages } from "./use-customer-pages";

export function CustomersScreen() {
  const t = useTranslations("admin.customers");
  const refresh = useRefreshAdmin();
  const { params, apply, key } = useUrlFilters(refresh);
  const phone = normalisePhone(params.get("phone") ?? "");
  return (
    <>
      <div>
        <h1>{t("title")}</h1>
        <p className="muted small" style={{ margin: 0 }}>
          {t("intro")}
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
  const t = useTranslations("admin.customers.search");
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
    setProblem(phone ? undefined : t("phoneProblem"));
    if (phone) onSearch(phone);
  }

  return (
    <form className={styles.formRow} onSubmit={submit} noValidate aria-label={t("label")}>
      <FormField
        formId={id}
        name="phone"
        label={t("phone")}
        type="tel"
        inputMode="tel"
        placeholder="+254712345678"
        value={text}
        onChange={setText}
        problem={problem}
      />
      <div className="row">
        <Button type="submit" variant="primary">
          {t("submit")}
        </Button>
        {initial ? (
          <Button variant="ghost" onClick={() => onSearch(undefined)}>
            {t("everyone")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

function CustomersTable({ phone }: { phone: string | undefined }) {
  const t = useTranslations("admin.customers.list");
  const formatMoney = useFormatMoney();
  const columns = useCustomerColumns();
  const trpc = useTRPC();
  const customers = useCustomerPages(phone);
  // Only to say what each tier allows beside it; the table works without it.
  const settings = useQuery(trpc.admin.settings.queryOptions({ limit: 1 }));
  const current = settings.data?.[0]?.settings;
  const tierHints: Partial<Record<number, string>> = {};
  if (current) {
    for (const [tier, limits] of Object.entries(current.tiers)) {
      if (limits) {
        tierHints[Number(tier)] = t("tierHint", {
          max: formatMoney(BigInt(limits.perOrderMax), current.currency),
        });
      }
    }
  }
  return (
    <PagedTable
      pages={customers}
      label={t("loading")}
      testId="customers"
      columns={columns}
      empty={phone ? t("emptyPhone", { phone }) : t("empty")}
      noun={(count) => t("count", { count })}
    >
      {(rows) => rows.map((c) => <CustomerRows key={c.id} customer={c} tierHints={tierHints} />)}
    </PagedTable>
  );
}
