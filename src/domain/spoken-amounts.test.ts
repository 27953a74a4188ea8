import { describe, expect, it } from "vitest";
import { cashBreakdown } from "./cash-breakdown";
import { describeCash, hasSpokenWords, type SpokenOrder, spokenSummary } from "./spoken-amounts";

const cashOut: SpokenOrder = {
  screen: "customer-approval",
  type: "CASH_OUT",
  currency: "KES",
  cash: 70_000n,
  fee: 3_000n,
  wallet: 73_000n,
  otherParty: { kind: "agent", shopName: "Mama Mboga Shop" },
};

describe("spokenSummary", () => {
  it("says the cash, the fee, the wallet and the shop on the approval screen", () => {
    expect(spokenSummary(cashOut, "en")).toBe(
      "You will receive 700 Kenyan shillings in cash. The fee is 30 Kenyan shillings. " +
        "Your wallet pays 730 Kenyan shillings. Agent: Mama Mboga Shop.",
    );
  });

  it("reads cents as words, not as a decimal point", () => {
    const text = spokenSummary(
      { ...cashOut, cash: 100_000n, fee: 1_550n, wallet: 101_550n },
      "en-KE",
    );
    expect(text).toContain("1,000 Kenyan shillings in cash");
    expect(text).toContain("The fee is 15 Kenyan shillings and 50 cents.");
    expect(text).toContain("1,015 Kenyan shillings and 50 cents");
    expect(spokenSummary({ ...cashOut, fee: 1n }, "en")).toContain("The fee is 1 cent.");
    expect(spokenSummary({ ...cashOut, fee: 100n }, "en")).toContain(
      "The fee is 1 Kenyan shilling.",
    );
  });

  it("says so when there is no fee", () => {
    expect(spokenSummary({ ...cashOut, fee: 0n }, "en")).toContain("There is no fee.");
    expect(spokenSummary({ ...cashOut, fee: 0n, screen: "customer-receipt" }, "en")).toContain(
      "There was no fee.",
    );
  });

  it("words each of the four screens for what happened there", () => {
    const receipt = { ...cashOut, screen: "customer-receipt" } as const;
    expect(spokenSummary(receipt, "en")).toBe(
      "Cash-out paid. Collect 700 Kenyan shillings in cash. The fee was 30 Kenyan shillings. " +
        "Your wallet paid 730 Kenyan shillings. Agent: Mama Mboga Shop.",
    );
    expect(spokenSummary({ ...receipt, type: "CASH_IN", wallet: 67_000n }, "en")).toContain(
      "You gave 700 Kenyan shillings in cash. The fee was 30 Kenyan shillings. Your wallet received 670",
    );
    const agent: SpokenOrder = {
      screen: "agent-preview",
      type: "CASH_IN",
      currency: "KES",
      cash: 50_000n,
      fee: 500n,
      otherParty: { kind: "customer", phoneEnd: "001" },
    };
    expect(spokenSummary(agent, "en")).toBe(
      "Take 500 Kenyan shillings in cash from the customer, count it, then confirm. " +
        "The customer's fee is 5 Kenyan shillings. Customer: phone number ending 0 0 1.",
    );
    expect(spokenSummary({ ...agent, screen: "agent-receipt", type: "CASH_OUT" }, "en")).toBe(
      "Paid. Hand over 500 Kenyan shillings in cash now. The customer's fee was 5 Kenyan shillings. " +
        "Customer: phone number ending 0 0 1.",
    );
  });

  it("names a shop it does not know as not known rather than leaving a gap", () => {
    expect(
      spokenSummary({ ...cashOut, otherParty: { kind: "agent", shopName: null } }, "en"),
    ).toMatch(/Agent: not known\.$/);
  });

  it("uses the currency's own name and minor unit", () => {
    expect(
      spokenSummary({ ...cashOut, currency: "UGX", cash: 20_000n, fee: 500n }, "en"),
    ).toContain("20,000 Ugandan shillings in cash. The fee is 500 Ugandan shillings.");
    expect(spokenSummary({ ...cashOut, currency: "GHS", fee: 250n }, "en")).toContain(
      "2 Ghanaian cedis and 50 pesewas",
    );
  });

  it("has no words for a language it was not given, instead of speaking English", () => {
    expect(spokenSummary(cashOut, "sw-KE")).toBeNull();
    expect(hasSpokenWords("sw")).toBe(false);
    expect(hasSpokenWords("en-GB")).toBe(true);
  });
});

describe("describeCash", () => {
  it("lists the notes and coins a poor reader of numbers can match to the chips", () => {
    expect(describeCash(cashBreakdown(254_000n, "KES"), "en")).toBe(
      "2 notes of 1,000 Kenyan shillings, 1 note of 500 Kenyan shillings, and 2 coins of 20 Kenyan shillings",
    );
  });

  it("says what cannot be paid in coins", () => {
    expect(describeCash(cashBreakdown(1_050n, "KES"), "en")).toBe(
      "1 coin of 10 Kenyan shillings and 50 cents cannot be paid in coins",
    );
    expect(describeCash(cashBreakdown(0n, "KES"), "en")).toBe("no cash");
    expect(describeCash(cashBreakdown(0n, "KES"), "fr")).toBeNull();
  });
});
