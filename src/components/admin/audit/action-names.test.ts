import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import controlEn from "../../../../messages/en/control.json";

/**
 * Every action the server writes to the audit log has a name in the catalogue (the log still
 * shows an unknown one by its code, but an operator should not have to read codes). Literal
 * actions are read from the server's sources; the few built from parts are listed here, and a
 * new template fails the test until it is listed and named.
 */
const SERVER = path.join(import.meta.dirname, "../../../server");

const TEMPLATES: Record<string, string[]> = {
  "money.${input.move.toLowerCase()}.request": ["fund_float", "defloat", "pay_commission"].map(
    (m) => `money.${m}.request`,
  ),
  "money.${input.move.toLowerCase()}": ["fund_float", "defloat", "pay_commission"].map(
    (m) => `money.${m}`,
  ),
  'money.${request.kind.toLowerCase()}.${input.approve ? "approve" : "reject"}': [
    "fund_float",
    "defloat",
    "pay_commission",
  ].flatMap((m) => [`money.${m}.approve`, `money.${m}.reject`]),
  "dispute.${to.toLowerCase()}": ["dispute.upheld", "dispute.rejected"],
  "rebalance.${input.kind.toLowerCase()}.request": [
    "rebalance.buy_float.request",
    "rebalance.sell_float.request",
  ],
  "rebalance.${status.toLowerCase()}": [
    "rebalance.awaiting_second",
    "rebalance.approved",
    "rebalance.rejected",
  ],
};

/** Order steps are audited as order.<the status the order moved to>. */
const ORDER_STATUSES = [
  "pending",
  "claimed",
  "approved",
  "completed",
  "cancelled",
  "expired",
  "declined",
  "reversed",
];

function serverSources(): string[] {
  return readdirSync(SERVER, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => readFileSync(path.join(SERVER, f), "utf8"));
}

describe("audit action names", () => {
  const sources = serverSources();
  const literals = sources.flatMap((text) => [
    ...[...text.matchAll(/action:\s*"([a-z_.]+)"/g)].map((m) => m[1] ?? ""),
    // action: cond ? "a.b" : "c.d" (and nested conditions)
    ...[...text.matchAll(/action:\s*(?:\n\s*)?[\w.!=\s]+\?[\s\S]{0,200}?,\n/g)].flatMap((m) =>
      [...m[0].matchAll(/"([a-z]+\.[a-zA-Z_.]+)"/g)].map((n) => n[1] ?? ""),
    ),
    // audit(actor, tx, orderId, "dispute.requestUphold", ...)
    ...[...text.matchAll(/audit\([^)]*?"([a-z]+\.[a-zA-Z]+)"/g)].map((m) => m[1] ?? ""),
  ]);
  const templates = sources.flatMap((text) =>
    [...text.matchAll(/action:\s*`([^`]+)`|audit\([^`]*?`([a-z]+\.[^`\s]+)`/g)].map(
      (m) => m[1] ?? m[2] ?? "",
    ),
  );
  const names = controlEn.actions as Record<string, string>;
  const named = (action: string) => action.replaceAll(".", "_") in names;

  it("finds the server's actions (the search itself works)", () => {
    expect(literals).toContain("settings.update");
    expect(literals).toContain("agent.onboard");
    expect(literals).toContain("operator.lock");
  });

  it("names every literal action", () => {
    expect(literals.filter((a) => !named(a))).toEqual([]);
  });

  it("knows and names every action built from parts", () => {
    expect(templates.filter((t) => !(t in TEMPLATES))).toEqual([]);
    expect(
      Object.values(TEMPLATES)
        .flat()
        .filter((a) => !named(a)),
    ).toEqual([]);
  });

  it("names every order step", () => {
    expect(ORDER_STATUSES.map((s) => `order.${s}`).filter((a) => !named(a))).toEqual([]);
  });
});
