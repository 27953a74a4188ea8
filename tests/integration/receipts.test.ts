import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { maskPhone } from "../../src/domain/codes";
import { OVERCHARGE_FLAG_THRESHOLD } from "../../src/domain/overcharge";
import { verifyReceipt } from "../../src/domain/receipts";
import { inTransaction } from "../../src/server/db/transaction";
import { receiptPublicKeys } from "../../src/server/security/receipt-key";
import { asOwner, key, newAdmin, newAgent, newCustomer, placeOrder, serveOrder } from "./helpers";

// Signed receipts and overcharge reports: a receipt verifies offline with the public keys and
// says exactly what the order was; only its customer and its shop get it. An agent's third
// overcharge report in a month flags it once, however many reports arrive at once.

type Customer = Awaited<ReturnType<typeof newCustomer>>;
type Agent = Awaited<ReturnType<typeof newAgent>>;

async function completedCashIn(agent: Agent, customer?: Customer, amount = 10_000n) {
  const who = customer ?? (await newCustomer(0n));
  const order = await placeOrder(who, "CASH_IN", amount);
  await serveOrder(agent, who, order);
  return { customer: who, order };
}

async function refusal(call: Promise<unknown>): Promise<{ code: string; reason: string }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError) {
      const cause = error.cause as { key?: string } | undefined;
      return { code: error.code, reason: cause?.key ?? "" };
    }
    throw error;
  }
  throw new Error("expected a refusal");
}

function report(customer: Customer, orderId: string, amountAsked = 5_000n) {
  return customer.api.customer.reportOvercharge({
    orderId,
    amountAsked,
    note: "asked for 50 more",
    idempotencyKey: key(),
  });
}

async function flagsOf(agentId: string) {
  return inTransaction((tx) => tx.overchargeFlag.findMany({ where: { agentId } }));
}

describe("signed receipts", () => {
  it("the customer's and the shop's receipt verify and carry the order's facts", async () => {
    const agent = await newAgent(1_000_000n, "Receipt Shop");
    const customer = await newCustomer(0n);
    const { order } = await completedCashIn(agent, customer, 20_000n);
    const mine = await customer.api.customer.receipt({ orderId: order.id });
    const shops = await agent.api.agent.receipt({ orderId: order.id });
    // Ed25519 is deterministic: both screens show the same receipt.
    expect(shops.receipt).toBe(mine.receipt);
    const check = verifyReceipt(mine.receipt, receiptPublicKeys());
    // Signed with this process's key: the local one scripts/with-db.ts keeps (npm test), or
    // the published development key when none is set (a bare vitest run).
    const kid = process.env.RECEIPT_KEY_ID ?? "dev-1";
    expect(check).toMatchObject({ genuine: true, kid, development: kid === "dev-1" });
    if (!check.genuine) throw new Error("unreachable");
    expect(check.facts).toMatchObject({
      orderId: order.id,
      reference: order.reference,
      type: "CASH_IN",
      amount: 20_000n,
      fee: order.fee,
      currency: "KES",
      shopName: "Receipt Shop",
      agentId: agent.agentId,
      customerPhone: maskPhone(customer.phone),
    });
    expect(check.facts.customerPhone).not.toBe(customer.phone);
  });

  it("no one else gets the receipt, and a live order has none yet", async () => {
    const agent = await newAgent(1_000_000n);
    const { order } = await completedCashIn(agent);
    const stranger = await newCustomer(0n);
    const otherShop = await newAgent(1_000_000n);
    expect(await refusal(stranger.api.customer.receipt({ orderId: order.id }))).toEqual({
      code: "NOT_FOUND",
      reason: "orderNotFound",
    });
    expect(await refusal(otherShop.api.agent.receipt({ orderId: order.id }))).toEqual({
      code: "NOT_FOUND",
      reason: "orderNotForShop",
    });
    const customer = await newCustomer(100_000n);
    const live = await placeOrder(customer, "CASH_OUT", 10_000n);
    expect((await refusal(customer.api.customer.receipt({ orderId: live.id }))).reason).toBe(
      "receiptNotReady",
    );
    await agent.api.agent.claim({ token: live.token! });
    expect((await refusal(agent.api.agent.receipt({ orderId: live.id }))).reason).toBe(
      "receiptNotReady",
    );
  });
});

