"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { decimalMarkOf, readAmount } from "@/components/ui/amount-input";
import { Button } from "@/components/ui/button";
import { CURRENCY_EXPONENTS, type CurrencyCode } from "@/domain/money";
import { INTL_TAG } from "@/i18n/locales";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPC } from "@/lib/trpc";
import styles from "./agent.module.css";
import { PinPad } from "./pin-pad";
import type { AgentOrder } from "./types";

type OrderType = "CASH_IN" | "CASH_OUT";

/**
 * A personal QR card was scanned: the agent checks the name against the person at the
 * counter, picks cash-in or cash-out and the amount with them, then hands the tablet over.
 * The holder's PIN on the full-screen pad is what creates (and for a cash-out executes) the
 * order; the agent's screen returns with the order as after a phone's QR.
 */
export function CardPanel({
  secret,
  holder,
  currency,
  onOrder,
  onCancel,
}: {
  secret: string;
  holder: { holderName: string; maskedPhone: string };
  currency: CurrencyCode;
  onOrder: (order: AgentOrder) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const t = useTranslations("agent.card");
  const [type, setType] = useState<OrderType>("CASH_OUT");
  const [amountText, setAmountText] = useState("");
  const [padOpen, setPadOpen] = useState(false);
  const [tried, setTried] = useState(false);
  const idempotency = useIdempotencyKey();
  const cardOrder = useMutation(
    trpc.agent.cardOrder.mutationOptions({
      onSuccess: (order) => {
        idempotency.rotate();
        setPadOpen(false);
        onOrder(order);
      },
    }),
  );
  const amount = readAmount(amountText, currency, decimalMarkOf(INTL_TAG[useLocale()]));

  // Another type or amount is another intent: it must not replay the last key.
  function changed() {
    idempotency.rotate();
    cardOrder.reset();
  }

  function handOver(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (typeof amount !== "bigint") return;
    cardOrder.reset();
    setPadOpen(true);
  }

  const exponent = CURRENCY_EXPONENTS[currency];
  return (
    <section className="card stack" aria-labelledby="card-holder">
      <p>
        <span className="badge">{t("badge")}</span>
      </p>
      <h2 id="card-holder" className={styles.cardHolder}>
        {holder.holderName}
      </h2>
      <p className="muted">{t("checkPerson", { phone: holder.maskedPhone })}</p>
      <form className="stack" onSubmit={handOver} noValidate>
        <fieldset className="segmented" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="small muted">{t("whatWanted")}</legend>
          {(["CASH_OUT", "CASH_IN"] as const).map((kind) => (
            <Button
              key={kind}
              aria-pressed={type === kind}
              onClick={() => {
                if (kind !== type) {
                  setType(kind);
                  changed();
                }
              }}
            >
              {kind === "CASH_OUT" ? t("cashOut") : t("cashIn")}
            </Button>
          ))}
        </fieldset>
        <label className="stack">
          <span>{t("amount", { currency })}</span>
          <input
            inputMode="decimal"
            autoComplete="off"
            value={amountText}
            onChange={(e) => {
              setAmountText(e.target.value);
              changed();
            }}
            aria-invalid={tried && typeof amount !== "bigint"}
          />
        </label>
        {tried && typeof amount === "string" ? (
          <p className="alert error">
            {amount === "amountDecimals"
              ? exponent === 0
                ? t("amountNoDecimals", { currency })
                : t("amountMaxDecimals", { currency, exponent })
              : t(amount)}
          </p>
        ) : null}
        {tried && amount === null ? <p className="alert error">{t("enterAmount")}</p> : null}
        <p className="small muted">
          {type === "CASH_OUT" ? t("cashOutWarning") : t("cashInWarning")}
        </p>
        <Button type="submit" variant="primary" size="big">
          {t("handOver")}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t("notThisCard")}
        </Button>
      </form>
      {padOpen && typeof amount === "bigint" ? (
        <PinPad
          type={type}
          holderName={holder.holderName}
          amount={amount}
          currency={currency}
          busy={cardOrder.isPending}
          error={cardOrder.error?.message ?? null}
          onSubmit={(pin) =>
            cardOrder.mutate({
              secret,
              type,
              amount,
              currency,
              pin,
              idempotencyKey: idempotency.key(),
            })
          }
          onCancel={() => {
            setPadOpen(false);
            cardOrder.reset();
          }}
        />
      ) : null}
    </section>
  );
}
