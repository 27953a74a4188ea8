"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { useFormatMoney } from "@/components/ui/money";
import { INTL_TAG } from "@/i18n/locales";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPC } from "@/lib/trpc";

/** "14:35" (or "2:35 pm") in the screen's language, on the phone's clock. */
export function useFormatClock(): (date: Date) => string {
  const tag = INTL_TAG[useLocale()];
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(tag, { timeStyle: "short" });
    return (date) => format.format(date);
  }, [tag]);
}

/**
 * The customer's latest reservation: waiting for the shop, held until a time, or how it
 * ended. Polled while the shop has not answered, so "held until" appears without a reload.
 */
export function MyReservation() {
  const t = useTranslations("customer.finder");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formatMoney = useFormatMoney();
  const clock = useFormatClock();
  const idempotency = useIdempotencyKey();
  const mine = useQuery({
    ...trpc.finder.myReservation.queryOptions(),
    refetchInterval: (query) => (query.state.data?.status === "REQUESTED" ? 5_000 : 30_000),
  });
  const cancel = useMutation(
    trpc.finder.cancel.mutationOptions({
      onSuccess: (next) => {
        idempotency.rotate();
        queryClient.setQueryData(trpc.finder.myReservation.queryKey(), next);
      },
    }),
  );
  const r = mine.data;
  if (mine.isError) return <ErrorNote error={mine.error} />;
  if (!r) return null;
  const open = r.status === "REQUESTED" || r.status === "ACCEPTED";
  return (
    <section className="card stack" aria-labelledby="my-reservation" data-testid="my-reservation">
      <h2 id="my-reservation">{t("mine.title")}</h2>
      <p>
        <strong>{t(`kind.${r.type}`, { amount: formatMoney(r.amount, r.currency) })}</strong>
      </p>
      <p role="status" aria-live="polite">
        {t(`mine.${r.status}`, { shop: r.shopName, time: clock(r.expiresAt) })}
      </p>
      {open ? (
        <>
          <p className="small muted">
            {t("mine.address", {
              address: r.areaName ? `${r.locationText}, ${r.areaName}` : r.locationText,
            })}
          </p>
          <div className="row">
            {r.status === "ACCEPTED" ? (
              <Link href={`/customer/new?type=${r.type}`} className="button primary">
                {t("mine.order")}
              </Link>
            ) : null}
            <Button
              variant="danger"
              busy={cancel.isPending}
              onClick={() =>
                cancel.mutate({ reservationId: r.id, idempotencyKey: idempotency.key() })
              }
            >
              {t("mine.cancel")}
            </Button>
          </div>
          <ErrorNote error={cancel.error} />
        </>
      ) : null}
    </section>
  );
}
