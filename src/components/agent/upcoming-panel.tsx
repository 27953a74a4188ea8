"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { useFormatMoney } from "@/components/ui/money";
import { INTL_TAG } from "@/i18n/locales";
import { useTRPC } from "@/lib/trpc";
import styles from "./agent.module.css";

/** How often the tablet asks for new reservations: a customer walking over takes minutes. */
const POLL_MS = 8_000;

/**
 * The counter's "Upcoming" panel: customers who reserved at this shop from the finder, to
 * accept (the shop promises to keep the amount until the time shown) or decline.
 */
export function UpcomingPanel() {
  const t = useTranslations("agent.upcoming");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formatMoney = useFormatMoney();
  const tag = INTL_TAG[useLocale()];
  const clock = useMemo(() => new Intl.DateTimeFormat(tag, { timeStyle: "short" }), [tag]);
  const list = useQuery({
    ...trpc.finder.reservations.queryOptions(),
    refetchInterval: POLL_MS,
  });
  const refresh = () => void queryClient.invalidateQueries(trpc.finder.reservations.queryFilter());
  // Each tap is its own answer (buttons are disabled while one is sent); a repeated answer
  // is refused by the guarded transition, never applied twice.
  const accept = useMutation(trpc.finder.accept.mutationOptions({ onSettled: refresh }));
  const decline = useMutation(trpc.finder.decline.mutationOptions({ onSettled: refresh }));
  const busyWith =
    (accept.isPending && accept.variables?.reservationId) ||
    (decline.isPending && decline.variables?.reservationId) ||
    null;

  return (
    <section className="card stack" aria-labelledby="upcoming" data-testid="upcoming-panel">
      <h2 id="upcoming">{t("title")}</h2>
      <p className="small muted">{t("intro")}</p>
      {list.isPending ? (
        <div className="skeleton" style={{ height: "3rem" }} />
      ) : list.isError ? (
        <div className="stack">
          <ErrorNote error={list.error} />
          <Button onClick={() => void list.refetch()}>{t("tryAgain")}</Button>
        </div>
      ) : list.data.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <ul className="list stack">
          {list.data.map((r) => (
            <li key={r.id} className={`spread ${styles.upcomingRow}`}>
              <div className="stack">
                <strong>
                  {t(`kind.${r.type}`, { amount: formatMoney(r.amount, r.currency) })}
                </strong>
                <span>{t("who", { name: r.customerName, phone: r.customerPhone })}</span>
                <span className={r.status === "ACCEPTED" ? "badge tone-done" : "badge tone-action"}>
                  {t(r.status, { time: clock.format(r.expiresAt) })}
                </span>
              </div>
              {r.status === "REQUESTED" ? (
                <div className="row">
                  <Button
                    variant="primary"
                    busy={busyWith === r.id && accept.isPending}
                    disabled={busyWith !== null}
                    onClick={() =>
                      accept.mutate({ reservationId: r.id, idempotencyKey: crypto.randomUUID() })
                    }
                  >
                    {t("accept")}
                  </Button>
                  <Button
                    busy={busyWith === r.id && decline.isPending}
                    disabled={busyWith !== null}
                    onClick={() =>
                      decline.mutate({ reservationId: r.id, idempotencyKey: crypto.randomUUID() })
                    }
                  >
                    {t("decline")}
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <ErrorNote error={accept.error} />
      <ErrorNote error={decline.error} />
    </section>
  );
}
