"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { useTRPC } from "@/lib/trpc";
import styles from "../shared/admin.module.css";
import { DateRangeFields, dateRangeProblem, FilterButtons } from "../shared/date-range-fields";
import { FormField } from "../shared/form-field";
import type { OrderStatus, OrderType } from "../shared/types";
import { normalisePhone } from "../shared/use-url-filters";

// Their words are admin.orders.filter.statuses/types: DECLINED holds both the agent's
// decline and the customer's reject of a cash-out, so it reads "Declined or rejected".
export const ORDER_STATUSES: { value: OrderStatus }[] = [
  { value: "PENDING" },
  { value: "CLAIMED" },
  { value: "APPROVED" },
  { value: "COMPLETED" },
  { value: "CANCELLED" },
  { value: "EXPIRED" },
  { value: "DECLINED" },
  { value: "REVERSED" },
];

export const ORDER_TYPES: { value: OrderType }[] = [{ value: "CASH_IN" }, { value: "CASH_OUT" }];

/** The search as typed: every value a string, empty meaning "any". */
export interface OrderFilterValues {
  status: string;
  type: string;
  agentId: string;
  phone: string;
  from: string;
  to: string;
}

interface Props {
  initial: OrderFilterValues;
  onSearch: (values: OrderFilterValues) => void;
  onClear: () => void;
}

export function OrderFilterForm({ initial, onSearch, onClear }: Props) {
  const t = useTranslations("admin.orders.filter");
  const tDates = useTranslations("admin.shared.dates");
  const trpc = useTRPC();
  const id = useId();
  // The platform has few enough shops that a list beats typing an id; if it fails to load
  // the search still works without it.
  const agents = useQuery(trpc.admin.agents.queryOptions({ limit: 100 }));
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<{ phone?: string; to?: string }>({});

  function set(name: keyof OrderFilterValues, value: string) {
    setValues((v) => ({ ...v, [name]: value }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: { phone?: string; to?: string } = {};
    const phone = values.phone.trim() ? normalisePhone(values.phone) : "";
    if (phone === undefined) found.phone = t("phoneProblem");
    const range = dateRangeProblem(values.from, values.to, tDates("endBeforeStart"));
    if (range) found.to = range;
    setProblems(found);
    if (found.phone || found.to) return;
    onSearch({ ...values, phone: phone ?? "" });
  }

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t("label")}>
      <div className={styles.filterGrid}>
        <label className="field">
          {t("status")}
          <select
            name="status"
            value={values.status}
            onChange={(e) => set("status", e.target.value)}
          >
            <option value="">{t("allStatuses")}</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s.value} value={s.value}>
                {t(`statuses.${s.value}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t("type")}
          <select name="type" value={values.type} onChange={(e) => set("type", e.target.value)}>
            <option value="">{t("allTypes")}</option>
            {ORDER_TYPES.map((type) => (
              <option key={type.value} value={type.value}>
                {t(`types.${type.value}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t("agent")}
          <select
            name="agentId"
            value={values.agentId}
            onChange={(e) => set("agentId", e.target.value)}
          >
            <option value="">{agents.isPending ? t("loadingAgents") : t("allAgents")}</option>
            {/* A shared search may name an agent outside the first hundred; keep it choosable. */}
            {values.agentId && !agents.data?.some((a) => a.id === values.agentId) ? (
              <option value={values.agentId}>
                {t("agentById", { id: values.agentId.slice(0, 8) })}
              </option>
            ) : null}
            {agents.data?.map((a) => (
              <option key={a.id} value={a.id}>
                {a.shopName}
              </option>
            ))}
          </select>
        </label>
        <FormField
          formId={id}
          name="customerPhone"
          label={t("customerPhone")}
          type="tel"
          inputMode="tel"
          placeholder="+254712345678"
          value={values.phone}
          onChange={(value) => set("phone", value)}
          problem={problems.phone}
        />
        <DateRangeFields
          formId={id}
          from={values.from}
          to={values.to}
          onChange={(range) => setValues((v) => ({ ...v, ...range }))}
          problem={problems.to}
        />
      </div>
      <FilterButtons onClear={onClear} />
    </form>
  );
}
