import { useLocale, useTranslations } from "next-intl";
import { useSpokenMoney } from "@/components/ui/spoken-money";
import { isCurrencyCode } from "@/domain/money";
import type { AgentOrder } from "./types";

/**
 * The read-aloud sentence of an order on the agent's preview or receipt, in the screen's
 * language: sentences from the catalogue (agent.spoken), amounts said in words through Intl.
 * The tablet never gets the customer's name, only a masked phone: the customer is named by
 * the phone's last digits, the same ones shown on screen, said digit by digit ("001" read
 * as a number would be "one"). Any language but the screen's gets null ("no words").
 */
export function useSpokenOrder(
  order: AgentOrder,
  screen: "agent-preview" | "agent-receipt",
): (language: string) => string | null {
  const t = useTranslations("agent.spoken");
  const locale = useLocale();
  const sayMoney = useSpokenMoney();
  return (language) => {
    const currency = order.currency;
    if (!isCurrencyCode(currency) || language.split("-")[0] !== locale) return null;
    const money = (amount: bigint) => sayMoney(language, amount, currency);
    const cash = money(order.cash);
    const cashIn = order.type === "CASH_IN";
    const done = screen === "agent-receipt";
    const first = done
      ? t(cashIn ? "receiptCashIn" : "receiptCashOut", { cash })
      : t(cashIn ? "previewCashIn" : "previewCashOut", { cash });
    const fee =
      order.fee === 0n
        ? t(done ? "noFeeDone" : "noFee")
        : t(done ? "feeDone" : "fee", { fee: money(order.fee) });
    const digits = [...(/\d*$/.exec(order.customerPhone)?.[0] ?? "")].join(" ");
    // The fee right after the cash: the two figures people check first.
    return [first, fee, t("customer", { digits })].join(" ");
  };
}
