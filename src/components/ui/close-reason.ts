import { useTranslations } from "next-intl";
import { reasonMessage } from "@/domain/close-reasons";

/**
 * An order's stored close reason in the screen's language, for both sides' screens: the
 * server's own sentences by key, a person's words kept inside a translated frame, anything
 * else as written (null stays null).
 */
export function useCloseReason(): (reason: string | null) => string | null {
  const t = useTranslations("common.closeReason");
  return (reason) => {
    if (reason === null) return null;
    const message = reasonMessage(reason);
    if (!message) return reason;
    return "values" in message ? t(message.key, message.values) : t(message.key);
  };
}
