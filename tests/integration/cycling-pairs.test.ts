import { describe, expect, it } from "vitest";
import { inTransaction } from "../../src/server/db/transaction";
import { key, newAdmin, newAgent, newCustomer, placeOrder, serveOrder } from "./helpers";

type Agent = Awaited<ReturnType<typeof newAgent>>;
type Customer = Awaited<ReturnType<typeof newCustomer>>;

/** A completed order through the real use cases. */
async function complete(
  customer: Customer,
  agent: Agent,
  type: "CASH_IN" | "CASH_OUT",
  amount: bigint,
) {
  const order = await placeOrder(customer, type, amount);
  const claimed = await serveOrder(agent, customer, order);
  return { id: order.id, commission: claimed.commission! };
}

describe("cycling customer–agent pairs on the operator overview", () => {
  it("flags a pair with two completed cash-ins and two cash-outs this week, and no other", async () => {
    const admin = await newAdmin();
    // KES 20,000 each way: the best-paid pairs come first, so this one is on the list
    // whatever else the suite leaves in the database.
    const amount = 2_000_000n;
    const cycler = await newCustomer(5_000_000n);
    const shop = await newAgent(20_000_000n, "Cycle Shop", "HIGH_VOLUME");
    const paid: bigint[] = [];
    for (const type of ["CASH_IN", "CASH_OUT", "CASH_IN", "CASH_OUT"] as const) {
      paid.push((await complete(cycler, shop, type, amount)).commission);
    }

    // Not cycling: cash-ins only with one agent and a single cash-out at another shop.
    const otherShop = await newAgent(20_000_000n, "Other Shop", "HIGH_VOLUME");
    await complete(cycler, otherShop, "CASH_IN", 500_000n);
    await complete(cycler, otherShop, "CASH_IN", 500_000n);
    await complete(cycler, otherShop, "CASH_OUT", 500_000n);
    // A second cash-out that never completed does not count.
    const open = await placeOrder(cycler, "CASH_OUT", 500_000n);
    await otherShop.api.agent.claim({ token: open.token! });
    await cycler.api.customer.cancelOrder({ orderId: open.id, idempotencyKey: key() });

    // Not cycling this week: one of the four was more than 7 days ago.
    const earlier = await newCustomer(5_000_000n);
    const old = await complete(earlier, shop, "CASH_IN", amount);
    await complete(earlier, shop, "CASH_OUT", amount);
    await complete(earlier, shop, "CASH_IN", amount);
    await complete(earlier, shop, "CASH_OUT", amount);
    await inTransaction(
      (tx) => tx.$executeRaw`UPDATE orders SET created_at = now() - interval '8 days',
                                     completed_at = now() - interval '8 days'
                             WHERE id = ${old.id}::uuid`,
    );

    const { pairs, windowDays, minCashIns, minCashOuts } = await admin.api.admin.cyclingPairs();
    expect({ windowDays, minCashIns, minCashOuts }).toEqual({
      windowDays: 7,
      minCashIns: 2,
      minCashOuts: 2,
    });
    const mine = pairs.filter(
      (p) => p.customer.id === cycler.userId || p.customer.id === earlier.userId,
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      customer: { id: cycler.userId, phone: cycler.phone },
      agent: { id: shop.agentId, shopName: "Cycle Shop" },
      currency: "KES",
      cashIns: 2,
      cashOuts: 2,
      cashInVolume: 2n * amount,
      cashOutVolume: 2n * amount,
      commission: paid.reduce((a, b) => a + b, 0n),
    });
    // 0.25% of KES 20,000 on each cash-in, 65% of the KES 300 fee on each cash-out.
    expect(mine[0]!.commission).toBe(2n * 5_000n + 2n * 19_500n);
    expect(mine[0]!.lastSeen).toBeInstanceOf(Date);
  });
});
