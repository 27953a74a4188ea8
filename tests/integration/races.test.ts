import { describe, expect, it } from "vitest";
import { inTransaction } from "../../src/server/db/transaction";
import { expireIfDue } from "../../src/server/use-cases/expire-orders";
import { balances, key, makeExpired, newAgent, newCustomer, placeOrder } from "./helpers";

// Races that a busy agent network produces every day. SCALE multiplies the sizes for
// `npm run test:stress`; the default keeps `npm test` quick.
const SCALE = Number(process.env.STRESS_SCALE ?? 1);

/** Every failure must be a refusal a person can read, never a deadlock or a 500. */
function refusalsOnly(results: PromiseSettledResult<unknown>[]): string[] {
  const messages: string[] = [];
  for (const r of results) {
    if (r.status === "fulfilled") continue;
    const error = r.reason as { code?: string; message: string };
    expect(error.code, error.message).not.toBe("INTERNAL_SERVER_ERROR");
    expect(error.message).not.toMatch(/deadlock|serializ|could not|timeout|Transaction/i);
    messages.push(error.message);
  }
  return messages;
}

describe("races on real PostgreSQL", () => {
  it(`a hot agent: ${200 * SCALE} orders created, claimed and confirmed at once on one float`, async () => {
    const n = 200 * SCALE;
    const agent = await newAgent(BigInt(n) * 10_000n);
    // Four orders per customer: a customer approves a cash-out with the PIN, and a phone's
    // PIN attempts in flight at once are limited like guesses (PIN_TRUSTED_DEVICES).
    const customers = await Promise.all(
      Array.from({ length: Math.ceil(n / 4) }, () => newCustomer(2_000_000n)),
    );
    const results = await Promise.allSettled(
      Array.from({ length: n }, async (_, i) => {
        const customer = customers[i % customers.length]!;
        const type = i % 3 === 0 ? "CASH_OUT" : "CASH_IN";
        const order = await placeOrder(customer, type, 10_000n);
        await agent.api.agent.claim({ token: order.token! });
        if (type === "CASH_OUT") {
          return customer.api.customer.answerApproval({
            orderId: order.id,
            approve: true,
            pin: "1234",
            idempotencyKey: key(),
          });
        }
        return agent.api.agent.confirm({ orderId: order.id, idempotencyKey: key() });
      }),
    );
    expect(refusalsOnly(results)).toEqual([]);
    const cashOuts = Math.ceil(n / 3);
    const cashIns = n - cashOuts;
    const float = (await balances(agent.userId)).FLOAT!.balance;
    expect(float).toBe(
      BigInt(n) * 10_000n - BigInt(cashIns) * 10_000n + BigInt(cashOuts) * 10_000n,
    );
  });

  it("opposing flows between the same customers and agents never lose a cent", async () => {
    const agents = await Promise.all([newAgent(1_000_000n), newAgent(1_000_000n)]);
    const customers = await Promise.all([newCustomer(1_000_000n), newCustomer(1_000_000n)]);
    const before = await totalOf([
      ...agents.map((a) => a.userId),
      ...customers.map((c) => c.userId),
    ]);
    const results = await Promise.allSettled(
      Array.from({ length: 40 * SCALE }, async (_, i) => {
        const customer = customers[i % 2]!;
        const agent = agents[(i >> 1) % 2]!;
        const order = await placeOrder(
          customer,
          i % 4 < 2 ? "CASH_IN" : "CASH_OUT",
          5_000n + BigInt(i) * 100n,
        );
        await agent.api.agent.claim({ token: order.token! });
        if (order.type === "CASH_OUT") {
          return customer.api.customer.answerApproval({
            orderId: order.id,
            approve: true,
            pin: "1234",
            idempotencyKey: key(),
          });
        }
        return agent.api.agent.confirm({ orderId: order.id, idempotencyKey: key() });
      }),
    );
    refusalsOnly(results);
    // Money only moves between these wallets and floats, except the customers' fees (the
    // agents' share of them goes to their commission accounts, not their floats).
    const fees = await inTransaction((tx) =>
      tx.order.aggregate({
        where: { customerId: { in: customers.map((c) => c.userId) }, status: "COMPLETED" },
        _sum: { fee: true },
      }),
    );
    const after = await totalOf([
      ...agents.map((a) => a.userId),
      ...customers.map((c) => c.userId),
    ]);
    expect(after).toBe(before - (fees._sum.fee ?? 0n));
  });

  it("expiry racing the executing move (confirm, approval): exactly one wins, and the books agree", async () => {
    for (let round = 0; round < 10 * SCALE; round++) {
      const customer = await newCustomer(100_000n);
      const agent = await newAgent(1_000_000n);
      const order = await placeOrder(customer, round % 2 ? "CASH_IN" : "CASH_OUT", 10_000n);
      await agent.api.agent.claim({ token: order.token! });
      // Expiry is due only a moment after the executing call starts.
      await inTransaction(
        (tx) =>
          tx.$executeRaw`UPDATE orders SET expires_at = now() + interval '15 milliseconds' WHERE id = ${order.id}::uuid`,
      );
      const execute =
        order.type === "CASH_OUT"
          ? customer.api.customer.answerApproval({
              orderId: order.id,
              approve: true,
              pin: "1234",
              idempotencyKey: key(),
            })
          : agent.api.agent.confirm({ orderId: order.id, idempotencyKey: key() });
      const [confirm] = await Promise.allSettled([
        execute,
        new Promise((resolve) => setTimeout(resolve, 15)).then(() => expireIfDue(order.id)),
      ]);
      refusalsOnly([confirm]);
      await makeExpired(order.id);
      await expireIfDue(order.id);
      const stored = await inTransaction((tx) =>
        tx.order.findUniqueOrThrow({ where: { id: order.id } }),
      );
      expect(stored.status).toBe(confirm.status === "fulfilled" ? "COMPLETED" : "EXPIRED");
      const wallet = (await balances(customer.userId)).WALLET!;
      expect(wallet.onHold).toBe(0n);
    }
  });

  it("a double-tapped confirm with one key and a retried one with a new key post once", async () => {
    const customer = await newCustomer();
    const agent = await newAgent(1_000_000n);
    const order = await placeOrder(customer, "CASH_IN", 10_000n);
    await agent.api.agent.claim({ token: order.token! });
    const sameKey = key();
    const results = await Promise.allSettled([
      ...Array.from({ length: 10 }, () =>
        agent.api.agent.confirm({ orderId: order.id, idempotencyKey: sameKey }),
      ),
      ...Array.from({ length: 10 }, () =>
        agent.api.agent.confirm({ orderId: order.id, idempotencyKey: key() }),
      ),
    ]);
    for (const message of refusalsOnly(results)) expect(message).toMatch(/already completed/);
    expect((await balances(customer.userId)).WALLET!.balance).toBe(10_000n);
  });
});

async function totalOf(userIds: string[]): Promise<bigint> {
  const sums = await inTransaction((tx) =>
    tx.account.aggregate({
      where: { userId: { in: userIds }, kind: { in: ["WALLET", "FLOAT"] } },
      _sum: { balance: true },
    }),
  );
  return sums._sum.balance ?? 0n;
}
