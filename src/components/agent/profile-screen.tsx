"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { clockText, parseClock, type WeekHours } from "@/domain/opening-hours";
import { useTRPC } from "@/lib/trpc";
import styles from "./agent.module.css";
import { AgentTopBar } from "./agent-top-bar";

interface DayRow {
  open: boolean;
  opens: string;
  closes: string;
}

const DAYS = [0, 1, 2, 3, 4, 5, 6] as const;

function rowsOf(hours: WeekHours | null): DayRow[] {
  return DAYS.map((d) => {
    const h = hours?.[d] ?? null;
    return h
      ? { open: true, opens: clockText(h.open), closes: clockText(h.close % 1440) }
      : { open: false, opens: "08:00", closes: "18:00" };
  });
}

/** The owner's shop as the finder shows it: its place (set by an operator) and its hours. */
export function ProfileScreen() {
  const t = useTranslations("agent.profile");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const overview = useQuery(trpc.agent.overview.queryOptions());
  const shop = useQuery(trpc.finder.myShop.queryOptions());
  const save = useMutation(
    trpc.finder.updateMyShop.mutationOptions({
      onSuccess: (next) => queryClient.setQueryData(trpc.finder.myShop.queryKey(), next),
    }),
  );
  const [rows, setRows] = useState<DayRow[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (shop.data && rows === null) setRows(rowsOf(shop.data.openingHours));
  }, [shop.data, rows]);

  function change(day: number, patch: Partial<DayRow>) {
    setRows((current) => current?.map((r, i) => (i === day ? { ...r, ...patch } : r)) ?? null);
    setProblem(null);
    save.reset();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!rows) return;
    const week: WeekHours = [];
    for (const day of DAYS) {
      const row = rows[day]!;
      if (!row.open) {
        week.push(null);
        continue;
      }
      const open = parseClock(row.opens);
      const close = parseClock(row.closes);
      // 24:00 as a closing time is midnight, written 00:00 (the next day's first minute).
      if (open === null || close === null || open >= 1440) {
        setProblem(t("timeWrong", { day: t(`day.${day}`) }));
        return;
      }
      week.push({ open, close: close % 1440 });
    }
    save.mutate({ openingHours: week });
  }

  return (
    <>
      <AgentTopBar shopName={overview.data?.shopName} current="profile" />
      <main className="page stack">
        <div className="spread">
          <h1>{t("title")}</h1>
          <Link href="/agent" className="button ghost">
            {t("back")}
          </Link>
        </div>
        {shop.isPending ? (
          <div className="skeleton" style={{ height: "12rem" }} />
        ) : shop.isError ? (
          <div className="stack">
            <ErrorNote error={shop.error} />
            <Button onClick={() => void shop.refetch()}>{t("tryAgain")}</Button>
          </div>
        ) : (
          <>
            <section className="card stack" aria-labelledby="place">
              <h2 id="place">{t("place")}</h2>
              <p>
                {shop.data.placed && shop.data.areaName
                  ? t("placed", { address: shop.data.locationText, area: shop.data.areaName })
                  : t("notPlaced", { address: shop.data.locationText })}
              </p>
            </section>
            <form className="card stack" aria-labelledby="hours" onSubmit={submit} noValidate>
              <h2 id="hours">{t("hours")}</h2>
              <p className="small muted">{t("hoursIntro")}</p>
              {shop.data.openingHours === null ? <p className="muted">{t("noHours")}</p> : null}
              {rows
                ? DAYS.map((day) => {
                    const row = rows[day]!;
                    const name = t(`day.${day}`);
                    return (
                      <fieldset key={day} className={styles.hoursRow}>
                        <legend className="sr-only">{name}</legend>
                        <label className={styles.hoursDay}>
                          <input
                            type="checkbox"
                            checked={row.open}
                            onChange={(e) => change(day, { open: e.target.checked })}
                            aria-label={t("open", { day: name })}
                          />
                          <span aria-hidden>{name}</span>
                        </label>
                        {row.open ? (
                          <>
                            <label className="field">
                              {t("opens")}
                              <input
                                type="time"
                                value={row.opens}
                                onChange={(e) => change(day, { opens: e.target.value })}
                              />
                            </label>
                            <label className="field">
                              {t("closes")}
                              <input
                                type="time"
                                value={row.closes}
                                onChange={(e) => change(day, { closes: e.target.value })}
                              />
                            </label>
                          </>
                        ) : (
                          <span className="muted">{t("closed")}</span>
                        )}
                      </fieldset>
                    );
                  })
                : null}
              <ErrorNote error={problem ? { message: problem } : null} />
              <ErrorNote error={save.error} />
              {save.isSuccess ? (
                <p className="alert ok" role="status">
                  {t("saved")}
                </p>
              ) : null}
              <Button type="submit" variant="primary" busy={save.isPending}>
                {t("save")}
              </Button>
            </form>
          </>
        )}
      </main>
    </>
  );
}
