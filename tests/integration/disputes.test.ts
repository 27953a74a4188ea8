import { describe, expect, it } from "vitest";
import type { DisputeKind } from "../../src/domain/disputes";
import { inTransaction } from "../../src/server/db/transaction";
import { findInvariantViolations } from "../../src/server/repositories/invariants";
import { balances, key, newAdmin, newAgent, newCustomer, placeOrder, serveOrder } from "./helpers";

// Disputes with rules: which party may report what (src/domain/disputes.ts), within the
// window, up to the monthly cap, with a hold on what the accused side still has, and
// decisions that put the money right exactly once. Default settings: 24 hours, 3 a month.

type Customer = Awaited<ReturnType<typeof newCustomer>>;
type Agent = Awaited<ReturnType<typeof newAgent>>;
type Admin = Awaited<ReturnType<typeof newAdmin>>;

function customerReports(customer: Customer, orderId: string, kind: DisputeKind) {
  return customer.api.customer.reportProblem({
    orderId,
    kind,
    note: "It went wrong at the counter",
    idempotencyKey: key(),
  });
}

function shopReports(agent: Agent, orderId: string, kind: DisputeKind) {
  return agent.api.agent.reportProblem({
    orderId,
    kind,
    note: "The notes were fake",
    idempotencyKey: key(),
  });
}

async function served(
  customer: Customer,
  agent: Agent,
  type: "CASH_IN" | "CASH_OUT",
  amount: bigint,
): Promise<string> {
  const order = await placeOrder(customer, type, amount);
  await serveOrder(agent, customer, order);
  return order.id;
}

async function disputeOf(orderId: string) {
  return inTransaction((tx) => tx.dispute.findUniqueOrThrow({ where: { orderId } }));
}

function decide(admin: Admin, disputeId: string, decision: "UPHOLD" | "REJECT") {
  return admin.api.admin.decideDispute({
    disputeId,
    decision,
    note: decision === "UPHOLD" ? "Camera confirms it" : "No evidence",
    idempotencyKey: key(),
  });
}

async function expectSoundBooks() {
  expect(await inTransaction((tx) => findInvariantViolations(tx))).toEqual([]);
}

