import { CURRENCY_EXPONENTS, parseMajor } from "@/domain/money";

/** Why a typed amount is not one: the form words it in the screen's language. */
export type AmountProblem = "zero" | "format" | "decimals";

export type ParsedAmount =
  | { kind: "empty" }
  | { kind: "invalid"; problem: AmountProblem; decimals: number }
  | { kind: "ok"; amount: bigint };

/** What the person typed in the amount field, as minor units or a reason it is not one. */
export function readAmount(text: string): ParsedAmount {
  if (text.trim() === "") return { kind: "empty" };
  const decimals = CURRENCY_EXPONENTS.KES;
  try {
    const amount = parseMajor(text, "KES");
    if (amount === 0n) return { kind: "invalid", problem: "zero", decimals };
    return { kind: "ok", amount };
  } catch {
    // parseMajor refuses two ways: not a number, or more decimals than the currency has.
    const typed = text.trim().replace(/[,\s_]/g, "");
    const fraction = /^\d{1,13}\.(\d*)$/.exec(typed)?.[1];
    const problem = fraction !== undefined && fraction.length > decimals ? "decimals" : "format";
    return { kind: "invalid", problem, decimals };
  }
}
