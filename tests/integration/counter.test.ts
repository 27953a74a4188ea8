import { describe, expect, it } from "vitest";
import { inTransaction } from "../../src/server/db/transaction";
import { expireIfDue } from "../../src/server/use-cases/expire-orders";
import { balances, key, makeExpired, newAdmin, newAgent, newCustomer, placeOrder } from "./helpers";

// Money at the counter: once a screen tells a person to hand over cash, the other side's
// moves (cancel, reject, decline, expiry, a second device) cannot take the value back; and
// when cash crossed the counter but the order did not give its value, a dispute decided by
// two operators puts it right.

type Customer = Awaited<ReturnType<typeof newCustomer>>;
type Agent = Awaited<ReturnType<typeof newAgent>>;

function approve(customer: Customer, orderId: string, pin = "1234") {
  return customer.api.customer.answerApproval({
    orderId,
    approve: true,
    pin,
    idempotencyKey: key(),
  });
}

async function claimedCashOut(amount = 50_000n) {
  const customer = await newCustomer(100_000n);
  const agent = await newAgent(0n, "Counter Shop");
  const order = await placeOrder(customer, "CASH_OUT", amount);
  await agent.api.agent.claim({ token: order.token! });
  return { customer, agent, order };
}

describe("cash-out: the approval is the payment", () => {
  it("after the approval nothing the customer or time does takes the agent's money back", async () => {
    const { customer, agent, order } = await claimedCashOut();
    const paid = await approve(customer, order.id);
    expect(paid.status).toBe("COMPLETED");
    const tablet = await agent.api.agent.order({ orderId: order.id });
    expect(tablet.status).toBe("COMPLETED");
    const float = (await balances(agent.userId)).FLOAT!.balance;
    expect(float).toBe(50_000n);

    // The customer pockets the cash and tries everything.
    await expect(
      customer.api.customer.cancelOrder({ orderId: order.id, idempotencyKey: key() }),
    ).rejects.toThrow(/collect your cash/);
    await expect(
      customer.api.customer.answerApproval({
        orderId: order.id,
        approve: false,
        idempotencyKey: key(),
      }),
    ).rejects.toThrow(/already/);
    await expect(
      agent.api.agent.decline({ orderId: order.id, reason: "oops", idempotencyKey: key() }),
    ).rejects.toThrow(/hand over the cash/);
    await makeExpired(order.id);
    expect(await expireIfDue(order.id)).toBe(false);
    expect((await balances(agent.userId)).FLOAT!.balance).toBe(float);
    expect((await customer.api.customer.order({ orderId: order.id })).status).toBe("COMPLETED");
  });

  it("a cancel racing the approval from a second device: one wins, and the screens agree", async () => {
    for (let round = 0; round < 6; round++) {
      const { customer, agent, order } = await claimedCashOut(10_000n);
      const [approval, cancel] = await Promise.allSettled([
        approve(customer, order.id),
        customer.api.customer.cancelOrder({ orderId: order.id, idempotencyKey: key() }),
      ]);
      expect([approval.status, cancel.status].sort()).toEqual(["fulfilled", "rejected"]);
      const tablet = await agent.api.agent.order({ orderId: order.id });
      const wallet = (await balances(customer.userId)).WALLET!;
      if (approval.status === "fulfilled") {
        expect(tablet.status).toBe("COMPLETED");
        expect((await balances(agent.userId)).FLOAT!.balance).toBe(10_000n);
        expect(wallet).toEqual({ balance: 100_000n - 11_000n, onHold: 0n });
      } else {
        expect(tablet.status).toBe("CANCELLED");
        expect(wallet).toEqual({ balance: 100_000n, onHold: 0n });
      }
    }
  });

  it("a wrong PIN pays nothing, and wrong PINs lock the approval", async () => {
    const { customer, agent, order } = await claimedCashOut();
    await expect(approve(customer, order.id, "0000")).rejects.toThrow(/PIN is not right/);
    expect((await balances(agent.userId)).FLOAT!.balance).toBe(0n);
    expect((await customer.api.customer.order({ orderId: order.id })).status).toBe("CLAIMED");
    // A burst of guesses: each is counted before its PIN is checked, so no more than the
    // phone's limit of them are checked at all.
    const tries = await Promise.allSettled(
      Array.from({ length: 40 }, () => approve(customer, order.id, "9999")),
    );
    expect(tries.every((t) => t.status === "rejected")).toBe(true);
    const checked = tries.filter(
      (t) => t.status === "rejected" && /PIN is not right/.test(String(t.reason)),
    );
    expect(checked.length).toBeLessThanOrEqual(4);
    // Locked now: even the right PIN waits.
    await expect(approve(customer, order.id)).rejects.toThrow(/Too many wrong PINs/);
    expect((await balances(agent.userId)).FLOAT!.balance).toBe(0n);
  });
});

