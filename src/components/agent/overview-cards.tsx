"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Money, useFormatMoney } from "@/components/ui/money";
import { CodeName } from "@/components/ui/status-badge";
import styles from "./agent.module.css";
import type { AgentOverview } from "./types";

/** The currency the shop works in: today's totals carry no currency of their own. */
export function shopCurrency(overview: AgentOverview): string {
  return overview.float[0]?.currency ?? overview.commission?.[0]?.currency ?? "KES";
}

export function SuspendedBanner({ overview }: { overview: AgentOverview }) {
  const t = useTranslations("agent.overview");
  if (overview.status !== "SUSPENDED") return null;
  return (
    <div className="alert error" role="alert" data-testid="suspended-banner">
      <strong>{t("suspendedTitle")}</strong>{" "}
      {overview.suspendedReason
        ? `${t("suspendedReason", { reason: overview.suspendedReason })} `
        : ""}
      {t("suspendedAdvice")}
    </div>
  );
}

export function TodayTotals({ overview }: { overview: AgentOverview }) {
  const t = useTranslations("agent.overview");
  const currency = shopCurrency(overview);
  // Null for a shop assistant: the server leaves the shop's earnings out of their answer.
  const commissionToday = overview.isOwner
    ? overview.today.reduce((sum, t) => sum + (t.commission ?? 0n), 0n)
    : null;
  return (
    <div className="stack" data-testid="today-totals">
      {(["CASH_IN", "CASH_OUT"] as const).map((type) => {
        const total = overview.today.find((t) => t.type === type);
        return (
          <div key={type} className="spread">
            <span>
              <CodeName group="orderType" code={type} />{" "}
              <span className="muted small">{t("count", { count: total?.count ?? 0 })}</span>
            </span>
            <Money amount={total?.amount ?? 0n} currency={currency} />
          </div>
        );
      })}
      {commissionToday === null ? null : (
        <div className="spread small muted">
          <span>{t("commissionToday")}</span>
          <Money amount={commissionToday} currency={currency} />
        </div>
      )}
    </div>
  );
}

/** Float, commission and the day's totals across the top of the counter screen. */
export function OverviewCards({ overview }: { overview: AgentOverview }) {
  const t = useTranslations("agent.overview");
  const format = useFormatter();
  const formatMoney = useFormatMoney();
  const currency = shopCurrency(overview);
  // Both null for a shop assistant: the card is for the owner only.
  const { commission, plan } = overview;
  // Basis points as a percentage in the screen's language ("0.25%", "0,25 %").
  const percent = (bps: number) =>
    format.number(bps / 10_000, { style: "percent", maximumFractionDigits: 2 });
  return (
    <section className={styles.cards} aria-label={t("balances")}>
      <div className="card" data-testid="float-card">
        <div className="muted small">{t("floatAvailable")}</div>
        {overview.float.length === 0 ? (
          <Money amount={0n} currency={currency} className="huge" />
        ) : (
          overview.float.map((f) => (
            <div key={f.currency}>
              <Money amount={f.available} currency={f.currency} className="huge" />
              {f.available !== f.balance ? (
                <div className="muted small" data-testid="float-held">
                  {t.rich("floatHeld", {
                    held: () => <Money amount={f.balance - f.available} currency={f.currency} />,
                    balance: () => <Money amount={f.balance} currency={f.currency} />,
                  })}
                </div>
              ) : null}
            </div>
          ))
        )}
      </div>
      {commission && plan ? (
        <div className="card" data-testid="commission-card">
          <div className="muted small">{t("commission")}</div>
          {commission.length === 0 ? (
            <Money amount={0n} currency={currency} className={styles.large} />
          ) : (
            commission.map((c) => (
              <Money
                key={c.currency}
                amount={c.available}
                currency={c.currency}
                className={styles.large}
              />
            ))
          )}
          <div className="muted small">{t("commissionUnpaid")}</div>
          <p className={`muted small ${styles.planNote}`} data-testid="commission-plan">
            {t("plan", {
              plan: plan.name,
              cashInRate: percent(plan.cashIn.bps),
              min: formatMoney(plan.cashIn.min, currency),
              max: formatMoney(plan.cashIn.max, currency),
              cashOutShare: percent(plan.cashOutShareBps),
            })}
          </p>
        </div>
      ) : null}
      <div className="card">
        <div className="muted small">{t("today")}</div>
        <TodayTotals overview={overview} />
      </div>
    </section>
  );
}

export function OverviewSkeleton() {
  return (
    <section className={styles.cards} aria-busy>
      {[0, 1, 2].map((i) => (
        <div key={i} className="card stack">
          <div className="skeleton" style={{ width: "40%" }} />
          <div className="skeleton" style={{ height: "2.2rem" }} />
        </div>
      ))}
    </section>
  );
}
