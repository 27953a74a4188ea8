import pg from "pg";
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

  it("a wallet held by a slow transaction stalls its own order only, not the platform", async () => {
    // Before the platform's fee and commission accounts were split and locked last, every
    // entry locked them first: one order waiting on a busy wallet held them meanwhile, and
    // every other confirm and approval on the platform queued behind it.
    const [slow, other, payer] = await Promise.all([
      newCustomer(),
      newCustomer(),
      newCustomer(500_000n),
    ]);
    const [a1, a2, a3] = await Promise.all([
      newAgent(1_000_000n),
      newAgent(1_000_000n),
      newAgent(1_000_000n),
    ]);
    const stuck = await placeOrder(slow, "CASH_IN", 10_000n);
    // The other two post to the same platform sub-accounts as the stuck one: only the lock
    // order keeps them apart, not the luck of the split.
    const shardOf = async (orderId: string) =>
      (
        await inTransaction(
          (tx) => tx.$queryRaw<{ s: number }[]>`SELECT order_shard(${orderId}::uuid) AS s`,
        )
      )[0]!.s;
    const target = await shardOf(stuck.id);
    const onTargetShard = async (make: () => ReturnType<typeof placeOrder>, owner: typeof slow) => {
      for (;;) {
        const o = await make();
        if ((await shardOf(o.id)) === target) return o;
        await owner.api.customer.cancelOrder({ orderId: o.id, idempotencyKey: key() });
      }
    };
    const free = await onTargetShard(() => placeOrder(other, "CASH_IN", 10_000n), other);
    const cashOut = await onTargetShard(() => placeOrder(payer, "CASH_OUT", 20_000n), payer);
    await a1.api.agent.claim({ token: stuck.token! });
    await a2.api.agent.claim({ token: free.token! });
    await a3.api.agent.claim({ token: cashOut.token! });
    const holder = new pg.Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query(
        "SELECT 1 FROM accounts WHERE user_id = $1 AND kind = 'WALLET' FOR UPDATE",
        [slow.userId],
      );
      const waiting = a1.api.agent.confirm({ orderId: stuck.id, idempotencyKey: key() });
      // Until the stuck confirm is really waiting for the wallet's lock.
      for (let i = 0; i < 200; i++) {
        const { rows } = await holder.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
        );
        if (rows[0]!.n > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      // Generous: a stall would last until the holder lets go, which it does only after.
      const stalled = (ms: number) =>
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error("stalled behind the held wallet")), ms),
        );
      await Promise.race([
        Promise.all([
          a2.api.agent.confirm({ orderId: free.id, idempotencyKey: key() }),
          payer.api.customer.answerApproval({
            orderId: cashOut.id,
            approve: true,
            pin: "1234",
            idempotencyKey: key(),
          }),
        ]),
        stalled(20_000),
      ]);
      await holder.query("ROLLBACK");
      expect((await waiting).status).toBe("COMPLETED");
    } finally {
      await holder.end();
    }
    expect((await balances(slow.userId)).WALLET?.balance).toBe(10_000n);
    expect((await balances(other.userId)).WALLET?.balance).toBe(10_000n);
  });
});
