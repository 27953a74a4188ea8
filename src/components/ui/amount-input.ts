import { type CurrencyCode, parseMajor } from "@/domain/money";

/** Why a typed amount cannot be used (each screen words it). */
export type AmountProblem = "amountMoreThanZero" | "amountLike" | "amountDecimals";

/** The decimal mark people write in a language: "," in French, "." in English. */
export function decimalMarkOf(intlTag: string): string {
  return (
    new Intl.NumberFormat(intlTag).formatToParts(1.5).find((p) => p.type === "decimal")?.value ??
    "."
  );
}

/**
 * An amount a person typed (the customer's new order, the agent's card panel), in minor units, or why it cannot be used (null: nothing
 * typed). parseMajor reads "," as a thousands separator; where the screen's language writes
 * "," as the decimal mark, "500,50" must not become 50 050: the comma is read as the
 * decimal point there. A dot still works (phones' number pads often offer only a dot), and
 * a text with both marks ("1.250,50") is refused rather than guessed.
 */
export function readAmount(
  text: string,
  currency: CurrencyCode,
  decimalMark: string,
): bigint | AmountProblem | null {
  if (text.trim() === "") return null;
  const typed = decimalMark === "," ? text.replaceAll(",", ".") : text;
  try {
    const amount = parseMajor(typed, currency);
    return amount > 0n ? amount : "amountMoreThanZero";
  } catch {
    // parseMajor refuses either the shape or more decimals than the currency has.
    const plain = typed.trim().replace(/[,\s_]/g, "");
    return /^\d{1,13}\.\d*$/.test(plain) ? "amountDecimals" : "amountLike";
  }
}
