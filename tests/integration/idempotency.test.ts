import { describe, expect, it } from "vitest";
import { inTransaction } from "../../src/server/db/transaction";
import { balances, fund, key, newAgent, newCustomer, placeOrder } from "./helpers";

describe("idempotency keys", () => {
  it("a replayed create returns the first order and creates nothing new", async () => {
    const customer = await newCustomer(100_000n);
    const k = key();
    const input = {
      type: "CASH_OUT" as const,
      amount: 10_000n,
      currency: "KES",
      idempotencyKey: k,
    };
    const first = await customer.api.customer.createOrder(input);
    const replay = await customer.api.customer.createOrder(input);
    expect(replay).toEqual(first);
    const count = await inTransaction((tx) =>
      tx.order.count({ where: { customerId: customer.userId } }),
    );
    expect(count).toBe(1);
    expect((await balances(customer.userId)).WALLET?.onHold).toBe(11_000n);
  });

  it("concurrent replays while the first is still running all get the first result", async () => {
    const customer = await newCustomer(100_000n);
    const input = {
      type: "CASH_OUT" as const,
      amount: 10_000n,
      currency: "KES",
      idempotencyKey: key(),
    };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => customer.api.customer.createOrder(input)),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect((await balances(customer.userId)).WALLET?.onHold).toBe(11_000n);
  });

  it("the same key with another payload is refused", async () => {
    const customer = await newCustomer(100_000n);
    const k = key();
    await customer.api.customer.createOrder({
      type: "CASH_IN",
      amount: 10_000n,
      currency: "KES",
      idempotencyKey: k,
    });
    await expect(
      customer.api.customer.createOrder({
        type: "CASH_IN",
        amount: 20_000n,
        currency: "KES",
        idempotencyKey: k,
      }),
    ).rejects.toThrow(/already used for a different request/);
  });

  it("a replayed confirm returns the receipt and posts once", async () => {
    const customer = await newCustomer();
    const agent = await newAgent(1_000_000n);
    const order = await placeOrder(customer, "CASH_IN", 10_000n);
    await agent.api.agent.claim({ token: order.token! });
    const k = key();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        agent.api.agent.confirm({ orderId: order.id, idempotencyKey: k }),
      ),
    );
    for (const r of results) expect(r).toEqual(results[0]);
    expect(results[0]?.status).toBe("COMPLETED");
    expect((await balances(customer.userId)).WALLET?.balance).toBe(10_000n);
  });

  it("keys are per user: two customers may use the same key", async () => {
    const a = await newCustomer();
    const b = await newCustomer();
    const k = key();
    const oa = await a.api.customer.createOrder({
      type: "CASH_IN",
      amount: 10_000n,
      currency: "KES",
      idempotencyKey: k,
    });
    const ob = await b.api.customer.createOrder({
      type: "CASH_IN",
      amount: 10_000n,
      currency: "KES",
      idempotencyKey: k,
    });
    expect(oa.id).not.toBe(ob.id);
  });

  it("a refused call stores nothing, so the same key works once the cause is fixed", async () => {
    const customer = await newCustomer(5_000n);
    const input = {
      type: "CASH_OUT" as const,
      amount: 10_000n,
      currency: "KES",
      idempotencyKey: key(),
    };
    await expect(customer.api.customer.createOrder(input)).rejects.toThrow(/available/);
    const stored = await inTransaction((tx) =>
      tx.idempotencyKey.count({ where: { userId: customer.userId } }),
    );
    expect(stored).toBe(0);
    await fund(customer.userId, 10_000n);
    const order = await customer.api.customer.createOrder(input);
    expect(order.status).toBe("PENDING");
  });
});

describe("every money-moving mutation honours its key", () => {
  type Setup = () => Promise<{
    call: (k: string, variant?: boolean) => Promise<unknown>;
    moneyCheck: () => Promise<unknown>;
  }>;

  const cases: Record<string, Setup> = {
    "customer.cancelOrder": async () => {
      const customer = await newCustomer(100_000n);
      const order = await placeOrder(customer, "CASH_OUT", 10_000n);
      const other = await placeOrder(customer, "CASH_OUT", 10_000n);
      return {
        call: (k, variant) =>
          customer.api.customer.cancelOrder({
            orderId: variant ? other.id : order.id,
            idempotencyKey: k,
          }),
        moneyCheck: () => balances(customer.userId),
      };
    },
    "customer.answerApproval": async () => {
      const customer = await newCustomer(100_000n);
      const agent = await newAgent();
      const order = await placeOrder(customer, "CASH_OUT", 10_000n);
      await agent.api.agent.claim({ token: order.token! });
      return {
        call: (k, variant) =>
          customer.api.customer.answerApproval(
            variant
              ? { orderId: order.id, approve: false, idempotencyKey: k }
              : { orderId: order.id, approve: true, pin: "1234", idempotencyKey: k },
          ),
        moneyCheck: async () => [await balances(customer.userId), await balances(agent.userId)],
      };
    },
    "agent.decline": async () => {
      const customer = await newCustomer(100_000n);
      const agent = await newAgent();
      const order = await placeOrder(customer, "CASH_OUT", 10_000n);
      await agent.api.agent.claim({ token: order.token! });
      return {
        call: (k, variant) =>
          agent.api.agent.decline({
            orderId: order.id,
            reason: variant ? "other" : "closing",
            idempotencyKey: k,
          }),
        moneyCheck: () => balances(customer.userId),
      };
    },
    "agent.confirm (cash-in)": async () => {
      const customer = await newCustomer(100_000n);
      const agent = await newAgent(100_000n);
      const order = await placeOrder(customer, "CASH_IN", 10_000n);
      const other = await placeOrder(customer, "CASH_IN", 10_000n);
      for (const o of [order, other]) await agent.api.agent.claim({ token: o.token! });
      return {
        call: (k, variant) =>
          agent.api.agent.confirm({ orderId: variant ? other.id : order.id, idempotencyKey: k }),
        moneyCheck: async () => [await balances(customer.userId), await balances(agent.userId)],
      };
    },
  };

  for (const [name, setup] of Object.entries(cases)) {
    it(`${name}: concurrent replays get the first result, money moves once, another payload is refused`, async () => {
      const { call, moneyCheck } = await setup();
      const k = key();
      const results = await Promise.all(Array.from({ length: 5 }, () => call(k)));
      for (const r of results) expect(r).toEqual(results[0]);
      const after = await moneyCheck();
      expect(await call(k)).toEqual(results[0]);
      expect(await moneyCheck()).toEqual(after);
      await expect(call(k, true)).rejects.toThrow(/already used for a different request/);
      expect(await moneyCheck()).toEqual(after);
    });
  }
});