describe("who may report what", () => {
  it("a customer's completed cash-out offers its three reasons; the shop's offers none", async () => {
    const customer = await newCustomer(100_000n);
    const agent = await newAgent(0n, "Rules Shop");
    const id = await served(customer, agent, "CASH_OUT", 30_000n);
    const phone = await customer.api.customer.order({ orderId: id });
    expect(phone.reportable).toEqual(["CASH_NOT_RECEIVED", "WRONG_AMOUNT", "OVERCHARGED"]);
    expect(phone.disputeRules).toEqual({ windowHours: 24, monthlyCap: 3 });
    expect((await agent.api.agent.order({ orderId: id })).reportable).toEqual([]);
    await expect(shopReports(agent, id, "CASH_NOT_RECEIVED")).rejects.toThrow(/nothing to report/);

    const reported = await customerReports(customer, id, "OVERCHARGED");
    expect(reported.dispute).toMatchObject({ kind: "OVERCHARGED", party: "CUSTOMER" });
    expect(reported.reportable).toEqual([]);
    // The float received the order's amount: it is held while operators decide.
    expect((await balances(agent.userId)).FLOAT).toEqual({ balance: 30_000n, onHold: 30_000n });
    expect(await disputeOf(id)).toMatchObject({ disputed: 30_000n, held: 30_000n });
    await expectSoundBooks();
  });

  it("a completed cash-in: the customer cannot claim it back ('sent by mistake'), the shop can report fake cash", async () => {
    const customer = await newCustomer();
    const agent = await newAgent(100_000n, "Cash-in Shop");
    const id = await served(customer, agent, "CASH_IN", 40_000n);
    expect((await customer.api.customer.order({ orderId: id })).reportable).toEqual([]);
    for (const kind of ["CASH_NOT_CREDITED", "CASH_NOT_RECEIVED", "WRONG_AMOUNT"] as const) {
      await expect(customerReports(customer, id, kind)).rejects.toThrow(/nothing to report/);
    }
    const tablet = await agent.api.agent.order({ orderId: id });
    expect(tablet.reportable).toEqual(["CASH_NOT_RECEIVED", "WRONG_AMOUNT"]);
    await expect(shopReports(agent, id, "OVERCHARGED")).rejects.toThrow(/cannot be reported/);

    // The customer spends part of the e-money before the shop reports: only the rest is held.
    const wallet = (await balances(customer.userId)).WALLET!.balance;
    const spend = await placeOrder(customer, "CASH_OUT", 30_000n);
    await serveOrder(await newAgent(0n), customer, spend);
    const left = (await balances(customer.userId)).WALLET!.balance;
    expect(left).toBeLessThan(wallet);

    const reported = await shopReports(agent, id, "CASH_NOT_RECEIVED");
    expect(reported.dispute).toMatchObject({ party: "SHOP", status: "OPEN", held: left });
    expect(await disputeOf(id)).toMatchObject({ disputed: 40_000n, held: left });
    expect((await balances(customer.userId)).WALLET).toEqual({ balance: left, onHold: left });
    // The customer sees the shop's report on the order.
    const phone = await customer.api.customer.order({ orderId: id });
    expect(phone.dispute).toMatchObject({ party: "SHOP", kind: "CASH_NOT_RECEIVED" });
    // The opener is the shop's owner (one cap per shop).
    expect((await disputeOf(id)).openedBy).toBe(agent.userId);
    await expectSoundBooks();
  });

  it("another shop cannot report an order it did not serve", async () => {
    const customer = await newCustomer();
    const agent = await newAgent(100_000n);
    const id = await served(customer, agent, "CASH_IN", 10_000n);
    const other = await newAgent(100_000n);
    await expect(shopReports(other, id, "WRONG_AMOUNT")).rejects.toThrow(/for your shop/);
  });

  it("refuses after the window, and the screen stops offering it", async () => {
    const customer = await newCustomer(100_000n);
    const agent = await newAgent(0n);
    const id = await served(customer, agent, "CASH_OUT", 10_000n);
    await inTransaction(
      (tx) =>
        tx.$executeRaw`UPDATE orders SET completed_at = now() - interval '24 hours 1 minute' WHERE id = ${id}::uuid`,
    );
    expect((await customer.api.customer.order({ orderId: id })).reportable).toEqual([]);
    await expect(customerReports(customer, id, "CASH_NOT_RECEIVED")).rejects.toThrow(/24 hours/);
    expect((await balances(agent.userId)).FLOAT!.onHold).toBe(0n);
  });
});

describe("bursts", () => {
  it("20 reports of one order at once: one dispute, one hold", async () => {
    const customer = await newCustomer(100_000n);
    const agent = await newAgent(0n);
    const id = await served(customer, agent, "CASH_OUT", 20_000n);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => customerReports(customer, id, "CASH_NOT_RECEIVED")),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected") expect(String(r.reason)).toMatch(/already reported/);
    }
    expect((await balances(agent.userId)).FLOAT).toEqual({ balance: 20_000n, onHold: 20_000n });
    await expectSoundBooks();
  });

  it("20 customer reports on 20 orders at once: exactly the monthly cap opens", async () => {
    const customer = await newCustomer(1_000_000n);
    const agent = await newAgent(0n);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await served(customer, agent, "CASH_OUT", 5_000n));
    const results = await Promise.allSettled(
      ids.map((id) => customerReports(customer, id, "CASH_NOT_RECEIVED")),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    for (const r of results) {
      if (r.status === "rejected") expect(String(r.reason)).toMatch(/already reported 3 problems/);
    }
    expect((await balances(agent.userId)).FLOAT!.onHold).toBe(15_000n);
    await expectSoundBooks();
  });

  it("20 shop reports on 20 cash-ins at once: exactly the cap, counted per shop", async () => {
    const agent = await newAgent(1_000_000n);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      ids.push(await served(await newCustomer(), agent, "CASH_IN", 5_000n));
    }
    const results = await Promise.allSettled(
      ids.map((id) => shopReports(agent, id, "WRONG_AMOUNT")),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    const opened = await inTransaction((tx) =>
      tx.dispute.count({ where: { orderId: { in: ids } } }),
    );
    expect(opened).toBe(3);
    await expectSoundBooks();
  });
});

