"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { decimalMarkOf, readAmount } from "@/components/ui/amount-input";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { CURRENCY_EXPONENTS, type CurrencyCode } from "@/domain/money";
import { isWaiting, type RebalanceKind, type RebalanceStatus } from "@/domain/rebalance";
import { INTL_TAG } from "@/i18n/locales";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPC } from "@/lib/trpc";
import styles from "./agent.module.css";
import { AgentTopBar } from "./agent-top-bar";
import { shopCurrency } from "./overview-cards";
import { useFormatRowTime } from "./types";

const TONE: Record<RebalanceStatus, string> = {
  REQUESTED: "waiting",
  AWAITING_SECOND: "waiting",
  APPROVED: "done",
  REJECTED: "problem",
  CANCELLED: "closed",
};

/** The owner's rebalancing: ask to buy or sell float, follow and cancel requests. */
export function RebalanceScreen() {
  const trpc = useTRPC();
  const t = useTranslations("agent.rebalance");
  const overview = useQuery(trpc.agent.overview.queryOptions());
  const mine = useQuery(trpc.agent.rebalances.queryOptions());
  const currency = (overview.data ? shopCurrency(overview.data) : "KES") as CurrencyCode;
  const float = overview.data?.float[0];

  return (
    <>
      <AgentTopBar shopName={overview.data?.shopName} current="rebalance" />
      <main className="page stack">
        <div className="spread">
          <h1>{t("title")}</h1>
          <Link href="/agent" className="button ghost">
            {t("back")}
          </Link>
        </div>
        <p className="muted">{t("intro")}</p>

        <section className="card stack" aria-labelledby="ask">
          <h2 id="ask">{t("ask")}</h2>
          {float ? (
            <p data-testid="rebalance-available">
              {t.rich("available", {
                money: () => <Money amount={float.available} currency={float.currency} />,
              })}
            </p>
          ) : overview.isError ? (
            <ErrorNote error={overview.error} />
          ) : (
            <div className="skeleton" style={{ height: "1.5rem" }} />
          )}
          <RequestForm currency={currency} />
        </section>

        <section className="card stack" aria-labelledby="mine">
          <h2 id="mine">{t("mine")}</h2>
          {mine.isPending ? (
            <ul className="list" aria-busy aria-label={t("loading")}>
              {[0, 1, 2].map((i) => (
                <li key={i}>
                  <div className="skeleton" style={{ height: "2.4rem" }} />
                </li>
              ))}
            </ul>
          ) : !mine.data ? (
            <div className="stack">
              <ErrorNote error={mine.error} />
              <Button onClick={() => void mine.refetch()}>{t("tryAgain")}</Button>
            </div>
          ) : mine.data.length === 0 ? (
            <p className="muted center" data-testid="rebalance-empty">
              {t("empty")}
            </p>
          ) : (
            <ul className="list" data-testid="rebalance-list">
              {mine.data.map((row) => (
                <RequestItem key={row.id} row={row} />
              ))}
            </ul>
          )}
        </section>
      </main>
    </>
  );
}

