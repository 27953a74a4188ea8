import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { CLOSE_REASON } from "@/domain/close-reasons";
import { ACCOUNT_KINDS } from "@/domain/postings";
import { DEFAULT_SETTINGS } from "@/domain/settings";
import { CATALOGUES } from "@/i18n/messages";
import { codeNamesOf, ENTRY_KINDS, humanize, NAMED_CODES } from "./labels";

const names = codeNamesOf(
  createTranslator({ locale: "en", messages: CATALOGUES.en, namespace: "common.codes" }),
);

const CODE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/;

/** Every journal-entry kind the server, the database functions or the seed write. */
function entryKindsWritten(): string[] {
  const root = path.resolve(import.meta.dirname, "../../..");
  const files = [
    "src/server/db/seed.ts",
    ...readdirSync(path.join(root, "src/server/use-cases")).map((f) => `src/server/use-cases/${f}`),
  ];
  const kinds = new Set<string>();
  for (const file of files) {
    const text = readFileSync(path.join(root, file), "utf8");
    // The seed's depositFromSettlement(tx, account, amount, "KIND", `description`) and
    // entry objects' kind: "KIND".
    if (file.endsWith("seed.ts")) {
      for (const m of text.matchAll(/\n\s+"([A-Z][A-Z_]+)",\n\s+`/g)) kinds.add(m[1]!);
    }
    for (const m of text.matchAll(/kind: "([A-Z][A-Z_]+)"/g)) kinds.add(m[1]!);
  }
  // Account kinds also appear as `kind: "FLOAT"` (an account's, not an entry's).
  const accounts: readonly string[] = ACCOUNT_KINDS;
  return [...kinds].filter((k) => !accounts.includes(k));
}

describe("labels", () => {
  it("names every account kind, in words rather than its code", () => {
    for (const kind of ACCOUNT_KINDS) {
      expect(names.accountKind(kind)).not.toMatch(CODE);
      expect(names.accountKind(kind, true)).not.toBe(kind);
    }
    expect(names.accountKind("COMMISSION_EXPENSE")).toBe("Commission expense");
    expect(NAMED_CODES.accountKind).toEqual(ACCOUNT_KINDS);
  });

  it("names every journal-entry kind the code writes", () => {
    const written = entryKindsWritten();
    // The scan must find the ones the issue named, or it is not looking at the right files.
    expect(written).toEqual(expect.arrayContaining(["FLOAT_FUNDING", "DEMO_BALANCE", "REVERSAL"]));
    // Order executions take the order's type, and bank movements the move's name.
    const fromValues = ["CASH_IN", "CASH_OUT", "FUND_FLOAT", "DEFLOAT", "PAY_COMMISSION"];
    const named: readonly string[] = ENTRY_KINDS;
    for (const kind of [...written, ...fromValues]) {
      expect(named, kind).toContain(kind);
      expect(CATALOGUES.en.common.codes.entryKind, kind).toHaveProperty(kind);
    }
  });

  it("names every commission plan of the default settings by its plan name", () => {
    for (const [code, plan] of Object.entries(DEFAULT_SETTINGS.commissionPlans)) {
      expect(plan.name).not.toMatch(CODE);
      expect(plan.name).not.toBe(code);
    }
  });

  it("turns a code it does not know into words", () => {
    expect(humanize("HIGH_VOLUME")).toBe("High volume");
    expect(names.kind("entryKind", "SOME_NEW_KIND")).toBe("Some new kind");
  });

  it("colours by meaning: Approved is done like Completed, not waiting like Claimed", () => {
    const tone = (status: string) => names.look("orderStatus", status).tone;
    expect(tone("APPROVED")).toBe(tone("COMPLETED"));
    expect(tone("APPROVED")).not.toBe(tone("CLAIMED"));
    expect(names.look("reversalStatus", "APPROVED").tone).toBe("done");
  });

  it("a customer's Reject reads Rejected; an agent's decline reads Declined", () => {
    expect(names.orderStatus("DECLINED", CLOSE_REASON.rejectedByCustomer).label).toBe("Rejected");
    expect(names.orderStatus("DECLINED", "Declined by Shop: no cash").label).toBe("Declined");
    expect(names.orderStatus("DECLINED").label).toBe("Declined");
  });
});
