// A personal QR card, for customers without a smartphone. The QR holds only an unguessable
// secret; what is printed beside it must not help whoever finds the card: the holder's name
// (so the agent can compare it with the person at the counter) and a masked phone number.

import type { ErrorKey } from "@/i18n/translate";

/** The QR of a card: "PC1" + 22 base64url characters (132 bits), never an order's "PP1". */
export const CARD_SECRET_PATTERN = /^PC1[A-Za-z0-9_-]{22}$/;

export function looksLikeCardSecret(text: string): boolean {
  return CARD_SECRET_PATTERN.test(text);
}

export type CardStatus = "ACTIVE" | "BLOCKED" | "REPLACED";

/**
 * "+254 ••• ••• 678": the country code and the last three digits, enough for the holder and
 * the agent to tell two cards apart, too little to call or to sign in as the holder.
 */
export function maskedPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 8) return "•••";
  const last = digits.slice(-3);
  // The calling code is 1 to 3 digits; without a table of them, show at most 3 and never
  // more than leaves 5 digits hidden.
  const code = digits.slice(0, Math.min(3, digits.length - 8));
  return `${code ? `+${code} ` : ""}••• ••• ${last}`;
}

/** What an agent is told when a scanned card cannot be used, in plain words. */
export function cardRefusal(status: CardStatus | null): ErrorKey | null {
  switch (status) {
    case "ACTIVE":
      return null;
    case "BLOCKED":
      return "cardBlocked";
    case "REPLACED":
      return "cardReplaced";
    case null:
      return "notACard";
  }
}
