import { useTranslations } from "next-intl";
import { CLOSE_REASON } from "@/domain/close-reasons";

// The server writes an order's close reason as English text (src/domain/close-reasons.ts,
// the use-cases). Until it carries a code, the customer's screen recognises the fixed ones
// and the two patterns around a person's free text, and words them in the screen's
// language; the free text (an agent's or operator's reason) is shown as it was typed.
const FIXED = {
  // i18n-ignore: the server's text to recognise (src/server/use-cases/cancel-order.ts), never shown
  "Cancelled by the customer": "CUSTOMER_CANCELLED",
  [CLOSE_REASON.rejectedByCustomer]: "REJECTED",
  [CLOSE_REASON.codeExpired]: "CODE_EXPIRED",
  [CLOSE_REASON.cashInNotConfirmed]: "CASH_IN_NOT_CONFIRMED",
  [CLOSE_REASON.cashOutNotApproved]: "CASH_OUT_NOT_APPROVED",
} as const;

/** An order's close reason in the screen's language (null stays null). */
export function useCloseReason(): (reason: string | null) => string | null {
  const t = useTranslations("customer.closeReason");
  return (reason) => {
    if (reason === null) return null;
    if (Object.hasOwn(FIXED, reason)) return t(FIXED[reason as keyof typeof FIXED]);
    const declined = /^Declined by (.+?): (.*)$/s.exec(reason);
    if (declined) return t("declinedBy", { shop: declined[1] ?? "", reason: declined[2] ?? "" });
    const reversed = /^Reversed: (.*)$/s.exec(reason);
    if (reversed) return t("reversed", { reason: reversed[1] ?? "" });
    return reason;
  };
}
