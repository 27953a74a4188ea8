import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { balances, key, newAgent, newCustomer, placeOrder } from "./helpers";

describe("abuse", () => {
  it("tokens cannot be guessed: random well-formed tokens find nothing", async () => {
    const customer = await newCustomer();
    const agent = await newAgent(1_000_000n);
    await placeOrder(customer, "CASH_IN", 10_000n);
    for (let i = 0; i < 200; i++) {
      const guess = `PP1${randomBytes(17).toString("base64url").slice(0, 22)}`;
      await expect(agent.api.agent.claim({ token: guess })).rejects.toThrow(/not a ProxyPay order/);
    }
  });

  it("tokens and codes carry no sequence: consecutive orders look unrelated", async () => {
    const customer = await newCustomer();
    const orders = [];
    for (let i = 0; i < 5; i++) orders.push(await placeOrder(customer, "CASH_IN", 10_000n));
    const tokens = orders.map((o) => o.token!);
    expect(new Set(tokens).size).toBe(5);
    // No shared prefix beyond the format marker, no order id inside.
    for (const [i, o] of orders.entries()) {
      expect(tokens[i]).not.toContain(o.id.replaceAll("-", "").slice(0, 8));
      if (i > 0) expect(tokens[i]!.slice(3, 8)).not.toBe(tokens[i - 1]!.slice(3, 8));
    }
  });

  it("a photographed cash-out QR moves no money without the customer's approval", async () => {
    const customer = await newCustomer(100_000n);
    const thief = await newAgent(0n, "Somewhere Else Shop");
    const order = await placeOrder(customer, "CASH_OUT", 50_000n);
    // The thief's agent account scans the photo: that only claims the order...
    const preview = await thief.api.agent.claim({ token: order.token! });
    expect(preview.status).toBe("CLAIMED");
    // ...confirming without the customer's yes is refused, as many times as tried.
    for (let i = 0; i < 3; i++) {
      await expect(
        thief.api.agent.confirm({ orderId: order.id, idempotencyKey: key() }),
      ).rejects.toThrow(/approve/);
    }
    // The customer sees which shop scanned and says no; the money is free again.
    const seen = await customer.api.customer.order({ orderId: order.id });
    expect(seen.agentShopName).toBe("Somewhere Else Shop");
    await customer.api.customer.answerApproval({
      orderId: order.id,
      approve: false,
      idempotencyKey: key(),
    });
    expect(await balances(customer.userId)).toEqual({ WALLET: { balance: 100_000n, onHold: 0n } });
    await expect(
      thief.api.agent.confirm({ orderId: order.id, idempotencyKey: key() }),
    ).rejects.toThrow(/customer approves/);
  });
});
