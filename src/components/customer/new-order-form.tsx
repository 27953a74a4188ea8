"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { decimalMarkOf, readAmount } from "@/components/ui/amount-input";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { CURRENCY_EXPONENTS } from "@/domain/money";
import { INTL_TAG } from "@/i18n/locales";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPC } from "@/lib/trpc";
import styles from "./customer.module.css";
import { CustomerShell } from "./customer-shell";
import { QuotePreview } from "./quote-preview";
import { BackTopBar } from "./top-bar";
import type { OrderType } from "./types";
import { useDebouncedValue } from "./use-debounced-value";

export function NewOrderForm({ initialType }: { initialType: OrderType }) {
  const t = useTranslations("customer.newOrder");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [type, setType] = useState<OrderType>(initialType);
  const [amountText, setAmountText] = useState("");
  const [showProblem, setShowProblem] = useState(false);
  const idempotency = useIdempotencyKey();
  const overview = useQuery(trpc.customer.overview.queryOptions());
  const createOrder = useMutation(trpc.customer.createOrder.mutationOptions());

  // "500,50" is 500.50 where the screen's language writes a decimal comma (French).
  const decimalMark = decimalMarkOf(INTL_TAG[useLocale()]);
  const parsed = readAmount(amountText, "KES", decimalMark);
  const settledText = useDebouncedValue(amountText, 350);
  const settled = readAmount(settledText, "KES", decimalMark);
  const wallet = overview.data?.wallets.find((w) => w.currency === "KES");

  // A different type or amount is a different intent: it must not replay the last key.
  function changeIntent() {
    idempotency.rotate();
    createOrder.reset();
  }

  function chooseType(next: OrderType) {
    if (next === type) return;
    setType(next);
    changeIntent();
    // Keep the choice in the address so a reload or the back button lands on the same form.
    window.history.replaceState(null, "", `?type=${next}`);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setShowProblem(true);
    if (typeof parsed !== "bigint") return;
    createOrder.mutate(
      { type, amount: parsed, currency: "KES", idempotencyKey: idempotency.key() },
      {
        onSuccess: (order) => {
          idempotency.rotate();
          // The answer is the order as the order screen would ask for it: that screen paints
          // the QR from it at once instead of a round trip later (0.4 s or more on slow 3G).
          queryClient.setQueryData(trpc.customer.order.queryKey({ orderId: order.id }), order);
          void queryClient.invalidateQueries(trpc.customer.overview.queryFilter());
          void queryClient.invalidateQueries(trpc.customer.activity.pathFilter());
          router.replace(`/customer/orders/${order.id}`);
        },
      },
    );
  }

  const problem =
    typeof parsed === "string" && (showProblem || typeof settled === "string")
      ? {
          message:
            parsed === "amountMoreThanZero"
              ? t("amountZero")
              : parsed === "amountDecimals"
                ? t("amountDecimals", { decimals: CURRENCY_EXPONENTS.KES })
                : t("amountFormat"),
        }
      : showProblem && parsed === null
        ? { message: t("enterAmount") }
        : null;

  return (
    <CustomerShell bar={<BackTopBar title={t("title")} heading />}>
      <form className="stack" onSubmit={submit} noValidate>
        <fieldset className={`segmented ${styles.bare}`}>
          <legend className="small muted">{t("what")}</legend>
          <Button aria-pressed={type === "CASH_IN"} onClick={() => chooseType("CASH_IN")}>
            {t("cashIn")}
          </Button>
          <Button aria-pressed={type === "CASH_OUT"} onClick={() => chooseType("CASH_OUT")}>
            {t("cashOut")}
          </Button>
        </fieldset>
        <p className="muted small">{type === "CASH_IN" ? t("cashInHint") : t("cashOutHint")}</p>
        <Link
          href={`/customer/finder?type=${type}${amountText.trim() ? `&amount=${encodeURIComponent(amountText.trim())}` : ""}`}
          className="button ghost"
        >
          {t("findAgent")}
        </Link>
        <label className="field">
          {t("amount")}
          <input
            name="amount"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            placeholder={t("amountPlaceholder")}
            value={amountText}
            aria-invalid={problem ? true : undefined}
            aria-describedby={wallet ? "amount-hint" : undefined}
            onChange={(e) => {
              setAmountText(e.target.value);
              setShowProblem(false);
              changeIntent();
            }}
          />
        </label>
        {wallet ? (
          <span id="amount-hint" className={`small muted ${styles.hintBelow}`}>
            {t.rich("available", {
              money: () => <Money amount={wallet.available} currency="KES" />,
            })}
          </span>
        ) : null}
        <ErrorNote error={problem} />
        {typeof settled === "bigint" && typeof parsed === "bigint" ? (
          <QuotePreview key={type} type={type} amount={settled} />
        ) : null}
        <ErrorNote error={createOrder.error} />
        <Button type="submit" variant="primary" size="big" busy={createOrder.isPending}>
          {t("create")}
        </Button>
      </form>
    </CustomerShell>
  );
}
