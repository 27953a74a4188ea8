import { describe, expect, it } from "vitest";
import { inTransaction } from "../../src/server/db/transaction";
import { balances, key, newAgent, newCustomer, placeOrder } from "./helpers";

function outcomes(results: PromiseSettledResult<unknown>[]) {
  return {
    ok: results.filter((r) => r.status === "fulfilled").length,
    errors: results
      .filter((r): r is PromiseRejectedResult => r.status === "rejected")
      .map((r) => (r.reason as Error).message),
  };
}

describe("concurrency on real PostgreSQL", () => {
  it("20 parallel confirms of one order: exactly one succeeds, one journal entry", async () => {
    const customer = await newCustomer();
    const agent = await newAgent(1_000_000n);
    const order = await placeOrder(customer, "CASH_IN", 100_000n);
    await agent.api.agent.claim({ token: order.token! });

    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        agent.api.agent.confirm({ orderId: order.id, idempotencyKey: key() }),
      ),
    );
    const { ok, errors } = outcomes(results);
    expect(ok).toBe(1);
    expect(errors).toHaveLength(19);
    for (const message of errors) expect(message).toMatch(/already completed/);
    const entries = await inTransaction((tx) =>
      tx.journalEntry.count({ where: { orderId: order.id } }),
    );
    expect(entries).toBe(1);
    expect((await balances(customer.userId)).WALLET?.balance).toBe(100_000n);
  });

  it("20 agents scanning the same QR: exactly one claim", async () => {
    const customer = await newCustomer();
    const agents = await Promise.all(Array.from({ length: 20 }, () => newAgent(1_000_000n)));
    const order = await placeOrder(customer, "CASH_IN", 10_000n);

    const results = await Promise.allSettled(
      agents.map((a) => a.api.agent.claim({ token: order.token! })),
    );
    const { ok, errors } = outcomes(results);
    expect(ok).toBe(1);
    for (const message of errors) expect(message).toMatch(/already being handled/);
    const winner = agents[results.findIndex((r) => r.status === "fulfilled")]!;
    const stored = await inTransaction((tx) =>
      tx.order.findUniqueOrThrow({ where: { id: order.id } }),
    );
    expect(stored.agentId).toBe(winner.agentId);
    expect(stored.status).toBe("CLAIMED");
  });

  it("50 parallel cash-ins against one agent's float never overdraw it", async () => {
    // Float covers 30 of the 50 orders of KES 1,000 each.
    const agent = await newAgent(3_000_000n);
    const customers = await Promise.all(Array.from({ length: 50 }, () => newCustomer()));
    const orders = await Promise.all(customers.map((c) => placeOrder(c, "CASH_IN", 100_000n)));
    // Claims check the float too, but all 50 pass that early check before any confirm.
    for (const o of orders) await agent.api.agent.claim({ token: o.token! });

    const results = await Promise.allSettled(
      orders.map((o) => agent.api.agent.confirm({ orderId: o.id, idempotencyKey: key() })),
    );
    const { ok, errors } = outcomes(results);
    expect(ok).toBe(30);
    expect(errors).toHaveLength(20);
    for (const message of errors) expect(message).toMatch(/float is not enough/);
    const float = (await balances(agent.userId)).FLOAT!;
    expect(float.balance).toBe(0n);
    // The refused orders are still the agent's, unexecuted: money moved only for the 30.
    const completed = await inTransaction((tx) =>
      tx.order.count({ where: { id: { in: orders.map((o) => o.id) }, status: "COMPLETED" } }),
    );
    expect(completed).toBe(30);
  });

  it("parallel cash-outs from one wallet never hold more than the balance", async () => {
    const customer = await newCustomer(100_000n);
    // Each needs 21,000 (20,000 + minimum fee 1,000): only 4 fit in 100,000.
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => placeOrder(customer, "CASH_OUT", 20_000n)),
    );
    const { ok, errors } = outcomes(results);
    expect(ok).toBe(4);
    for (const message of errors) expect(message).toMatch(/available/);
    expect(await balances(customer.userId)).toEqual({
      WALLET: { balance: 100_000n, onHold: 84_000n },
    });
  });

  it("cancel racing confirm: one wins, the books agree with the winner", async () => {
    for (let round = 0; round < 5; round++) {
      const customer = await newCustomer();
      const agent = await newAgent(1_000_000n);
      const order = await placeOrder(customer, "CASH_IN", 10_000n);
      await agent.api.agent.claim({ token: order.token! });
      const [confirm, cancel] = await Promise.allSettled([
        agent.api.agent.confirm({ orderId: order.id, idempotencyKey: key() }),
        customer.api.customer.cancelOrder({ orderId: order.id, idempotencyKey: key() }),
      ]);
      expect([confirm.status, cancel.status].filter((s) => s === "fulfilled")).toHaveLength(1);
      const wallet = (await balances(customer.userId)).WALLET!.balance;
      expect(wallet).toBe(confirm.status === "fulfilled" ? 10_000n : 0n);
    }
  });
});
