"use client";

import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTRPC } from "@/lib/trpc";
import styles from "../shared/admin.module.css";
import { DateRangeFields, dateRangeProblem, FilterButtons } from "../shared/date-range-fields";
import { FormField } from "../shared/form-field";
import type { OrderStatus, OrderType } from "../shared/types";
import { normalisePhone } from "../shared/use-url-filters";

export const ORDER_STATUSES: { value: OrderStatus; label: string }[] = [
  { value: "PENDING", label: "Pending (waiting for agent)" },
  { value: "CLAIMED", label: "Claimed (agent scanned)" },
  { value: "APPROVED", label: "Approved by customer" },
  { value: "COMPLETED", label: "Completed" },
  { value: "CANCELLED", label: "Cancelled" },
  { value: "EXPIRED", label: "Expired" },
  // One status holds both: the agent declined, or the customer rejected a cash-out.
  { value: "DECLINED", label: "Declined or rejected" },
  { value: "REVERSED", label: "Reversed" },
];

export const ORDER_TYPES: { value: OrderType; label: string }[] = [
  { value: "CASH_IN", label: "Cash-in" },
  { value: "CASH_OUT", label: "Cash-out" },
];

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
    if (phone === undefined) found.phone = "Use +254712345678 or 0712345678";
    const range = dateRangeProblem(values.from, values.to);
    if (range) found.to = range;
    setProblems(found);
    if (found.phone || found.to) return;
    onSearch({ ...values, phone: phone ?? "" });
  }

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="Search orders">
      <div className={styles.filterGrid}>
        <label className="field">
          Status
          <select
            name="status"
            value={values.status}
            onChange={(e) => set("status", e.target.value)}
          >
            <option value="">All statuses</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Type
          <select name="type" value={values.type} onChange={(e) => set("type", e.target.value)}>
            <option value="">All types</option>
            {ORDER_TYPES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Agent
          <select
            name="agentId"
            value={values.agentId}
            onChange={(e) => set("agentId", e.target.value)}
          >
            <option value="">{agents.isPending ? "Loading agents…" : "All agents"}</option>
            {/* A shared search may name an agent outside the first hundred; keep it choosable. */}
            {values.agentId && !agents.data?.some((a) => a.id === values.agentId) ? (
              <option value={values.agentId}>Agent {values.agentId.slice(0, 8)}</option>
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
          label="Customer phone"
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