function RequestForm({ currency }: { currency: CurrencyCode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const t = useTranslations("agent.rebalance");
  const amounts = useTranslations("agent.card");
  const [kind, setKind] = useState<RebalanceKind>("SELL_FLOAT");
  const [amountText, setAmountText] = useState("");
  const [reference, setReference] = useState("");
  const [tried, setTried] = useState(false);
  const [sent, setSent] = useState(false);
  const idempotency = useIdempotencyKey();
  const amount = readAmount(amountText, currency, decimalMarkOf(INTL_TAG[useLocale()]));
  const request = useMutation(
    trpc.agent.requestRebalance.mutationOptions({
      onSuccess: () => {
        idempotency.rotate();
        setAmountText("");
        setReference("");
        setTried(false);
        setSent(true);
        void queryClient.invalidateQueries({ queryKey: trpc.agent.pathKey() });
      },
    }),
  );

  // Another kind, amount or reference is another request: it must not replay the last key.
  function changed() {
    idempotency.rotate();
    request.reset();
    setSent(false);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (typeof amount !== "bigint") return;
    if (kind === "BUY_FLOAT" && reference.trim() === "") return;
    request.mutate(
      kind === "BUY_FLOAT"
        ? { kind, amount, bankReference: reference.trim(), idempotencyKey: idempotency.key() }
        : { kind, amount, idempotencyKey: idempotency.key() },
    );
  }

  const exponent = CURRENCY_EXPONENTS[currency];
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <fieldset className="segmented" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="small muted">{t("kindLegend")}</legend>
        {(["SELL_FLOAT", "BUY_FLOAT"] as const).map((k) => (
          <Button
            key={k}
            aria-pressed={kind === k}
            onClick={() => {
              if (k !== kind) {
                setKind(k);
                changed();
              }
            }}
          >
            {t(`kind.${k}`)}
          </Button>
        ))}
      </fieldset>
      <p className="small muted">{kind === "BUY_FLOAT" ? t("buyHint") : t("sellHint")}</p>
      <label className="stack">
        <span>{amounts("amount", { currency })}</span>
        <input
          name="amount"
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
              ? amounts("amountNoDecimals", { currency })
              : amounts("amountMaxDecimals", { currency, exponent })
            : amounts(amount)}
        </p>
      ) : null}
      {tried && amount === null ? <p className="alert error">{amounts("enterAmount")}</p> : null}
      {kind === "BUY_FLOAT" ? (
        <>
          <label className="stack">
            <span>{t("reference")}</span>
            <input
              name="reference"
              autoComplete="off"
              autoCapitalize="characters"
              maxLength={80}
              value={reference}
              onChange={(e) => {
                setReference(e.target.value);
                changed();
              }}
              aria-invalid={tried && reference.trim() === ""}
              aria-describedby="reference-hint"
            />
            <span id="reference-hint" className="small muted">
              {t("referenceHint")}
            </span>
          </label>
          {tried && reference.trim() === "" ? (
            <p className="alert error">{t("enterReference")}</p>
          ) : null}
        </>
      ) : null}
      <ErrorNote error={request.error} />
      {sent ? (
        <p className="alert ok" role="status">
          {t("sent")}
        </p>
      ) : null}
      <Button type="submit" variant="primary" size="big" busy={request.isPending}>
        {t("submit")}
      </Button>
    </form>
  );
}

type Row = {
  id: string;
  kind: RebalanceKind;
  amount: bigint;
  currency: string;
  bankReference: string | null;
  status: RebalanceStatus;
  requestedAt: Date;
  decisionReason: string | null;
};

function RequestItem({ row }: { row: Row }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const t = useTranslations("agent.rebalance");
  const formatRowTime = useFormatRowTime();
  const idempotency = useIdempotencyKey();
  const cancel = useMutation(
    trpc.agent.cancelRebalance.mutationOptions({
      onSuccess: () => {
        idempotency.rotate();
        void queryClient.invalidateQueries({ queryKey: trpc.agent.pathKey() });
      },
    }),
  );
  return (
    <li className="stack" data-testid="rebalance-row">
      <div className={styles.rowMain}>
        <div>
          <strong>{t(`kind.${row.kind}`)}</strong>
          <div className="muted small">{formatRowTime(row.requestedAt)}</div>
        </div>
        <div className="small muted">
          {row.bankReference ? t("depositRef", { reference: row.bankReference }) : null}
          {row.decisionReason ? <div>{t("reason", { reason: row.decisionReason })}</div> : null}
        </div>
        <div className={styles.rowAmounts}>
          <Money amount={row.amount} currency={row.currency} />
          <span className={`badge tone-${TONE[row.status]}`}>{t(`status.${row.status}`)}</span>
        </div>
      </div>
      {isWaiting(row.status) ? (
        <div className="stack">
          <ErrorNote error={cancel.error} />
          <Button
            variant="ghost"
            busy={cancel.isPending}
            onClick={() =>
              cancel.mutate({ rebalanceId: row.id, idempotencyKey: idempotency.key() })
            }
          >
            {t("cancel")}
          </Button>
        </div>
      ) : null}
    </li>
  );
}
