"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useFormatMoney } from "@/components/ui/money";
import { planOrder } from "@/domain/commission-plan";
import type { SettingsJson } from "@/domain/settings";
import { useTRPC } from "@/lib/trpc";

type PlanJson = SettingsJson["commissionPlans"][string];

/** What an agent on the plan earns, in one line an operator can compare. */
function usePlanSummary(): (plan: PlanJson, currency: string) => string {
  const t = useTranslations("admin.agents.plans");
  const formatMoney = useFormatMoney();
  return (plan, currency) =>
    t("summary", {
      // Basis points as a share: 150 bps is 1.5 % (ICU's percent style multiplies by 100).
      rate: plan.cashIn.bps / 10_000,
      min: formatMoney(BigInt(plan.cashIn.min), currency),
      max: formatMoney(BigInt(plan.cashIn.max), currency),
      share: plan.cashOutShareBps / 10_000,
    });
}

/** The plans the current settings offer, for choosing one. */
export function useCommissionPlans() {
  const planSummary = usePlanSummary();
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
  const t = useTranslations("admin.agents.plans");
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
          <option value={value}>{query.isError ? t("failed") : t("loading")}</option>
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
