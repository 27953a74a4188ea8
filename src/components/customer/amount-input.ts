import { parseMajor } from "@/domain/money";

export type ParsedAmount =
  | { kind: "empty" }
  | { kind: "invalid"; message: string }
  | { kind: "ok"; amount: bigint };

/** What the person typed in the amount field, as minor units or a reason it is not one. */
export function readAmount(text: string): ParsedAmount {
  if (text.trim() === "") return { kind: "empty" };
  try {
    const amount = parseMajor(text, "KES");
    if (amount === 0n) return { kind: "invalid", message: "Enter an amount more than zero" };
    return { kind: "ok", amount };
  } catch (error) {
    return {
      kind: "invalid",
      message: error instanceof Error ? error.message : "Enter an amount like 500 or 500.50",
    };
  }
}
