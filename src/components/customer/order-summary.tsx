import { useTranslations } from "next-intl";
import { CashChips } from "@/components/ui/cash-chips";
import { Money } from "@/components/ui/money";
import type { CustomerOrder } from "./types";

/** Cash, fee and the wallet's side of one order, in the customer's words. */
export function OrderSummary({ order }: { order: CustomerOrder }) {
  return (
    <dl>
      <MoneyLines order={order} />
    </dl>
  );
}

/**
 * The cash, the fee and what the wallet gains or pays, as lines of a <dl>: said ahead of
 * the counter, or (`done`) as a receipt says what happened.
 */
export function MoneyLines({ order, done = false }: { order: CustomerOrder; done?: boolean }) {
  const t = useTranslations("customer.summary");
  const cashIn = order.type === "CASH_IN";
  const cash = done
    ? t(cashIn ? "cashGiven" : "cashReceived")
    : t(cashIn ? "cashYouGive" : "cashYouReceive");
  const wallet = done
    ? t(cashIn ? "walletCredited" : "walletDebited")
    : t(cashIn ? "walletReceives" : "walletPays");
  const walletMoney = <Money amount={order.walletAmount} currency={order.currency} />;
  return (
    <>
      <dt>{cash}</dt>
      <dd>
        <Money amount={order.amount} currency={order.currency} />
        {/* Only the cash is counted out in notes and coins; the fee and wallet never are. */}
        <CashChips amount={order.amount} currency={order.currency} />
      </dd>
      <dt>{t("fee")}</dt>
      <dd>
        <Money amount={order.fee} currency={order.currency} />
      </dd>
      <dt>{wallet}</dt>
      {/* Ahead of the counter, what the wallet gains or pays is the figure to check. */}
      <dd>{done ? walletMoney : <strong>{walletMoney}</strong>}</dd>
    </>
  );
}
