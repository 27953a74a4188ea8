import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { key, newAgent, newCustomer } from "./helpers";
import { callHttp as post, snapshot } from "./http";

describe("bad input gets a 4xx with a message and changes nothing", () => {
  it("malformed create-order amounts", async () => {
    const customer = await newCustomer(100_000n);
    const before = await snapshot();
    const bad: unknown[] = [
      { type: "CASH_IN", amount: -5n, currency: "KES", idempotencyKey: key() },
      { type: "CASH_IN", amount: 0n, currency: "KES", idempotencyKey: key() },
      { type: "CASH_IN", amount: 2n ** 63n, currency: "KES", idempotencyKey: key() },
      { type: "CASH_IN", amount: 10.5, currency: "KES", idempotencyKey: key() },
      { type: "CASH_IN", amount: "100", currency: "KES", idempotencyKey: key() },
      { type: "CASH_IN", amount: 10_000n, currency: "kes", idempotencyKey: key() },
      { type: "CASH_IN", amount: 10_000n, currency: "USD", idempotencyKey: key() },
      { type: "CASH_IN", amount: 10_000n, currency: "KES", idempotencyKey: key(), extra: 1 },
      { type: "CASH_IN", amount: 10_000n, currency: "KES" },
      { type: "CASH_IN", amount: 10_000n, currency: "KES", idempotencyKey: "x".repeat(10_000) },
      { type: "TELEPORT", amount: 10_000n, currency: "KES", idempotencyKey: key() },
      { type: "CASH_IN", amount: 10_000n, currency: "KES", mode: "DIRECT", idempotencyKey: key() },
      null,
      "🙂",
    ];
    for (const input of bad) {
      const res = await post(customer.actor, "customer.createOrder", input);
      expect(res.status, JSON.stringify(superjson.serialize(input))).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.message.length).toBeGreaterThan(3);
    }
    // Raw JSON numbers (no superjson) are refused the same way.
    const raw = await post(
      customer.actor,
      "customer.createOrder",
      { json: { amount: 1e30 } },
      true,
    );
    expect(raw.status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it("garbage tokens and codes", async () => {
    const agent = await newAgent(100_000n);
    for (const input of [
      { token: `PP1${"A".repeat(22)}` },
      { token: "hello" },
      { token: "x".repeat(199) },
      { code: "abc" },
      { code: "000000000" },
      { token: "a", code: "b" },
      {},
    ]) {
      const res = await post(agent.actor, "agent.claim", input);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
  });

  it("wrong roles and anonymous calls", async () => {
    const customer = await newCustomer();
    const agent = await newAgent();
    expect(
      (
        await post(null, "customer.createOrder", {
          type: "CASH_IN",
          amount: 10_000n,
          currency: "KES",
          idempotencyKey: key(),
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await post(agent.actor, "customer.createOrder", {
          type: "CASH_IN",
          amount: 10_000n,
          currency: "KES",
          idempotencyKey: key(),
        })
      ).status,
    ).toBe(403);
    expect((await post(customer.actor, "agent.claim", { code: "123456782" })).status).toBe(403);
    expect(
      (
        await post(customer.actor, "agent.confirm", {
          orderId: crypto.randomUUID(),
          idempotencyKey: key(),
        })
      ).status,
    ).toBe(403);
  });

  it("sign-up validates phone, PIN and name", async () => {
    for (const input of [
      { phone: "0711000000", pin: "1234", name: "A" },
      { phone: "+254711000000", pin: "12", name: "A" },
      { phone: "+254711000000", pin: "12a4", name: "A" },
      { phone: "+254711000000", pin: "1234", name: "" },
      { phone: "+254711000000", pin: "1234", name: "x".repeat(81) },
      { phone: "+254711000000", pin: "1234", name: "A", role: "ADMIN" },
    ]) {
      const res = await post(null, "account.signUp", input);
      expect(res.status).toBe(400);
    }
  });

  it("signing up twice with one phone is a clear conflict", async () => {
    const customer = await newCustomer();
    const res = await post(null, "account.signUp", {
      phone: customer.phone,
      pin: "1234",
      name: "Again",
    });
    expect(res.status).toBe(409);
    expect(res.message).toMatch(/already has a ProxyPay account/);
  });
});
