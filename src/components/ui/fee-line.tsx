import { useTranslations } from "next-intl";
import { useFormatMoney } from "@/components/ui/money";

/**
 * The official fee in plain sight, where the customer decides and where the shop serves:
 * charging more than it is the commonest counter fraud, and a customer who saw the fee on
 * the screen can refuse it (and report it after, customer/overcharge-panel.tsx).
 */
export function FeeLine({ fee, currency }: { fee: bigint; currency: string }) {
  const t = useTranslations("common.ui.feeLine");
  const formatMoney = useFormatMoney();
  return (
    <p className="alert ok" data-testid="fee-line">
      <strong>{t("fee", { fee: formatMoney(fee, currency) })}</strong> {t("nothingElse")}
    </p>
  );
}
