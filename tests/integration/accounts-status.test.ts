import { describe, expect, it } from "vitest";
import { inTransaction } from "../../src/server/db/transaction";
import { expireDueOrders } from "../../src/server/use-cases/expire-orders";
import { balances, key, makeExpired, newAgent, newCustomer, placeOrder } from "./helpers";

async function suspend(agentId: string, reason: string) {
  await inTransaction((tx) =>
    tx.agent.update({
      where: { id: agentId },
      data: { status: "SUSPENDED", suspendedReason: reason },
    }),
  );
}

describe("suspended agents and locked customers", () => {
  it("a suspended agent cannot scan or confirm and is told why; nothing moves", async () => {
    const customer = await newCustomer();
    const agent = await newAgent(1_000_000n);
    const first = await placeOrder(customer, "CASH_IN", 10_000n);
    await agent.api.agent.claim({ token: first.token! });
    await suspend(agent.agentId, "float audit pending");
    await expect(
      agent.api.agent.confirm({ orderId: first.id, idempotencyKey: key() }),
    ).rejects.toThrow(/suspended: float audit pending/);
    const second = await placeOrder(customer, "CASH_IN", 10_000n);
    await expect(agent.api.agent.claim({ token: second.token! })).rejects.toThrow(/suspended/);
    expect((await balances(agent.userId)).FLOAT?.balance).toBe(1_000_000n);
    // Declining stays possible so the customer is not stuck with a claimed order.
    const declined = await agent.api.agent.decline({
      orderId: first.id,
      reason: "Shop closed",
      idempotencyKey: key(),
    });
    expect(declined.status).toBe("DECLINED");
    const overview = await agent.api.agent.overview();
    expect(overview.status).toBe("SUSPENDED");
    expect(overview.suspendedReason).toBe("float audit pending");
  });

  it("a locked customer is refused on every call", async () => {
    const customer = await newCustomer(100_000n);
    await inTransaction((tx) =>
      tx.user.update({ where: { id: customer.userId }, data: { status: "LOCKED" } }),
    );
    await expect(customer.api.customer.overview()).rejects.toThrow(/locked/);
    await expect(placeOrder(customer, "CASH_OUT", 10_000n)).rejects.toThrow(/locked/);
  });
});

describe("expiry sweep", () => {
  it("expires untouched orders and releases their holds", async () => {
    const customer = await newCustomer(100_000n);
    const order = await placeOrder(customer, "CASH_OUT", 30_000n);
    expect((await balances(customer.userId)).WALLET?.onHold).toBe(31_000n);
    await makeExpired(order.id);
    expect(await expireDueOrders()).toBeGreaterThanOrEqual(1);
    const stored = await inTransaction((tx) =>
      tx.order.findUniqueOrThrow({ where: { id: order.id } }),
    );
    expect(stored.status).toBe("EXPIRED");
    expect((await balances(customer.userId)).WALLET).toEqual({ balance: 100_000n, onHold: 0n });
    // Running it again finds nothing more to do for this order.
    await expireDueOrders();
    const events = await inTransaction((tx) =>
      tx.orderEvent.count({ where: { orderId: order.id, toStatus: "EXPIRED" } }),
    );
    expect(events).toBe(1);
  });

  it("an order that has not expired yet is left alone", async () => {
    const customer = await newCustomer(100_000n);
    const order = await placeOrder(customer, "CASH_OUT", 10_000n);
    await expireDueOrders();
    expect((await customer.api.customer.order({ orderId: order.id })).status).toBe("PENDING");
  });
});

describe("customer home", () => {
  it("shows balances with holds and the activity newest first, paginated", async () => {
    const customer = await newCustomer(100_000n);
    for (const amount of [10_000n, 20_000n, 30_000n]) {
      await customer.api.customer.createOrder({
        type: "CASH_IN",
        amount,
        currency: "KES",
        idempotencyKey: key(),
      });
    }
    await placeOrder(customer, "CASH_OUT", 10_000n);
    const overview = await customer.api.customer.overview();
    expect(overview.wallets).toEqual([
      { currency: "KES", balance: 100_000n, onHold: 11_000n, available: 89_000n },
    ]);
    const page1 = await customer.api.customer.activity({ limit: 3 });
    expect(page1.map((o) => o.type)).toEqual(["CASH_OUT", "CASH_IN", "CASH_IN"]);
    const last = page1[2]!;
    const page2 = await customer.api.customer.activity({
      limit: 3,
      before: { createdAt: last.createdAt, id: last.id },
    });
    expect(page2.map((o) => o.amount)).toEqual([10_000n]);
  });

  it("the agent's totals count today's completed orders", async () => {
    const customer = await newCustomer();
    const agent = await newAgent(1_000_000n);
    for (const amount of [10_000n, 15_000n]) {
      const o = await customer.api.customer.createOrder({
        type: "CASH_IN",
        amount,
        currency: "KES",
        idempotencyKey: key(),
      });
      await agent.api.agent.claim({ token: o.token! });
      await agent.api.agent.confirm({ orderId: o.id, idempotencyKey: key() });
    }
    const overview = await agent.api.agent.overview();
    expect(overview.today).toEqual([
      { type: "CASH_IN", count: 2, amount: 25_000n, commission: 200n },
    ]);
    expect(overview.float).toEqual([{ currency: "KES", balance: 975_000n, available: 975_000n }]);
    const history = await agent.api.agent.history({ limit: 10 });
    expect(history).toHaveLength(2);
  });
});