describe("overcharge reports", () => {
  it("one report per completed order, by its customer, within seven days", async () => {
    const agent = await newAgent(1_000_000n);
    const { customer, order } = await completedCashIn(agent);
    const before = await customer.api.customer.receipt({ orderId: order.id });
    expect(before.overcharge).toBeNull();
    expect(before.reportableUntil).not.toBeNull();

    const stranger = await newCustomer(0n);
    expect((await refusal(report(stranger, order.id))).code).toBe("NOT_FOUND");

    const after = await report(customer, order.id, 5_000n);
    expect(after.overcharge).toMatchObject({ amountAsked: 5_000n, note: "asked for 50 more" });
    expect(after.reportableUntil).toBeNull();
    expect(await refusal(report(customer, order.id))).toEqual({
      code: "CONFLICT",
      reason: "overchargeExists",
    });

    const late = await completedCashIn(agent);
    await asOwner((db) =>
      db.query("UPDATE orders SET completed_at = now() - interval '8 days' WHERE id = $1", [
        late.order.id,
      ]),
    );
    expect(await refusal(report(late.customer, late.order.id))).toEqual({
      code: "CONFLICT",
      reason: "overchargeWindow",
    });

    const pending = await placeOrder(customer, "CASH_IN", 10_000n);
    expect((await refusal(report(customer, pending.id))).reason).toBe("overchargeNotCompleted");
  });

  it("two reports in a month do not flag an agent; the third does", async () => {
    const agent = await newAgent(1_000_000n);
    for (let i = 1; i <= OVERCHARGE_FLAG_THRESHOLD; i++) {
      const { customer, order } = await completedCashIn(agent);
      await report(customer, order.id);
      expect(await flagsOf(agent.agentId)).toHaveLength(i < OVERCHARGE_FLAG_THRESHOLD ? 0 : 1);
    }
  });

  it("20 reports at once on one agent's orders: all recorded, exactly one flag", async () => {
    const agent = await newAgent(10_000_000n, "Burst Shop");
    const served = [];
    for (let i = 0; i < 20; i++) served.push(await completedCashIn(agent));
    const outcomes = await Promise.allSettled(
      served.map(({ customer, order }) => report(customer, order.id)),
    );
    expect(outcomes.filter((o) => o.status === "rejected")).toEqual([]);
    const flags = await flagsOf(agent.agentId);
    expect(flags).toHaveLength(1);
    // The report that reached the threshold raised it, whichever that was.
    expect(flags[0]!.reports).toBe(OVERCHARGE_FLAG_THRESHOLD);

    const admin = await newAdmin();
    const agents = [];
    let before: { createdAt: Date; id: string } | undefined;
    for (;;) {
      const page = await admin.api.admin.agents(before ? { limit: 50, before } : { limit: 50 });
      agents.push(...page);
      const last = page.at(-1);
      if (page.length < 50 || !last || page.some((a) => a.id === agent.agentId)) break;
      before = { createdAt: last.createdAt, id: last.id };
    }
    expect(agents.find((a) => a.id === agent.agentId)).toMatchObject({
      overchargeReports: 20,
      overchargeFlagged: true,
    });
    const reports = await admin.api.admin.overchargeReports({ limit: 20 });
    const ours = reports.filter((r) => r.agentId === agent.agentId);
    expect(ours).toHaveLength(20);
    expect(ours[0]).toMatchObject({ shopName: "Burst Shop", monthReports: 20, flagged: true });
  });

  it("20 reports at once on the same order: exactly one is recorded", async () => {
    const agent = await newAgent(1_000_000n);
    const { customer, order } = await completedCashIn(agent);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () => report(customer, order.id)),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes) {
      if (o.status === "rejected") {
        expect((o.reason as TRPCError).code).toBe("CONFLICT");
      }
    }
    const rows = await inTransaction((tx) =>
      tx.overchargeReport.count({ where: { orderId: order.id } }),
    );
    expect(rows).toBe(1);
  });

  it("reports and flags are history: not even the owner rewrites them", async () => {
    await expect(
      asOwner((db) => db.query("UPDATE overcharge_reports SET note = 'x'")),
    ).rejects.toThrow(/append-only/);
    await expect(asOwner((db) => db.query("DELETE FROM overcharge_flags"))).rejects.toThrow(
      /append-only/,
    );
  });
});
