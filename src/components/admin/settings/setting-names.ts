"use client";

import { useTranslations } from "next-intl";
import { TIER_COLUMNS } from "./settings-fields";

type Part = "bps" | "min" | "max";
const PARTS: readonly string[] = ["bps", "min", "max"];
const isPart = (value: string | undefined): value is Part =>
  value !== undefined && PARTS.includes(value);

/**
 * A settings document's dotted path ("commissionPlans.HIGH_VOLUME.cashIn.bps") named in the
 * screen's language, by the path's pattern; null for a path no pattern knows (a field added
 * later), which the caller shows as the path itself.
 */
export function useSettingPathName(): (path: string) => string | null {
  const t = useTranslations("control.settings.paths");
  const tier = useTranslations("control.settings.fields");
  const fees = useTranslations("control.settings.groups");
  return (path) => {
    const [head, a, b, c, ...rest] = path.split(".");
    if (rest.length > 0) return null;
    if (head === "currency" && a === undefined) return t("currency");
    if (head === "orderTtlSeconds" && a === undefined) return t("orderTtlSeconds");
    if (head === "operatorFourEyesAbove" && a === undefined) return t("operatorFourEyesAbove");
    if (head === "settlementLimit" && a === undefined) return t("settlementLimit");
    if (head === "finder" && a === "reservationMinutes" && b === undefined)
      return t("reservationMinutes");
    if (head === "liquidity" && (a === "lowFloat" || a === "lowCash") && b === undefined)
      return tier(a);
    if (head === "disputes" && a === "windowHours" && b === undefined)
      return t("disputeWindowHours");
    if (head === "disputes" && a === "monthlyCap" && b === undefined) return t("disputeMonthlyCap");
    if ((head === "cashIn" || head === "cashOut") && a === "fee" && isPart(b) && c === undefined)
      return t("fee", {
        order: fees(head === "cashIn" ? "cashInFee" : "cashOutFee"),
        part: t(b),
      });
    if (head === "commissionPlans" && a) {
      if (b === "name" && c === undefined) return t("planName", { plan: a });
      if (b === "cashOutShareBps" && c === undefined) return t("planShare", { plan: a });
      if (b === "cashIn" && isPart(c)) return t("planCashIn", { plan: a, part: t(c) });
    }
    if (head === "tiers" && a && c === undefined) {
      const column = TIER_COLUMNS.find((col) => col.key === b);
      if (column) return t("tier", { tier: a, part: tier(column.label) });
    }
    return null;
  };
}
