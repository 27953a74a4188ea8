import r from "./reports.module.css";
import { useAdminFormats } from "./use-admin-formats";

/** Money in green with a +, money out in red with a −: the sign says it without the colour. */
export function SignedAmount({ amount, currency }: { amount: bigint; currency: string }) {
  const format = useAdminFormats();
  const tone = amount > 0n ? r.in : amount < 0n ? r.out : "";
  return <span className={`amount ${tone}`}>{format.signedMinor(amount, currency)}</span>;
}