describe("cash-in: the counter gets its time", () => {
  it("a scan gives the order a full TTL again, so it does not expire while the cash is counted", async () => {
    const customer = await newCustomer();
    const agent = await newAgent(1_000_000n);
    const order = await placeOrder(customer, "CASH_IN", 10_000n);
    // Nine and a half of the ten minutes have gone when the agent scans.
    await inTransaction(
      (tx) =>
        tx.$executeRaw`UPDATE orders SET expires_at = now() + interval '30 seconds' WHERE id = ${order.id}::uuid`,
    );
    const claimed = await agent.api.agent.claim({ token: order.token! });
    expect(claimed.expiresAt.getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
  });
});

async function keptCash() {
  const customer = await newCustomer();
  const agent = await newAgent(100_000n, "Sly Shop");
  const order = await placeOrder(customer, "CASH_IN", 20_000n);
  await agent.api.agent.claim({ token: order.token! });
  // The customer hands over the cash; the shop keeps it and declines.
  await agent.api.agent.decline({
    orderId: order.id,
    reason: "changed mind",
    idempotencyKey: key(),
  });
  return { customer, agent, order };
}

function report(
  customer: Customer,
  orderId: string,
  kind: "CASH_NOT_CREDITED" | "CASH_NOT_RECEIVED" = "CASH_NOT_CREDITED",
) {
  return customer.api.customer.reportProblem({
    orderId,
    kind,
    note: "I gave the shop the cash",
    idempotencyKey: key(),
  });
}

async function disputeId(orderId: string): Promise<string> {
  const admin = await newAdmin();
  const open = await admin.api.admin.disputes({ open: true });
  return open.find((d) => d.order.id === orderId)!.id;
}

function decide(
  admin: Awaited<ReturnType<typeof newAdmin>>,
  id: string,
  decision: "UPHOLD" | "REJECT",
) {
  return admin.api.admin.decideDispute({
    disputeId: id,
    decision,
    note: decision === "UPHOLD" ? "Shop camera shows the cash" : "No evidence",
    idempotencyKey: key(),
  });
}

describe("disputes: cash crossed the counter, the order did not give its value", () => {
  it("a cash-in the shop declined after taking the cash: held, then credited by two operators", async () => {
    const { customer, agent, order } = await keptCash();
    const seen = await customer.api.customer.order({ orderId: order.id });
    expect(seen.reportable).toEqual(["CASH_NOT_CREDITED"]);
    const reported = await report(customer, order.id);
    expect(reported.dispute).toMatchObject({
      kind: "CASH_NOT_CREDITED",
      status: "OPEN",
      held: 20_000n,
    });
    expect((await balances(agent.userId)).FLOAT).toEqual({ balance: 100_000n, onHold: 20_000n });
    expect((await agent.api.agent.order({ orderId: order.id })).dispute?.status).toBe("OPEN");
    await expect(report(customer, order.id)).rejects.toThrow(/already reported/);

    const id = await disputeId(order.id);
    const maker = await newAdmin();
    const checker = await newAdmin();
    expect((await decide(maker, id, "UPHOLD")).status).toBe("UPHOLD_REQUESTED");
    // The operators' order page shows the dispute and who asked to uphold it.
    expect((await checker.api.admin.order({ orderId: order.id })).dispute).toMatchObject({
      id,
      kind: "CASH_NOT_CREDITED",
      status: "UPHOLD_REQUESTED",
      held: 20_000n,
      upholdRequestedBy: maker.userId,
      decidedBy: null,
    });
    await expect(decide(maker, id, "UPHOLD")).rejects.toThrow(/second operator/);
    await expect(decide(maker, id, "REJECT")).rejects.toThrow(/second operator/);
    const results = await Promise.allSettled([
      decide(checker, id, "UPHOLD"),
      decide(await newAdmin(), id, "UPHOLD"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);

    const after = await customer.api.customer.order({ orderId: order.id });
    expect(after.status).toBe("COMPLETED");
    expect(after.dispute?.status).toBe("UPHELD");
    const detail = await maker.api.admin.order({ orderId: order.id });
    expect(detail.dispute).toMatchObject({
      status: "UPHELD",
      decisionNote: "Shop camera shows the cash",
    });
    expect(detail.dispute?.decidedBy).not.toBe(maker.userId);
    expect(await balances(customer.userId)).toEqual({ WALLET: { balance: 20_000n, onHold: 0n } });
    // The float pays the cash-in it kept the cash of, and earns no commission on it.
    expect(await balances(agent.userId)).toMatchObject({
      FLOAT: { balance: 80_000n, onHold: 0n },
      COMMISSION: { balance: 0n, onHold: 0n },
    });
  });

  it("a rejected dispute gives the agent its float back and moves nothing", async () => {
    const { customer, agent, order } = await keptCash();
    await report(customer, order.id);
    const id = await disputeId(order.id);
    expect((await decide(await newAdmin(), id, "REJECT")).status).toBe("REJECTED");
    expect((await balances(agent.userId)).FLOAT).toEqual({ balance: 100_000n, onHold: 0n });
    expect(await balances(customer.userId)).toEqual({ WALLET: { balance: 0n, onHold: 0n } });
    const after = await customer.api.customer.order({ orderId: order.id });
    expect([after.status, after.dispute?.status]).toEqual(["DECLINED", "REJECTED"]);
  });

  it("an approved cash-out whose cash never came is reversed when upheld", async () => {
    const { customer, agent, order } = await claimedCashOut(30_000n);
    await approve(customer, order.id);
    const paid = await customer.api.customer.order({ orderId: order.id });
    expect(paid.reportable).toEqual(["CASH_NOT_RECEIVED", "WRONG_AMOUNT", "OVERCHARGED"]);
    await report(customer, order.id, "CASH_NOT_RECEIVED");
    expect((await balances(agent.userId)).FLOAT).toEqual({ balance: 30_000n, onHold: 30_000n });
    // The held float cannot be moved meanwhile (a cash-in of it is refused).
    const id = await disputeId(order.id);
    await decide(await newAdmin(), id, "UPHOLD");
    await decide(await newAdmin(), id, "UPHOLD");
    expect((await customer.api.customer.order({ orderId: order.id })).status).toBe("REVERSED");
    expect(await balances(customer.userId)).toEqual({ WALLET: { balance: 100_000n, onHold: 0n } });
    expect(await balances(agent.userId)).toMatchObject({
      FLOAT: { balance: 0n, onHold: 0n },
      COMMISSION: { balance: 0n, onHold: 0n },
    });
  });

  it("refuses reports where no cash should have changed hands, or too late", async () => {
    const customer = await newCustomer(100_000n);
    const pending = await placeOrder(customer, "CASH_IN", 10_000n);
    await expect(report(customer, pending.id)).rejects.toThrow(/nothing to report/);
    await customer.api.customer.cancelOrder({ orderId: pending.id, idempotencyKey: key() });
    // Cancelled before any shop scanned it: no cash could have crossed.
    await expect(report(customer, pending.id)).rejects.toThrow(/nothing to report/);

    const { customer: late, order } = await keptCash();
    await inTransaction(
      (tx) =>
        tx.$executeRaw`UPDATE orders SET closed_at = now() - interval '25 hours' WHERE id = ${order.id}::uuid`,
    );
    await expect(report(late, order.id)).rejects.toThrow(/24 hours/);
    const other = await newCustomer();
    await expect(report(other, order.id)).rejects.toThrow(/could not find/);
  });

  it("a float already spent is held only as far as it goes, and upholding then says why it cannot pay", async () => {
    const customer = await newCustomer();
    const agent: Agent = await newAgent(20_000n, "Empty Shop");
    const order = await placeOrder(customer, "CASH_IN", 20_000n);
    await agent.api.agent.claim({ token: order.token! });
    await agent.api.agent.decline({ orderId: order.id, reason: "no", idempotencyKey: key() });
    // The shop spends its float on another customer's cash-in before the report.
    const other = await newCustomer();
    const spend = await placeOrder(other, "CASH_IN", 15_000n);
    await agent.api.agent.claim({ token: spend.token! });
    await agent.api.agent.confirm({ orderId: spend.id, idempotencyKey: key() });
    const reported = await report(customer, order.id);
    expect(reported.dispute?.held).toBe(5_000n);
    const id = await disputeId(order.id);
    await decide(await newAdmin(), id, "UPHOLD");
    await expect(decide(await newAdmin(), id, "UPHOLD")).rejects.toThrow(/float is not enough/);
    expect((await customer.api.customer.order({ orderId: order.id })).dispute?.status).toBe(
      "UPHOLD_REQUESTED",
    );
  });
});
