"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ErrorNote } from "@/components/ui/error-note";
import { FeeLine } from "@/components/ui/fee-line";
import { Money } from "@/components/ui/money";
import { useTRPC } from "@/lib/trpc";
import styles from "./customer.module.css";
import type { OrderType } from "./types";

/** What the order will cost before it exists: fee and the wallet's side of it. */
export function QuotePreview({ type, amount }: { type: OrderType; amount: bigint }) {
  const t = useTranslations("customer.quote");
  const trpc = useTRPC();
  const quote = useQuery({
    ...trpc.customer.quote.queryOptions({ type, amount, currency: "KES" }),
    placeholderData: keepPreviousData,
  });

  if (quote.error) return <ErrorNote error={quote.error} />;
  if (!quote.data) {
    return <div className="card skeleton" style={{ minHeight: "7rem" }} aria-busy="true" />;
  }
  const q = quote.data;
  const minutes = Math.round(q.ttlSeconds / 60);
  return (
    <section
      className="card receipt"
      aria-label={t("label")}
      aria-busy={quote.isPlaceholderData}
      data-testid="quote"
    >
      <dl>
        <dt>{type === "CASH_IN" ? t("youGive") : t("agentGives")}</dt>
        <dd>
          <Money amount={q.amount} currency="KES" />
        </dd>
        <dt>{t("fee")}</dt>
        <dd>
          <Money amount={q.fee} currency="KES" />
        </dd>
        <dt>{type === "CASH_IN" ? t("walletReceives") : t("takenFromWallet")}</dt>
        <dd>
          <strong>
            <Money amount={q.walletAmount} currency="KES" />
          </strong>
        </dd>
      </dl>
      <FeeLine fee={q.fee} currency="KES" />
      <p className={`small muted ${styles.note}`}>
        {type === "CASH_OUT" ? t("validKeptAside", { minutes }) : t("valid", { minutes })}
      </p>
    </section>
  );
}
