import { formatMinor } from "@/domain/money";

export function Money({
  amount,
  currency,
  className,
}: {
  amount: bigint;
  currency: string;
  className?: string;
}) {
  return <span className={`amount ${className ?? ""}`}>{formatMinor(amount, currency)}</span>;
}
