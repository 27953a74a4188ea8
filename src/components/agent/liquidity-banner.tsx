"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Money } from "@/components/ui/money";
import { INTL_TAG } from "@/i18n/locales";
import { useTRPC } from "@/lib/trpc";
import type { DrawerState } from "./types";

type Liquidity = Pick<
  DrawerState,
  | "currency"
  | "float"
  | "day"
  | "thresholds"
  | "lowFloat"
  | "lowCash"
  | "floatRunsOutAt"
  | "cashRunsOutAt"
>;

function useFormatClock(): (date: Date) => string {
  const format = new Intl.DateTimeFormat(INTL_TAG[useLocale()], {
    timeStyle: "short",
    timeZone: useTimeZone(),
  });
  return (date) => format.format(date);
}

/**
 * Low float and low cash, and when each runs out at today's pace; nothing when all is well.
 * The projection is the server's (src/domain/cash-drawer.ts, runsOutAt): only with a net
 * outflow, 30 minutes of trade and a moment later today.
 */
export function LiquidityAlerts({ state }: { state: Liquidity }) {
  const t = useTranslations("agent.liquidity");
  const clock = useFormatClock();
  const lines: { key: string; text: ReactNode }[] = [];
  if (state.lowFloat) {
    lines.push({
      key: "lowFloat",
      text: t.rich("lowFloat", {
        float: () => <Money amount={state.float} currency={state.currency} />,
        threshold: () => <Money amount={state.thresholds.lowFloat} currency={state.currency} />,
      }),
    });
  }
  if (state.lowCash && state.day) {
    const cash = state.day.cashOnHand;
    lines.push({
      key: "lowCash",
      text: t.rich("lowCash", {
        cash: () => <Money amount={cash} currency={state.currency} />,
        threshold: () => <Money amount={state.thresholds.lowCash} currency={state.currency} />,
      }),
    });
  }
  if (state.floatRunsOutAt) {
    lines.push({ key: "floatPace", text: t("floatPace", { time: clock(state.floatRunsOutAt) }) });
  }
  if (state.cashRunsOutAt) {
    lines.push({ key: "cashPace", text: t("cashPace", { time: clock(state.cashRunsOutAt) }) });
  }
  if (lines.length === 0) return null;
  return (
    <div className="alert warn stack" role="status" data-testid="liquidity-banner">
      {lines.map((l) => (
        <span key={l.key} data-testid={`liquidity-${l.key}`}>
          {l.text}
        </span>
      ))}
    </div>
  );
}

/** The counter's small banner: the drawer's alerts, with a way to the drawer. */
export function CounterLiquidityBanner() {
  const trpc = useTRPC();
  const t = useTranslations("agent.liquidity");
  // The float moves with every order; a minute-old projection is good enough for a banner.
  const state = useQuery({ ...trpc.drawer.state.queryOptions(), refetchInterval: 60_000 });
  if (!state.data) return null;
  const alerting =
    state.data.lowFloat ||
    state.data.lowCash ||
    state.data.floatRunsOutAt !== null ||
    state.data.cashRunsOutAt !== null;
  if (!alerting) return null;
  return (
    <div className="stack">
      <LiquidityAlerts state={state.data} />
      <Link href="/agent/drawer" className="small">
        {t("toDrawer")}
      </Link>
    </div>
  );
}
