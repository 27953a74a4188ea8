import { signedMinor } from "./report-formats";
import r from "./reports.module.css";

/** Money in green with a +, money out in red with a −: the sign says it without the colour. */
export function SignedAmount({ amount, currency }: { amount: bigint; currency: string }) {
  const tone = amount > 0n ? r.in : amount < 0n ? r.out : "";
  return <span className={`amount ${tone}`}>{signedMinor(amount, currency)}</span>;
}
