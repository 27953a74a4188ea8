import { describe, expect, it } from "vitest";
import { CARD_PIN_PER_AGENT, PIN_TRUSTED_DEVICES } from "../../src/domain/rate-limits";
import { inTransaction } from "../../src/server/db/transaction";
import { hashCardSecret } from "../../src/server/security/card-secret";
import { balances, key, lastSmsTo, newAdmin, newAgent, newCustomer } from "./helpers";

// The personal QR card path: the card says whose wallet, the holder's PIN on the tablet
// approves, and the money moves through the same order steps as the phone's path.

type Api = Awaited<ReturnType<typeof newAgent>>["api"];

function cardOrder(
  agent: { api: Api },
  secret: string,
  type: "CASH_IN" | "CASH_OUT",
  amount: bigint,
  pin = "1234",
  idempotencyKey = key(),
) {
  return agent.api.agent.cardOrder({ secret, type, amount, currency: "KES", pin, idempotencyKey });
}

async function customerWithCard(balance = 0n) {
  const customer = await newCustomer(balance);
  const card = await customer.api.customer.issueCard();
  return { ...customer, secret: card.active!.secret };
}

describe("issuing, blocking and replacing a card", () => {
  it("stores only the secret's hash, and prints the name and a masked phone only", async () => {
    const c = await customerWithCard();
    const view = await c.api.customer.card();
    expect(view.active?.secret).toBe(c.secret);
    expect(view.maskedPhone).toMatch(/^\+254 ••• ••• \d{3}$/);
    expect(view.maskedPhone).not.toContain(c.phone.slice(4, 10));
    const rows = await inTransaction(
      (tx) => tx.$queryRaw<{ secret_hash: string }[]>`
        SELECT secret_hash FROM customer_cards WHERE user_id = ${c.userId}::uuid`,
    );
    expect(rows).toEqual([{ secret_hash: hashCardSecret(c.secret) }]);
    expect(JSON.stringify(rows)).not.toContain(c.secret);
  });

  it("the agent sees the holder's name and masked phone; blocked, replaced and unknown cards are refused by name", async () => {
    const c = await customerWithCard();
    const agent = await newAgent(0n);
    await expect(agent.api.agent.scanCard({ secret: c.secret })).resolves.toEqual({
      holderName: "Test Customer",
      maskedPhone: (await c.api.customer.card()).maskedPhone,
    });

    const replaced = await c.api.customer.issueCard();
    expect(replaced.active!.secret).not.toBe(c.secret);
    expect(replaced.closed).toMatchObject([{ status: "REPLACED" }]);
    await expect(agent.api.agent.scanCard({ secret: c.secret })).rejects.toThrow(/replaced/);
    await expect(cardOrder(agent, c.secret, "CASH_IN", 1_000n)).rejects.toThrow(/replaced/);

    const blocked = await c.api.customer.blockCard();
    expect(blocked.active).toBeNull();
    expect(blocked.closed[0]).toMatchObject({ status: "BLOCKED", reason: "Blocked by the holder" });
    await expect(agent.api.agent.scanCard({ secret: replaced.active!.secret })).rejects.toThrow(
      /blocked/,
    );
    await expect(agent.api.agent.scanCard({ secret: `PC1${"x".repeat(22)}` })).rejects.toThrow(
      /not a ProxyPay card/,
    );
    await expect(agent.api.agent.scanCard({ secret: "hello" })).rejects.toThrow(
      /not a ProxyPay card/,
    );
    await expect(c.api.customer.blockCard()).rejects.toThrow(/no working card/);
  });

  it("an operator blocks with a reason and issues a new card; both are audited", async () => {
    const c = await customerWithCard();
    const admin = await newAdmin();
    const seen = await admin.api.admin.customerCard({ userId: c.userId });
    expect(seen.active?.secret).toBe(c.secret);
    const blocked = await admin.api.admin.blockCustomerCard({
      userId: c.userId,
      reason: "Lost at the market, called in",
    });
    expect(blocked.closed[0]).toMatchObject({
      status: "BLOCKED",
      reason: "Lost at the market, called in",
    });
    const fresh = await admin.api.admin.issueCustomerCard({ userId: c.userId });
    expect(fresh.active).not.toBeNull();
    const audit = await inTransaction(
      (tx) => tx.$queryRaw<{ action: string; actor_id: string }[]>`
        SELECT action, actor_id::text FROM audit_log
        WHERE entity_type = 'customer' AND entity_id = ${c.userId} ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(["card.issue", "card.block", "card.issue"]);
    expect(audit.slice(1).every((a) => a.actor_id === admin.userId)).toBe(true);
    // An operator's page of an agent is not a customer's card.
    const agent = await newAgent();
    await expect(admin.api.admin.issueCustomerCard({ userId: agent.userId })).rejects.toThrow(
      /No such customer/,
    );
  });
});

describe("a cash-out and a cash-in with a card", () => {
  it("cash-out: the right PIN executes it at once; wallet pays amount + fee, the float gets it", async () => {
    const c = await customerWithCard(50_000n);
    const agent = await newAgent(0n);
    const order = await cardOrder(agent, c.secret, "CASH_OUT", 10_000n);
    expect(order.status).toBe("COMPLETED");
    const wallet = await balances(c.userId);
    expect(wallet.WALLET).toEqual({ balance: 50_000n - 10_000n - order.fee, onHold: 0n });
    const shop = await balances(agent.userId);
    expect(shop.FLOAT!.balance).toBe(10_000n);
    // The holder hears of it at once: a shop that kept the card and PIN cannot use them quietly.
    expect(lastSmsTo(c.phone)).toMatch(
      new RegExp(`KES 100\\.00 was paid out in cash at .+ \\(order ${order.reference}\\)`),
    );
  });

  it("cash-in: the PIN creates it for the holder, claimed by this agent; money moves at the agent's confirm", async () => {
    const c = await customerWithCard();
    const agent = await newAgent(100_000n);
    const order = await cardOrder(agent, c.secret, "CASH_IN", 20_000n);
    expect(order.status).toBe("CLAIMED");
    expect(lastSmsTo(c.phone)).toMatch(/A cash-in of KES 200\.00 was started at /);
    expect((await balances(c.userId)).WALLET!.balance).toBe(0n);
    const done = await agent.api.agent.confirm({ orderId: order.id, idempotencyKey: key() });
    expect(done.status).toBe("COMPLETED");
    expect((await balances(c.userId)).WALLET!.balance).toBe(20_000n - order.fee);
    expect((await balances(agent.userId)).FLOAT!.balance).toBe(80_000n);
  });

  it("a wrong PIN moves nothing and creates no order", async () => {
    const c = await customerWithCard(50_000n);
    const agent = await newAgent(100_000n);
    for (const type of ["CASH_OUT", "CASH_IN"] as const) {
      await expect(cardOrder(agent, c.secret, type, 10_000n, "9999")).rejects.toThrow(
        /PIN is not right/,
      );
    }
    expect((await balances(c.userId)).WALLET).toEqual({ balance: 50_000n, onHold: 0n });
    const orders = await inTransaction((tx) => tx.order.count({ where: { customerId: c.userId } }));
    expect(orders).toBe(0);
  });

  it("a retry with the same key replays: one order, paid once", async () => {
    const c = await customerWithCard(50_000n);
    const agent = await newAgent(0n);
    const k = key();
    const first = await cardOrder(agent, c.secret, "CASH_OUT", 10_000n, "1234", k);
    const again = await cardOrder(agent, c.secret, "CASH_OUT", 10_000n, "1234", k);
    expect(again.id).toBe(first.id);
    expect(again.status).toBe("COMPLETED");
    expect((await balances(c.userId)).WALLET!.balance).toBe(50_000n - 10_000n - first.fee);
    // Another tablet sending the same key gets an order of its own, not this one.
    const other = await newAgent(0n);
    const theirs = await cardOrder(other, c.secret, "CASH_OUT", 10_000n, "1234", k);
    expect(theirs.id).not.toBe(first.id);
  });

  it("a cash-in over the agent's float is refused and the order withdrawn, holding nothing", async () => {
    const c = await customerWithCard();
    const agent = await newAgent(1_000n);
    await expect(cardOrder(agent, c.secret, "CASH_IN", 20_000n)).rejects.toThrow(/float/);
    const orders = await inTransaction((tx) =>
      tx.order.findMany({ where: { customerId: c.userId }, select: { status: true } }),
    );
    expect(orders).toEqual([{ status: "CANCELLED" }]);
  });

  it("a locked customer's card moves nothing", async () => {
    const c = await customerWithCard(50_000n);
    const admin = await newAdmin();
    await admin.api.admin.updateCustomer({ userId: c.userId, locked: true });
    const agent = await newAgent();
    await expect(agent.api.agent.scanCard({ secret: c.secret })).rejects.toThrow(/locked/);
    await expect(cardOrder(agent, c.secret, "CASH_OUT", 5_000n)).rejects.toThrow(/locked/);
  });
});

describe("PIN guesses with a found card", () => {
  it("a burst of 100 PIN attempts from one tablet checks at most the holder's budget, the right PIN among them included", async () => {
    const c = await customerWithCard(500_000n);
    const agent = await newAgent(0n);
    const rightAt = 50;
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        cardOrder(
          agent,
          c.secret,
          "CASH_OUT",
          1_000n,
          i === rightAt ? "1234" : String(1000 + i).padStart(4, "0"),
        ),
      ),
    );
    const messages = results.map((r) =>
      r.status === "fulfilled" ? "paid" : (r.reason as Error).message,
    );
    const checked = messages.filter((m) => /PIN is not right|^paid$/.test(m)).length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(PIN_TRUSTED_DEVICES.limit);
    for (const m of messages) expect(m).toMatch(/PIN is not right|Too many wrong PINs|^paid$/);
    expect(messages[rightAt]).toMatch(/Too many wrong PINs/);
    expect((await balances(c.userId)).WALLET!.balance).toBe(500_000n);
    // The holder's own budget is the one spent: their phone's approval is locked too, as the
    // phone path's own guesses would (the holder blocks the card and waits, or calls support).
    const other = await newAgent(0n);
    await expect(cardOrder(other, c.secret, "CASH_OUT", 5_000n)).rejects.toThrow(
      /Too many wrong PINs/,
    );
  });

  it("a tablet working through many found cards is stopped after its own budget", async () => {
    const agent = await newAgent(0n);
    const cards = await Promise.all(
      Array.from({ length: CARD_PIN_PER_AGENT.limit * 2 }, () => customerWithCard(20_000n)),
    );
    const results = await Promise.allSettled(
      cards.map((c) => cardOrder(agent, c.secret, "CASH_OUT", 5_000n, "9999")),
    );
    const checked = results.filter(
      (r) => r.status === "rejected" && /PIN is not right/.test((r.reason as Error).message),
    ).length;
    expect(checked).toBeLessThanOrEqual(CARD_PIN_PER_AGENT.limit);
    expect(checked).toBeGreaterThan(0);
    // Right PINs never use up the tablet's budget: a shop serving card holders all day.
    const busy = await newAgent(0n);
    for (let i = 0; i < CARD_PIN_PER_AGENT.limit + 2; i++) {
      const c = await customerWithCard(20_000n);
      await expect(cardOrder(busy, c.secret, "CASH_OUT", 5_000n)).resolves.toMatchObject({
        status: "COMPLETED",
      });
    }
  });
});
