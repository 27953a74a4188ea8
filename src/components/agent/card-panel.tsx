"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { type CurrencyCode, formatMinor, parseMajor } from "@/domain/money";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPC } from "@/lib/trpc";
import styles from "./agent.module.css";
import { PinPad } from "./pin-pad";
import type { AgentOrder } from "./types";

type OrderType = "CASH_IN" | "CASH_OUT";

function readAmount(text: string, currency: CurrencyCode): bigint | string | null {
  if (text.trim() === "") return null;
  try {
    const amount = parseMajor(text, currency);
    return amount > 0n ? amount : "Enter an amount more than zero";
  } catch (error) {
    return error instanceof Error ? error.message : "Enter an amount like 500 or 500.50";
  }
}

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
  const amount = readAmount(amountText, currency);

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

  const verb = type === "CASH_OUT" ? "Cash out" : "Cash in";
  return (
    <section className="card stack" aria-labelledby="card-holder">
      <p>
        <span className="badge">Personal QR card</span>
      </p>
      <h2 id="card-holder" className={styles.cardHolder}>
        {holder.holderName}
      </h2>
      <p className="muted">
        Phone {holder.maskedPhone}. Check that this is the person at the counter.
      </p>
      <form className="stack" onSubmit={handOver} noValidate>
        <fieldset className="segmented" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="small muted">What does the customer want?</legend>
          {(["CASH_OUT", "CASH_IN"] as const).map((t) => (
            <Button
              key={t}
              aria-pressed={type === t}
              onClick={() => {
                if (t !== type) {
                  setType(t);
                  changed();
                }
              }}
            >
              {t === "CASH_OUT" ? "Cash out" : "Cash in"}
            </Button>
          ))}
        </fieldset>
        <label className="stack">
          <span>Amount ({currency})</span>
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
        {tried && typeof amount === "string" ? <p className="alert error">{amount}</p> : null}
        {tried && amount === null ? <p className="alert error">Enter the amount</p> : null}
        <p className="small muted">
          {type === "CASH_OUT"
            ? "Do not hand over any cash yet: the screen says when."
            : "Take the cash after the customer has typed their PIN, then confirm."}
        </p>
        <Button type="submit" variant="primary" size="big">
          Hand the tablet to the customer for their PIN
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Not this card
        </Button>
      </form>
      {padOpen && typeof amount === "bigint" ? (
        <PinPad
          title={`${verb} for ${holder.holderName}`}
          detail={`${verb} of ${formatMinor(amount, currency)}. Type your PIN; the shop cannot see it.`}
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
