import { useLocale, useTranslations } from "next-intl";
import { useSpokenMoney } from "@/components/ui/spoken-money";
import { isCurrencyCode } from "@/domain/money";
import type { CustomerOrder } from "./types";

/**
 * The read-aloud sentence of an order on one of the customer's screens, in the screen's
 * language: the sentences come from the catalogue (customer.spoken), the amounts are said
 * in words through Intl. The read-aloud button asks for the page's language (<html lang>);
 * only the screen's own language has words here, any other gets null ("no words").
 */
export function useSpokenOrder(
  order: CustomerOrder,
  screen: "customer-approval" | "customer-receipt",
): (language: string) => string | null {
  const t = useTranslations("customer.spoken");
  const locale = useLocale();
  const sayMoney = useSpokenMoney();
  return (language) => {
    const currency = order.currency;
    if (!isCurrencyCode(currency) || language.split("-")[0] !== locale) return null;
    const money = (amount: bigint) => sayMoney(language, amount, currency);
    const cash = money(order.amount);
    const wallet = money(order.walletAmount);
    const done = screen === "customer-receipt";
    const cashIn = order.type === "CASH_IN";
    const first =
      screen === "customer-approval"
        ? t("approval", { cash })
        : t(cashIn ? "receiptCashIn" : "receiptCashOut", { cash });
    const fee =
      order.fee === 0n
        ? t(done ? "noFeeDone" : "noFee")
        : t(done ? "feeDone" : "fee", { fee: money(order.fee) });
    const walletLine =
      screen === "customer-approval"
        ? t("approvalWallet", { wallet })
        : t(cashIn ? "receiptCashInWallet" : "receiptCashOutWallet", { wallet });
    const party = order.agentShopName
      ? t("agent", { shop: order.agentShopName })
      : t("agentUnknown");
    // The fee right after the cash: the two figures people check first.
    return [first, fee, walletLine, party].join(" ");
  };
}