describe("decisions", () => {
  it("upholding a shop's dispute reverses the cash-in and releases the wallet's hold in one go", async () => {
    const customer = await newCustomer();
    const agent = await newAgent(100_000n);
    const id = await served(customer, agent, "CASH_IN", 25_000n);
    const before = await balances(agent.userId);
    await shopReports(agent, id, "CASH_NOT_RECEIVED");
    const dispute = await disputeOf(id);
    await decide(await newAdmin(), dispute.id, "UPHOLD");
    await decide(await newAdmin(), dispute.id, "UPHOLD");
    const tablet = await agent.api.agent.order({ orderId: id });
    expect([tablet.status, tablet.dispute?.status]).toEqual(["REVERSED", "UPHELD"]);
    expect(await balances(customer.userId)).toEqual({ WALLET: { balance: 0n, onHold: 0n } });
    expect((await balances(agent.userId)).FLOAT).toEqual({
      balance: before.FLOAT!.balance + 25_000n,
      onHold: 0n,
    });
    expect((await balances(agent.userId)).COMMISSION!.balance).toBe(0n);
    await expectSoundBooks();
  });

  it("rejecting gives the hold back and moves nothing", async () => {
    const customer = await newCustomer(100_000n);
    const agent = await newAgent(0n);
    const id = await served(customer, agent, "CASH_OUT", 10_000n);
    await customerReports(customer, id, "WRONG_AMOUNT");
    const floatBefore = (await balances(agent.userId)).FLOAT!.balance;
    await decide(await newAdmin(), (await disputeOf(id)).id, "REJECT");
    expect((await balances(agent.userId)).FLOAT).toEqual({ balance: floatBefore, onHold: 0n });
    expect((await customer.api.customer.order({ orderId: id })).status).toBe("COMPLETED");
    await expectSoundBooks();
  });

  it("a confirming uphold racing a reject: one outcome, the money matches it", async () => {
    for (let round = 0; round < 5; round++) {
      const customer = await newCustomer(100_000n);
      const agent = await newAgent(0n);
      const id = await served(customer, agent, "CASH_OUT", 10_000n);
      await customerReports(customer, id, "CASH_NOT_RECEIVED");
      const dispute = await disputeOf(id);
      await decide(await newAdmin(), dispute.id, "UPHOLD");
      const [uphold, reject] = await Promise.allSettled([
        decide(await newAdmin(), dispute.id, "UPHOLD"),
        decide(await newAdmin(), dispute.id, "REJECT"),
      ]);
      expect([uphold.status, reject.status].sort()).toEqual(["fulfilled", "rejected"]);
      const after = await disputeOf(id);
      const order = await customer.api.customer.order({ orderId: id });
      if (uphold.status === "fulfilled") {
        expect([after.status, order.status]).toEqual(["UPHELD", "REVERSED"]);
        expect((await balances(agent.userId)).FLOAT).toEqual({ balance: 0n, onHold: 0n });
      } else {
        expect([after.status, order.status]).toEqual(["REJECTED", "COMPLETED"]);
        expect((await balances(agent.userId)).FLOAT).toEqual({ balance: 10_000n, onHold: 0n });
      }
      await expectSoundBooks();
    }
  });
});

