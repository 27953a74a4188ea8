"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import dynamic from "next/dynamic";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { decimalMarkOf, readAmount } from "@/components/ui/amount-input";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { useFormatMoney } from "@/components/ui/money";
import { coarse, type Point } from "@/domain/finder";
import { CURRENCY_EXPONENTS } from "@/domain/money";
import { INTL_TAG } from "@/i18n/locales";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPC } from "@/lib/trpc";
import type { AppRouter } from "@/server/api/root";
import styles from "./customer.module.css";
import { CustomerShell } from "./customer-shell";
import { MyReservation } from "./my-reservation";
import { BackTopBar } from "./top-bar";
import type { OrderType } from "./types";

export type FinderShop = inferRouterOutputs<AppRouter>["finder"]["search"]["shops"][number];

// Leaflet touches `window` when it loads: only in the browser, and only once there is
// something to show, so the list never waits for it.
const FinderMap = dynamic(() => import("./finder-map").then((m) => m.FinderMap), { ssr: false });

type Where = { near: Point } | { area: string };

/**
 * The agent finder: the amount, where the customer is (the phone's coarse position or a
 * typed area), then the shops that are open and can pay it, on a map where its tiles load
 * and always as a list; a shop can be reserved from the list.
 */
export function FinderScreen({
  initialType,
  initialAmount,
}: {
  initialType: OrderType;
  initialAmount: string;
}) {
  const t = useTranslations("customer.finder");
  const tOrder = useTranslations("customer.newOrder");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formatMoney = useFormatMoney();
  const tag = INTL_TAG[useLocale()];
  const [type, setType] = useState<OrderType>(initialType);
  const [amountText, setAmountText] = useState(initialAmount);
  const [areaText, setAreaText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);
  const [searchedFrom, setSearchedFrom] = useState<Point | null>(null);
  const idempotency = useIdempotencyKey();
  const search = useMutation(trpc.finder.search.mutationOptions());
  const reserve = useMutation(
    trpc.finder.reserve.mutationOptions({
      onSuccess: (made) => {
        idempotency.rotate();
        queryClient.setQueryData(trpc.finder.myReservation.queryKey(), made);
      },
    }),
  );

  const amount = readAmount(amountText, "KES", decimalMarkOf(tag));

  function amountProblem(): string | null {
    if (amount === null) return tOrder("enterAmount");
    if (amount === "amountMoreThanZero") return tOrder("amountZero");
    if (amount === "amountDecimals")
      return tOrder("amountDecimals", { decimals: CURRENCY_EXPONENTS.KES });
    if (typeof amount === "string") return tOrder("amountFormat");
    return null;
  }

  function run(where: Where) {
    const wrong = amountProblem();
    setProblem(wrong);
    if (wrong || typeof amount !== "bigint") return;
    reserve.reset();
    setSearchedFrom("near" in where ? where.near : null);
    search.mutate({ type, amount, currency: "KES", ...where });
  }

  function searchArea(event: FormEvent) {
    event.preventDefault();
    const area = areaText.trim();
    if (!area) {
      setProblem(amountProblem() ?? t("areaMissing"));
      return;
    }
    run({ area });
  }

  function locate() {
    if (amountProblem()) {
      setProblem(amountProblem());
      return;
    }
    if (!("geolocation" in navigator)) {
      setProblem(t("noLocation"));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        // Rounded here, before it leaves the phone (the server rounds again).
        run({ near: coarse(position.coords) });
      },
      () => {
        setLocating(false);
        setProblem(t("noLocation"));
      },
      { enableHighAccuracy: false, maximumAge: 10 * 60_000, timeout: 20_000 },
    );
  }

  function chooseType(next: OrderType) {
    setType(next);
    search.reset();
    idempotency.rotate();
  }

  const km = new Intl.NumberFormat(tag, {
    style: "unit",
    unit: "kilometer",
    maximumFractionDigits: 1,
  });
  const result = search.data;

  return (
    <CustomerShell bar={<BackTopBar title={t("title")} heading />}>
      <p className="muted">{t("intro")}</p>
      <MyReservation />
      <form className="stack" onSubmit={searchArea} noValidate>
        <fieldset className={`segmented ${styles.bare}`}>
          <legend className="small muted">{tOrder("what")}</legend>
          <Button aria-pressed={type === "CASH_IN"} onClick={() => chooseType("CASH_IN")}>
            {tOrder("cashIn")}
          </Button>
          <Button aria-pressed={type === "CASH_OUT"} onClick={() => chooseType("CASH_OUT")}>
            {tOrder("cashOut")}
          </Button>
        </fieldset>
        <label className="field">
          {tOrder("amount")}
          <input
            name="amount"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            placeholder={tOrder("amountPlaceholder")}
            value={amountText}
            onChange={(e) => {
              setAmountText(e.target.value);
              setProblem(null);
              search.reset();
              idempotency.rotate();
            }}
          />
        </label>
        <fieldset className={`stack ${styles.bare}`}>
          <legend>{t("where")}</legend>
          <Button onClick={locate} busy={locating || (search.isPending && !!searchedFrom)}>
            {locating ? t("locating") : t("useLocation")}
          </Button>
          <p className="small muted">{t("privacy")}</p>
          <label className="field">
            {t("area")}
            <input
              name="area"
              type="text"
              autoComplete="off"
              maxLength={80}
              placeholder={t("areaPlaceholder")}
              value={areaText}
              onChange={(e) => {
                setAreaText(e.target.value);
                setProblem(null);
              }}
            />
          </label>
          <Button type="submit" variant="primary" busy={search.isPending && !searchedFrom}>
            {t("search")}
          </Button>
        </fieldset>
        <ErrorNote error={problem ? { message: problem } : null} />
        <ErrorNote error={search.error} />
      </form>

      {result ? (
        <section className="stack" aria-labelledby="finder-results">
          <h2 id="finder-results">{t("results")}</h2>
          <p className="small muted">
            {t("checked", { amount: formatMoney(result.checkedAmount, result.currency) })}
          </p>
          {result.shops.length === 0 ? (
            <p className="card center muted" data-testid="finder-empty">
              {t("none")}
            </p>
          ) : (
            <>
              <FinderMap shops={result.shops} from={searchedFrom} />
              <ErrorNote error={reserve.error} />
              <ul className="list stack" data-testid="finder-results">
                {result.shops.map((shop) => (
                  <li key={shop.agentId} className="card stack">
                    <div className="spread">
                      <strong>{shop.shopName}</strong>
                      {shop.distanceMetres !== null ? (
                        <span className="small">
                          {t("away", { distance: km.format(shop.distanceMetres / 1000) })}
                        </span>
                      ) : null}
                    </div>
                    <span className="small muted">
                      {shop.areaName ? `${shop.locationText}, ${shop.areaName}` : shop.locationText}
                    </span>
                    <div className="row">
                      <span
                        className={`badge ${shop.openNow === true ? "tone-done" : shop.openNow === false ? "tone-closed" : "tone-waiting"}`}
                      >
                        {shop.openNow === true
                          ? t("openNow")
                          : shop.openNow === false
                            ? t("closedNow")
                            : t("hoursUnknown")}
                      </span>
                      <span
                        className={`badge ${shop.canServe === "YES" ? "tone-done" : shop.canServe === "NO" ? "tone-problem" : "tone-action"}`}
                      >
                        {shop.canServe === "YES"
                          ? t("canServe")
                          : shop.canServe === "NO"
                            ? t("cannotServe")
                            : t("ask")}
                      </span>
                    </div>
                    <Button
                      busy={reserve.isPending && reserve.variables?.agentId === shop.agentId}
                      disabled={reserve.isPending}
                      onClick={() =>
                        typeof amount === "bigint" &&
                        reserve.mutate({
                          agentId: shop.agentId,
                          type,
                          amount,
                          currency: "KES",
                          idempotencyKey: idempotency.key(),
                        })
                      }
                    >
                      {t("reserve", { shop: shop.shopName })}
                    </Button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : null}
    </CustomerShell>
  );
}
