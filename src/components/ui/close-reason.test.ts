import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { CLOSE_REASON, reasonMessage } from "@/domain/close-reasons";
import { CATALOGUES } from "@/i18n/messages";

/** The message a reason maps to, rendered in a language. */
function render(reason: string, locale: "en" | "sw" | "fr" | "zh"): string | null {
  const found = reasonMessage(reason);
  if (!found) return null;
  const source = CATALOGUES[locale].common.closeReason[found.key];
  const values = "values" in found ? found.values : {};
  return String(new IntlMessageFormat(source, locale).format(values));
}

// The reasons as the server writes them (src/server/use-cases): English screens must show
// them exactly as before, other languages must not show the English frame.
const SERVER_REASONS = [
  ...Object.values(CLOSE_REASON),
  "Cancelled by the customer",
  "Declined by Wanjiru General Store: Customer left",
  "Declined by Shop: A: reason with a colon: kept",
  "Reversed: Duplicate order\nsee ticket 12",
];

describe("closed orders' reasons on both sides' screens", () => {
  it.each(SERVER_REASONS)("English reads exactly as the server wrote it: %s", (reason) => {
    expect(render(reason, "en")).toBe(reason);
  });

  it("keeps the person's words and translates the frame", () => {
    const reason = "Declined by Wanjiru General Store: Mteja ameondoka";
    expect(render(reason, "fr")).toBe("Refusé par Wanjiru General Store : Mteja ameondoka");
    expect(render(reason, "sw")).toBe("Imekataliwa na Wanjiru General Store: Mteja ameondoka");
    expect(render("Reversed: Duplicate", "zh")).toBe("已冲正：Duplicate");
  });

  it.each(["sw", "fr", "zh"] as const)("%s shows none of the server's English", (locale) => {
    for (const reason of SERVER_REASONS) {
      expect(render(reason, locale)).not.toMatch(/Declined by|Reversed:|customer|scanned|expired/);
    }
  });

  it("leaves other words as written (an operator's reason)", () => {
    expect(reasonMessage("Customer disputed: upheld by operators")).toBeNull();
    expect(reasonMessage("")).toBeNull();
  });
});
