import { useLocale, useTranslations } from "next-intl";
import { cashBreakdown } from "@/domain/cash-breakdown";
import { CURRENCY_EXPONENTS, type CurrencyCode, formatMinor, isCurrencyCode } from "@/domain/money";
import { describeCashWith } from "@/domain/spoken-amounts";
import { INTL_TAG } from "@/i18n/locales";
import { useMinorWords } from "./spoken-money";

/** A face value as printed on the note or coin: "1000", "0.50" for a coin below one unit. */
function faceLabel(value: bigint, currency: CurrencyCode): string {
  const scale = 10n ** BigInt(CURRENCY_EXPONENTS[currency]);
  if (value % scale === 0n) return (value / scale).toString();
  // As printed on the coin, whatever the screen's language: "0.50".
  const units = Number(value) / Number(scale);
  return units.toFixed(CURRENCY_EXPONENTS[currency]);
}

/**
 * An amount as the notes and coins it is counted in, for people who read pictures of money
 * more easily than figures. The chips are a picture; the words beside them (read by screen
 * readers, and `describeCashWith` in the screen's language) say the same.
 */
export function CashChips({
  amount,
  currency,
  language,
}: {
  amount: bigint;
  currency: string;
  /** The words' language; the screen's by default. */
  language?: string;
}) {
  const t = useTranslations("common.ui.cash");
  const minorWords = useMinorWords();
  const locale = useLocale();
  if (!isCurrencyCode(currency) || amount <= 0n) return null;
  const breakdown = cashBreakdown(amount, currency);
  // The words from the screen's catalogue; the currency's name and numbers from Intl.
  const words = describeCashWith(breakdown, language ?? locale, {
    ...minorWords(currency),
    piece: (kind, count, face) => t("piece", { kind, count, face }),
    unpayable: (money) => t("unpayable", { amount: money }),
    noCash: t("noCash"),
  });
  const tag = INTL_TAG[locale];
  return (
    <div className="cash-chips" data-testid="cash-chips">
      <ul aria-hidden>
        {breakdown.pieces.map((p) => (
          <li key={p.value.toString()} className={`cash-chip ${p.kind}`}>
            <span className="face">{faceLabel(p.value, currency)}</span>
            {p.count > 1 ? <span className="count">×{p.count}</span> : null}
          </li>
        ))}
      </ul>
      {breakdown.unpayable > 0n ? (
        <p className="small muted" aria-hidden>
          {t("tooSmall", { amount: formatMinor(breakdown.unpayable, currency, tag) })}
        </p>
      ) : null}
      {words ? <p className="sr-only">{t("inCash", { words })}</p> : null}
    </div>
  );
}
