import { cashBreakdown } from "@/domain/cash-breakdown";
import { CURRENCY_EXPONENTS, type CurrencyCode, formatMinor, isCurrencyCode } from "@/domain/money";
import { describeCash } from "@/domain/spoken-amounts";

/** A face value as printed on the note or coin: "1000", "0.50" for a coin below one unit. */
function faceLabel(value: bigint, currency: CurrencyCode): string {
  const scale = 10n ** BigInt(CURRENCY_EXPONENTS[currency]);
  if (value % scale === 0n) return (value / scale).toString();
  return formatMinor(value, currency).slice(currency.length + 1);
}

/**
 * An amount as the notes and coins it is counted in, for people who read pictures of money
 * more easily than figures. The chips are a picture; the words beside them (read by screen
 * readers, and `describeCash` in the screen's language) say the same.
 */
export function CashChips({
  amount,
  currency,
  language = "en",
}: {
  amount: bigint;
  currency: string;
  /** Server-rendered with the screen's language; today always English. */
  language?: string;
}) {
  if (!isCurrencyCode(currency) || amount <= 0n) return null;
  const breakdown = cashBreakdown(amount, currency);
  const words = describeCash(breakdown, language);
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
          + {formatMinor(breakdown.unpayable, currency)}: no coin is that small
        </p>
      ) : null}
      {words ? <p className="sr-only">In cash: {words}.</p> : null}
    </div>
  );
}
