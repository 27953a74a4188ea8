import { describe, expect, it } from "vitest";
import { balances, key, makeExpired, newAgent, newCustomer, placeOrder } from "./helpers";

// Amounts are KES cents. Seeded settings, STANDARD plan: cash-in fee 0, commission 0.2%
// (min 1, max 50); cash-out fee 1.5% (min 10, max 300), agent share 60% of the fee.

describe("cash-in", () => {
  it("moves the amount from the agent's float to the wallet and pays commission", async () => {
    const customer = await newCustomer();
    const agent = await newAgent(1_000_000n);
    const order = await placeOrder(customer, "CASH_IN", 250_000n);
    expect(order.status).toBe("PENDING");
    expect(order.token).toMatch(/^PP1[A-Za-z0-9_-]{22}$/);
    expect(order.typedCode).toMatch(/^\d{9}$/);
    expect(order.fee).toBe(0n);

    const preview = await agent.api.agent.claim({ token: order.token! });
    expect(preview.status).toBe("CLAIMED");
    expect(preview.amount).toBe(250_000n);
    expect(preview.commission).toBe(500n);
    expect(preview.customerPhone).toContain("•");

    const done = await agent.api.agent.confirm({ orderId: order.id, idempotencyKey: key() });
    expect(done.status).toBe("COMPLETED");
    expect(done.floatAfter).toBe(750_000n);

    const receipt = await customer.api.customer.order({ orderId: order.id });
    expect(receipt.balanceAfter).toBe(250_000n);
    expect(receipt.token).toBeNull();
    expect(receipt.agentShopName).toBe("Test Shop");
    expect(await balances(customer.userId)).toEqual({ WALLET: { balance: 250_000n, onHold: 0n } });
    expect((await balances(agent.userId)).COMMISSION).toEqual({ balance: 500n, onHold: 0n });
  });

  it("works with the typed code instead of the QR", async () => {
    const customer = await newCustomer();
    const agent = await newAgent(1_000_000n);
    const order = await placeOrder(customer, "CASH_IN", 10_000n);
    const code = order.typedCode!;
    const preview = await agent.api.agent.claim({ code: `${code.slice(0, 4)} ${code.slice(4)}` });
    expect(preview.id).toBe(order.id);
  });

  it("refuses a mistyped code by its check digit", async () => {
    const agent = await newAgent(1_000_000n);
    await expect(agent.api.agent.claim({ code: "123456780" })).rejects.toThrow(
      /not right|No open order/,
    );
  });

  it("refuses a claim when the float cannot cover it and leaves the order open", async () => {
    const customer = await newCustomer();
    const poor = await newAgent(5_000n);
    const order = await placeOrder(customer, "CASH_IN", 10_000n);
    await expect(poor.api.agent.claim({ token: order.token! })).rejects.toThrow(/float/);
    expect((await customer.api.customer.order({ orderId: order.id })).status).toBe("PENDING");
  });
});

describe("cash-out", () => {
  it("holds amount + fee, needs the customer's approval, then pays out", async () => {
    const customer = await newCustomer(100_000n);
    const agent = await newAgent(0n, "Cash Corner");
    const order = await placeOrder(customer, "CASH_OUT", 50_000n);
    expect(order.fee).toBe(1_000n);
    expect(order.walletAmount).toBe(51_000n);
    expect(await balances(customer.userId)).toEqual({
      WALLET: { balance: 100_000n, onHold: 51_000n },
    });

    await agent.api.agent.claim({ token: order.token! });
    await expect(
      agent.api.agent.confirm({ orderId: order.id, idempotencyKey: key() }),
    ).rejects.toThrow(/approve/);

    const seen = await customer.api.customer.order({ orderId: order.id });
    expect(seen.status).toBe("CLAIMED");
    expect(seen.agentShopName).toBe("Cash Corner");
    // The approval, with the PIN, executes the cash-out: the tablet may now say "hand over".
    const approved = await customer.api.customer.answerApproval({
      orderId: order.id,
      approve: true,
      pin: "1234",
      idempotencyKey: key(),
    });
    expect(approved.status).toBe("COMPLETED");
    expect(approved.balanceAfter).toBe(49_000n);

    const done = await agent.api.agent.order({ orderId: order.id });
    expect(done.status).toBe("COMPLETED");
    expect(done.floatAfter).toBe(50_000n);
    expect(await balances(customer.userId)).toEqual({ WALLET: { balance: 49_000n, onHold: 0n } });
    expect((await balances(agent.userId)).COMMISSION).toEqual({ balance: 600n, onHold: 0n });
  });

  it("refuses a cash-out larger than the available balance", async () => {
    const customer = await newCustomer(20_000n);
    await expect(placeOrder(customer, "CASH_OUT", 19_900n)).rejects.toThrow(/available/);
    expect(await balances(customer.userId)).toEqual({ WALLET: { balance: 20_000n, onHold: 0n } });
  });

  it("releases the hold when the customer rejects", async () => {
    const customer = await newCustomer(100_000n);
    const agent = await newAgent();
    const order = await placeOrder(customer, "CASH_OUT", 10_000n);
    await agent.api.agent.claim({ token: order.token! });
    const rejected = await customer.api.customer.answerApproval({
      orderId: order.id,
      approve: false,
      idempotencyKey: key(),
    });
    expect(rejected.status).toBe("DECLINED");
    expect(await balances(customer.userId)).toEqual({ WALLET: { balance: 100_000n, onHold: 0n } });
    await expect(
      customer.api.customer.answerApproval({
        orderId: order.id,
        approve: true,
        pin: "1234",
        idempotencyKey: key(),
      }),
    ).rejects.toThrow(/declined/);
  });

  it("releases the hold on cancel and on expiry", async () => {
    const customer = await newCustomer(100_000n);
    const a = await placeOrder(customer, "CASH_OUT", 10_000n);
    const b = await placeOrder(customer, "CASH_OUT", 20_000n);
    expect((await balances(customer.userId)).WALLET?.onHold).toBe(32_000n);
    await customer.api.customer.cancelOrder({ orderId: a.id, idempotencyKey: key() });
    expect((await balances(customer.userId)).WALLET?.onHold).toBe(21_000n);
    await makeExpired(b.id);
    expect((await customer.api.customer.order({ orderId: b.id })).status).toBe("EXPIRED");
    expect(await balances(customer.userId)).toEqual({ WALLET: { balance: 100_000n, onHold: 0n } });
  });

  it("lets the agent decline, which frees the customer's money", async () => {
    const customer = await newCustomer(100_000n);
    const agent = await newAgent();
    const order = await placeOrder(customer, "CASH_OUT", 10_000n);
    await agent.api.agent.claim({ token: order.token! });
    const declined = await agent.api.agent.decline({
      orderId: order.id,
      reason: "No cash in the drawer",
      idempotencyKey: key(),
    });
    expect(declined.status).toBe("DECLINED");
    const seen = await customer.api.customer.order({ orderId: order.id });
    expect(seen.closeReason).toContain("No cash in the drawer");
    expect((await balances(customer.userId)).WALLET?.onHold).toBe(0n);
  });
});