describe("reversals and disputes", () => {
  it("a direct reversal of a disputed order is refused, pointing to the dispute", async () => {
    const customer = await newCustomer(100_000n);
    const agent = await newAgent(0n);
    const id = await served(customer, agent, "CASH_OUT", 10_000n);
    const maker = await newAdmin();
    // Requested before the report: its approval is refused while the dispute is open.
    const waiting = await maker.api.admin.requestReversal({
      orderId: id,
      reason: "Customer called",
      idempotencyKey: key(),
    });
    await customerReports(customer, id, "CASH_NOT_RECEIVED");
    await expect(
      maker.api.admin.requestReversal({ orderId: id, reason: "Again", idempotencyKey: key() }),
    ).rejects.toThrow(/open dispute/);
    const checker = await newAdmin();
    await expect(
      checker.api.admin.decideReversal({
        reversalId: waiting.reversalId,
        approve: true,
        idempotencyKey: key(),
      }),
    ).rejects.toThrow(/open dispute/);
    expect((await balances(agent.userId)).FLOAT).toEqual({ balance: 10_000n, onHold: 10_000n });

    // Once the dispute is decided (rejected), the reversal may go ahead.
    await decide(await newAdmin(), (await disputeOf(id)).id, "REJECT");
    await checker.api.admin.decideReversal({
      reversalId: waiting.reversalId,
      approve: true,
      idempotencyKey: key(),
    });
    expect((await customer.api.customer.order({ orderId: id })).status).toBe("REVERSED");
    await expectSoundBooks();
  });

  it("a reversal approval racing a report: never both, and no hold left on a reversed order", async () => {
    for (let round = 0; round < 6; round++) {
      const customer = await newCustomer(100_000n);
      const agent = await newAgent(0n);
      const id = await served(customer, agent, "CASH_OUT", 10_000n);
      const waiting = await (await newAdmin()).api.admin.requestReversal({
        orderId: id,
        reason: "Customer called",
        idempotencyKey: key(),
      });
      const checker = await newAdmin();
      const [report, reversal] = await Promise.allSettled([
        customerReports(customer, id, "CASH_NOT_RECEIVED"),
        checker.api.admin.decideReversal({
          reversalId: waiting.reversalId,
          approve: true,
          idempotencyKey: key(),
        }),
      ]);
      expect([report.status, reversal.status].sort()).toEqual(["fulfilled", "rejected"]);
      const status = (await customer.api.customer.order({ orderId: id })).status;
      expect(status).toBe(report.status === "fulfilled" ? "COMPLETED" : "REVERSED");
      await expectSoundBooks();
    }
  });
});

describe("the operator's evidence", () => {
  it("shows the order's steps with who took them, who served it, and the holds", async () => {
    const customer = await newCustomer(100_000n);
    const agent = await newAgent(0n, "Evidence Shop");
    const id = await served(customer, agent, "CASH_OUT", 12_000n);
    await customerReports(customer, id, "WRONG_AMOUNT");
    const dispute = await disputeOf(id);
    const admin = await newAdmin();
    const evidence = await admin.api.admin.disputeEvidence({ disputeId: dispute.id });
    expect(evidence).toMatchObject({
      party: "CUSTOMER",
      kind: "WRONG_AMOUNT",
      disputed: 12_000n,
      held: 12_000n,
      order: { id, shopName: "Evidence Shop", shopOwnerId: agent.userId },
    });
    expect(evidence.timeline.map((s) => [s.from, s.to, s.actorRole])).toEqual([
      [null, "PENDING", "CUSTOMER"],
      ["PENDING", "CLAIMED", "AGENT"],
      ["CLAIMED", "COMPLETED", "CUSTOMER"],
    ]);
    expect(evidence.timeline[1]!.actorId).toBe(agent.userId);
    expect(evidence.holds.map((h) => [h.owner, h.accountKind, h.amount, h.status])).toEqual([
      [
        "ORDER",
        "WALLET",
        12_000n + (await customer.api.customer.order({ orderId: id })).fee,
        "CAPTURED",
      ],
      ["DISPUTE", "FLOAT", 12_000n, "ACTIVE"],
    ]);
    await decide(admin, dispute.id, "REJECT");
    const after = await admin.api.admin.disputeEvidence({ disputeId: dispute.id });
    expect(after.holds.find((h) => h.owner === "DISPUTE")?.status).toBe("RELEASED");
  });
});
