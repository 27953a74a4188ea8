import { describe, expect, it } from "vitest";
import { key, newAgent, newCustomer, placeOrder } from "./helpers";

// The subscription is fed by PostgreSQL LISTEN/NOTIFY: the customer's stream must see the
// agent's claim and confirm as they commit, without polling.
describe("live order updates", () => {
  it("the customer's stream follows the order through claim and completion", async () => {
    const customer = await newCustomer();
    const agent = await newAgent(1_000_000n);
    const order = await placeOrder(customer, "CASH_IN", 10_000n);
    const stream = await customer.api.live.order({ orderId: order.id });
    const iterator = stream[Symbol.asyncIterator]();
    type View = { status: string; balanceAfter: bigint | null };
    // Server-side callers get tracked() envelopes as [eventId, data].
    const next = async () => ((await iterator.next()).value as unknown as [string, View])[1];

    expect((await next()).status).toBe("PENDING");
    await agent.api.agent.claim({ token: order.token! });
    expect((await next()).status).toBe("CLAIMED");
    await agent.api.agent.confirm({ orderId: order.id, idempotencyKey: key() });
    const done = await next();
    expect(done.status).toBe("COMPLETED");
    expect(done.balanceAfter).toBe(10_000n);
    await iterator.return?.();
  });

  it("another customer cannot watch someone else's order", async () => {
    const owner = await newCustomer();
    const other = await newCustomer();
    const order = await placeOrder(owner, "CASH_IN", 10_000n);
    const stream = await other.api.live.order({ orderId: order.id });
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toThrow(/could not find/);
  });
});