describe("refusals", () => {
  it("refuses expired, cancelled and completed tokens", async () => {
    const customer = await newCustomer();
    const agent = await newAgent(1_000_000n);
    const expired = await placeOrder(customer, "CASH_IN", 10_000n);
    await makeExpired(expired.id);
    await expect(agent.api.agent.claim({ token: expired.token! })).rejects.toThrow(/expired/);
    await expect(agent.api.agent.claim({ code: expired.typedCode! })).rejects.toThrow(/expired/);

    const cancelled = await placeOrder(customer, "CASH_IN", 10_000n);
    await customer.api.customer.cancelOrder({ orderId: cancelled.id, idempotencyKey: key() });
    await expect(agent.api.agent.claim({ token: cancelled.token! })).rejects.toThrow(/cancelled/);

    const completed = await placeOrder(customer, "CASH_IN", 10_000n);
    await agent.api.agent.claim({ token: completed.token! });
    await agent.api.agent.confirm({ orderId: completed.id, idempotencyKey: key() });
    await expect(agent.api.agent.claim({ token: completed.token! })).rejects.toThrow(/already/);
    await expect(
      agent.api.agent.confirm({ orderId: completed.id, idempotencyKey: key() }),
    ).rejects.toThrow(/already completed/);
  });

  it("tells a second agent the order is already being handled", async () => {
    const customer = await newCustomer();
    const first = await newAgent(1_000_000n);
    const second = await newAgent(1_000_000n);
    const order = await placeOrder(customer, "CASH_IN", 10_000n);
    await first.api.agent.claim({ token: order.token! });
    await expect(second.api.agent.claim({ token: order.token! })).rejects.toThrow(
      /already being handled/,
    );
    await expect(
      second.api.agent.confirm({ orderId: order.id, idempotencyKey: key() }),
    ).rejects.toThrow(/could not find that order for your shop/);
  });

  it("enforces limits with the limit in the message", async () => {
    const customer = await newCustomer();
    await expect(placeOrder(customer, "CASH_IN", 4_999n)).rejects.toThrow(
      /smallest amount is KES 50.00/,
    );
    await expect(placeOrder(customer, "CASH_IN", 7_000_001n)).rejects.toThrow(
      /largest amount is KES 70,000.00/,
    );
  });

  it("refuses a foreign currency", async () => {
    const customer = await newCustomer();
    await expect(
      customer.api.customer.createOrder({
        type: "CASH_IN",
        amount: 10_000n,
        currency: "USD",
        idempotencyKey: key(),
      }),
    ).rejects.toThrow(/KES/);
  });

  it("keeps customers out of each other's orders", async () => {
    const owner = await newCustomer();
    const other = await newCustomer();
    const order = await placeOrder(owner, "CASH_IN", 10_000n);
    await expect(other.api.customer.order({ orderId: order.id })).rejects.toThrow(/could not find/);
    await expect(
      other.api.customer.cancelOrder({ orderId: order.id, idempotencyKey: key() }),
    ).rejects.toThrow(/could not find/);
  });
});
