import { describe, expect, it } from "vitest";
import { inTransaction } from "../../src/server/db/transaction";
import { callerFor, key, newAgent, newCustomer, placeOrder } from "./helpers";

// "A copy of the database must not be enough to steal": nothing at rest may hold a live
// order token in clear, whatever path wrote it (orders, idempotency replays, audit rows).

/** Every table of the public schema, each row as text (jsonb and text columns included). */
async function tablesHolding(needle: string): Promise<string[]> {
  return inTransaction(async (tx) => {
    const tables = await tx.$queryRaw<{ name: string }[]>`
      SELECT quote_ident(table_name) AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
    const found: string[] = [];
    for (const { name } of tables) {
      const rows = await tx.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM ${name} t WHERE strpos(t::text, $1) > 0`,
        needle,
      );
      if (rows[0]!.n > 0n) found.push(name);
    }
    return found;
  });
}

describe("secrets at rest", () => {
  it("no table holds a live order token after orders are created, replayed, claimed and approved", async () => {
    const customer = await newCustomer(1_000_000n);
    const agent = await newAgent(1_000_000n);
    const createKey = key();
    const input = {
      type: "CASH_OUT" as const,
      amount: 10_000n,
      currency: "KES",
      idempotencyKey: createKey,
    };
    const cashOut = await customer.api.customer.createOrder(input);
    // The replay hands the owner the same live token, rebuilt rather than read back.
    const replay = await customer.api.customer.createOrder(input);
    expect(replay.token).toBe(cashOut.token);
    const cashIn = await placeOrder(customer, "CASH_IN", 20_000n);
    const other = await placeOrder(customer, "CASH_IN", 30_000n);
    await agent.api.agent.claim({ token: cashIn.token! });
    await agent.api.agent.claim({ token: cashOut.token! });
    await customer.api.customer.answerApproval({
      orderId: cashOut.id,
      approve: true,
      pin: "1234",
      idempotencyKey: key(),
    });
    await callerFor(customer.actor).customer.order({ orderId: other.id });

    for (const order of [cashOut, cashIn, other]) {
      expect(order.token).toMatch(/^PP1/);
      expect(await tablesHolding(order.token!)).toEqual([]);
    }
  });
});
