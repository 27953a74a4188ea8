"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { Money } from "@/components/ui/money";
import styles from "../shared/admin.module.css";
import type { DailyVolume } from "../shared/report-types";
import r from "../shared/reports.module.css";
import { useAdminFormats } from "../shared/use-admin-formats";
import { useIsClient } from "./use-is-client";

const CASH_IN_COLOUR = "#0f5e55";
const CASH_OUT_COLOUR = "#d4922a";

/**
 * Completed volume per UTC day, cash-in beside cash-out. The chart is for the eye; the table
 * under it carries the same figures exactly, for screen readers and for copying.
 */
export function DailyVolumeChart({ days, currency }: { days: DailyVolume[]; currency: string }) {
  const t = useTranslations("admin.overview.daily");
  const format = useAdminFormats();
  const headingId = useId();
  const isClient = useIsClient();
  // Chart geometry needs numbers; minor units as numbers are exact far beyond any week's volume.
  const data = days.map((d) => ({
    label: format.utcDay(d.day),
    cashIn: Number(d.cashIn),
    cashOut: Number(d.cashOut),
  }));
  const totalIn = days.reduce((s, d) => s + d.cashIn, 0n);
  const totalOut = days.reduce((s, d) => s + d.cashOut, 0n);
  const anyVolume = totalIn > 0n || totalOut > 0n;

  return (
    <section className="card stack" aria-labelledby={headingId} data-testid="daily-volume">
      <div>
        <h2 id={headingId}>{t("title")}</h2>
        <p className="muted small" style={{ margin: 0 }}>
          {t("intro", { currency })}
        </p>
      </div>
      {!anyVolume ? (
        <p className={`muted ${r.empty}`}>{t("empty")}</p>
      ) : isClient ? (
        <div className={r.chartBox} role="img" aria-label={t("chartLabel", { currency })}>
          <BarChart
            responsive
            style={{ width: "100%", height: "100%" }}
            data={data}
            margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#d9e2e0" />
            <XAxis dataKey="label" tickLine={false} stroke="#5b6b68" fontSize={12} />
            <YAxis
              width={80}
              tickFormatter={(value: number) => format.compactMajor(value, currency)}
              stroke="#5b6b68"
              fontSize={12}
              allowDecimals={false}
            />
            <Tooltip
              cursor={{ fill: "#e3f1ee" }}
              formatter={(value) =>
                typeof value === "number" ? format.money(BigInt(value), currency) : String(value)
              }
            />
            <Legend verticalAlign="top" height={28} iconType="square" />
            <Bar dataKey="cashIn" name={t("cashIn")} fill={CASH_IN_COLOUR} radius={[4, 4, 0, 0]} />
            <Bar
              dataKey="cashOut"
              name={t("cashOut")}
              fill={CASH_OUT_COLOUR}
              radius={[4, 4, 0, 0]}
            />
          </BarChart>
        </div>
      ) : (
        <div className={`skeleton ${r.chartBox}`} aria-hidden />
      )}
      <div className={styles.scroll}>
        <table className={`${styles.table} ${r.chartTable}`}>
          <caption className="sr-only">{t("caption", { currency })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("type")}</th>
              {data.map((d) => (
                <th key={d.label} scope="col" className={styles.num}>
                  {d.label}
                </th>
              ))}
              <th scope="col" className={styles.num}>
                {t("total")}
              </th>
            </tr>
          </thead>
          <tbody>
            <VolumeRow
              label={t("cashIn")}
              colour={CASH_IN_COLOUR}
              amounts={days.map((d) => d.cashIn)}
              total={totalIn}
              currency={currency}
            />
            <VolumeRow
              label={t("cashOut")}
              colour={CASH_OUT_COLOUR}
              amounts={days.map((d) => d.cashOut)}
              total={totalOut}
              currency={currency}
            />
          </tbody>
        </table>
      </div>
    </section>
  );
}

function VolumeRow({
  label,
  colour,
  amounts,
  total,
  currency,
}: {
  label: string;
  colour: string;
  amounts: bigint[];
  total: bigint;
  currency: string;
}) {
  const format = useAdminFormats();
  return (
    <tr>
      <th scope="row" className={styles.nowrap}>
        <span className={r.swatch} style={{ background: colour }} aria-hidden />
        {label}
      </th>
      {amounts.map((amount, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: one cell per day, in a fixed order
        <td key={i} className={`${styles.num} ${amount === 0n ? "muted" : ""}`}>
          {format.money(amount, currency)}
        </td>
      ))}
      <td className={styles.num}>
        <Money amount={total} currency={currency} />
      </td>
    </tr>
  );
}
