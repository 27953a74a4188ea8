"use client";

import { useQuery } from "@tanstack/react-query";
import { planOrder } from "@/domain/commission-plan";
import { type CurrencyCode, formatMinor } from "@/domain/money";
import type { SettingsJson } from "@/domain/settings";
import { useTRPC } from "@/lib/trpc";

type PlanJson = SettingsJson["commissionPlans"][string];

/** What an agent on the plan earns, in one line an operator can compare. */
export function planSummary(plan: PlanJson, currency: CurrencyCode): string {
  const rate = `${plan.cashIn.bps / 100}%`;
  const bounds = `${formatMinor(BigInt(plan.cashIn.min), currency)} to ${formatMinor(BigInt(plan.cashIn.max), currency)}`;
  return `${rate} of each cash-in (${bounds}), ${plan.cashOutShareBps / 100}% of each cash-out fee`;
}

/** The plans the current settings offer, for choosing one. */
export function useCommissionPlans() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.admin.settings.queryOptions({ limit: 1 }));
  const current = settings.data?.[0]?.settings;
  const plans = current
    ? Object.entries(current.commissionPlans)
        .sort(([a], [b]) => planOrder(a, b))
        .flatMap(([code, plan]) =>
          plan ? [{ code, name: plan.name, summary: planSummary(plan, current.currency) }] : [],
        )
    : [];
  return { plans, query: settings };
}

interface SelectProps {
  label: string;
  value: string;
  onChange: (code: string) => void;
  disabled?: boolean;
}

/** A labelled choice of plan; says so while the plans load or if they cannot be read. */
export function PlanSelect({ label, value, onChange, disabled }: SelectProps) {
  const { plans, query } = useCommissionPlans();
  const chosen = plans.find((p) => p.code === value);
  return (
    <label className="field">
      {label}
      <select
        name="commissionPlan"
        value={value}
        disabled={disabled || plans.length === 0}
        onChange={(e) => onChange(e.target.value)}
      >
        {plans.length === 0 ? (
          <option value={value}>{query.isError ? "Plans could not be loaded" : "Loading…"}</option>
        ) : (
          plans.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))
        )}
      </select>
      {chosen ? <span className="muted small">{chosen.summary}</span> : null}
    </label>
  );
}
