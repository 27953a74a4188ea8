import { randomInt } from "node:crypto";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { key, newAgent, newCustomer, uniquePhone } from "./helpers";
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

  it("sign-up validates phone, code, ticket, PIN and name", async () => {
    const ticket = "A".repeat(43);
    const codeId = crypto.randomUUID();
    for (const [path, input] of [
      ["account.requestSignUpCode", { phone: "0711000000" }],
      ["account.requestSignUpCode", { phone: "+254711000000", role: "ADMIN" }],
      ["account.verifySignUpCode", { codeId: "nope", code: "123456" }],
      ["account.verifySignUpCode", { codeId, code: "12345" }],
      ["account.verifySignUpCode", { codeId, code: "12a456" }],
      ["account.signUp", { ticket: "short", pin: "1234", name: "A" }],
      ["account.signUp", { ticket, pin: "12", name: "A" }],
      ["account.signUp", { ticket, pin: "12a4", name: "A" }],
      ["account.signUp", { ticket, pin: "1234", name: "" }],
      ["account.signUp", { ticket, pin: "1234", name: "x".repeat(81) }],
      ["account.signUp", { ticket, pin: "1234", name: "A", role: "ADMIN" }],
      ["account.signUp", { phone: "+254711000000", pin: "1234", name: "A" }],
    ] as const) {
      const res = await post(null, path, input);
      expect(res.status, `${path} ${JSON.stringify(input)}`).toBe(400);
    }
  });

  it("asking for a code for a number that has a wallet gets the same answer as for a new one", async () => {
    const customer = await newCustomer();
    const fresh = uniquePhone();
    // An address of its own: other files ask for codes from 127.0.0.1 and use up its limit.
    const ip = `10.77.${randomInt(0, 256)}.${randomInt(1, 255)}`;
    const taken = await post(
      null,
      "account.requestSignUpCode",
      { phone: customer.phone },
      false,
      ip,
    );
    const free = await post(null, "account.requestSignUpCode", { phone: fresh }, false, ip);
    expect(taken).toEqual({ status: 200, message: "" });
    expect(free).toEqual({ status: 200, message: "" });
  });
});
