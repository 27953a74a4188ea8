import { useLocale } from "next-intl";
import { formatMinor } from "@/domain/money";
import { INTL_TAG } from "@/i18n/locales";

/** Formats minor units in the screen's language (for text that is not a <Money>, e.g. a label). */
export function useFormatMoney(): (amount: bigint, currency: string) => string {
  const tag = INTL_TAG[useLocale()];
  return (amount, currency) => formatMinor(amount, currency, tag);
}

export function Money({
  amount,
  currency,
  className,
}: {
  amount: bigint;
  currency: string;
  className?: string;
}) {
  const format = useFormatMoney();
  return <span className={`amount ${className ?? ""}`}>{format(amount, currency)}</span>;
}
