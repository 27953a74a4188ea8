"use client";

import { useTranslations } from "next-intl";

/**
 * An audit action ("agent.onboard", "money.fund_float.request") named in the screen's
 * language; null for one no catalogue knows yet (a new action), which the log shows as its
 * code. Catalogue keys cannot hold dots (next-intl reads them as nesting), so dots become _.
 */
export function useActionName(): (action: string) => string | null {
  const t = useTranslations("control.actions");
  return (action) => {
    const key = action.replaceAll(".", "_");
    // Unknown keys are a normal case here (the log outlives the catalogue), not a typo.
    return /^[a-z_A-Z]{1,60}$/.test(key) && t.has(key as never) ? t(key as never) : null;
  };
}
