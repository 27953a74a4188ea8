import { describe, expect, it } from "vitest";
import { inTransaction } from "../../src/server/db/transaction";
import { findInvariantViolations } from "../../src/server/repositories/invariants";
import { asOwner, key, newAdmin, newAgent, newCustomer, placeOrder, serveOrder } from "./helpers";

// The shop's cash drawer on real PostgreSQL: cash derived from the opening count, completed
// orders and moves; one open day per shop under a burst; moves racing a close; thresholds.

function settled(results: PromiseSettledResult<unknown>[]) {
  return {
    ok: results.filter((r) => r.status === "fulfilled").length,
    errors: results
      .filter((r): r is PromiseRejectedResult => r.status === "rejected")
      .map((r) => (r.reason as Error).message),
  };
}

async function auditActions(agentId: string): Promise<string[]> {
  const rows = await inTransaction((tx) =>
    tx.auditLog.findMany({
      where: { entityType: "agent", entityId: agentId, action: { startsWith: "drawer." } },
      orderBy: { id: "asc" },
      select: { action: true },
    }),
  );
  return rows.map((r) => r.action);
}

describe("cash drawer", () => {
  it("opens with a count, moves with completed orders and moves, closes with the variance", async () => {
    const agent = await newAgent(10_000_000n);
    const customer = await newCustomer(5_000_000n);
    // By notes and coins: 3 x 1000 + 2 x 50 + 7 x 1 shillings = KES 3,107.00.
    const opened = await agent.api.drawer.open({
      pieces: [
        { value: 100_000n, count: 3 },
        { value: 5_000n, count: 2 },
        { value: 100n, count: 7 },
      ],
      idempotencyKey: key(),
    });
    expect(opened.openingCount).toBe(310_700n);

    await serveOrder(agent, customer, await placeOrder(customer, "CASH_IN", 200_000n));
    await serveOrder(agent, customer, await placeOrder(customer, "CASH_OUT", 50_000n));
    // A cash-in scanned but never confirmed moves no cash.
    const open = await placeOrder(customer, "CASH_IN", 70_000n);
    await agent.api.agent.claim({ token: open.token! });
    await agent.api.drawer.move({
      kind: "BANK_DEPOSIT",
      amount: 100_000n,
      note: "Equity bank",
      idempotencyKey: key(),
    });
    await agent.api.drawer.move({ kind: "OWNER_ADDED", amount: 1_000n, idempotencyKey: key() });

    const state = await agent.api.drawer.state();
    // 310,700 + 200,000 - 50,000 - 100,000 + 1,000
    expect(state.day?.cashOnHand).toBe(361_700n);
    expect(state.day?.cashIn).toBe(200_000n);
    expect(state.day?.cashOut).toBe(50_000n);

    const closed = await agent.api.drawer.close({ total: 361_500n, idempotencyKey: key() });
    expect(closed).toMatchObject({ expected: 361_700n, counted: 361_500n, variance: -200n });
    expect((await agent.api.drawer.state()).day).toBeNull();

    const book = await agent.api.drawer.logbook();
    expect(book.days[0]).toMatchObject({ counted: 361_500n, expected: 361_700n, variance: -200n });
    // Newest first: close, owner added, deposit, cash-out, cash-in, open.
    const cash = book.lines.filter((l) => l.what !== "FLOAT").map((l) => [l.what, l.cashAfter]);
    expect(cash).toEqual([
      ["CLOSE", 361_500n],
      ["MOVE", 361_700n],
      ["MOVE", 360_700n],
      ["ORDER", 460_700n],
      ["ORDER", 510_700n],
      ["OPEN", 310_700n],
    ]);
    const orders = book.lines.filter((l) => l.what === "ORDER");
    // The float after each order is the ledger's: 10,000,000 - 200,000, then + 50,000.
    expect(orders.map((l) => l.floatAfter)).toEqual([9_850_000n, 9_800_000n]);
    expect(await auditActions(agent.agentId)).toEqual([
      "drawer.open",
      "drawer.move",
      "drawer.move",
      "drawer.close",
    ]);
    expect(await inTransaction((tx) => findInvariantViolations(tx))).toEqual([]);
  });

  it("a reversed order still counts: no cash came back across the counter", async () => {
    const agent = await newAgent(10_000_000n);
    const customer = await newCustomer(1_000_000n);
    await agent.api.drawer.open({ total: 500_000n, idempotencyKey: key() });
    const order = await placeOrder(customer, "CASH_OUT", 100_000n);
    await serveOrder(agent, customer, order);
    const maker = await newAdmin();
    const checker = await newAdmin();
    const { reversalId } = await maker.api.admin.requestReversal({
      orderId: order.id,
      reason: "drawer test",
      idempotencyKey: key(),
    });
    await checker.api.admin.decideReversal({ reversalId, approve: true, idempotencyKey: key() });
    const state = await agent.api.drawer.state();
    expect(state.day?.cashOnHand).toBe(400_000n);
    // The reversal is a float line of the logbook, with no cash figure of its own.
    const book = await agent.api.drawer.logbook();
    expect(book.lines[0]).toMatchObject({
      what: "FLOAT",
      entryKind: "REVERSAL",
      cashAfter: 400_000n,
    });
  });

  it("refuses a second open, a move or close without an open day, and cash the drawer lacks", async () => {
    const agent = await newAgent();
    await expect(agent.api.drawer.close({ total: 0n, idempotencyKey: key() })).rejects.toThrow(
      /not open/,
    );
    await expect(
      agent.api.drawer.move({ kind: "CASH_DELIVERED", amount: 1n, idempotencyKey: key() }),
    ).rejects.toThrow(/not open/);
    await agent.api.drawer.open({ total: 50_000n, idempotencyKey: key() });
    await expect(agent.api.drawer.open({ total: 1n, idempotencyKey: key() })).rejects.toThrow(
      /already open/,
    );
    await expect(
      agent.api.drawer.move({ kind: "OWNER_TOOK", amount: 50_001n, idempotencyKey: key() }),
    ).rejects.toThrow(/cannot leave/);
    await expect(
      agent.api.drawer.open({ pieces: [{ value: 30_000n, count: 1 }], idempotencyKey: key() }),
    ).rejects.toThrow();
    // A replay of the same key returns the first answer and records nothing twice.
    const k = key();
    const first = await agent.api.drawer.move({
      kind: "OWNER_TOOK",
      amount: 10n,
      idempotencyKey: k,
    });
    const again = await agent.api.drawer.move({
      kind: "OWNER_TOOK",
      amount: 10n,
      idempotencyKey: k,
    });
    expect(again).toEqual(first);
    expect((await agent.api.drawer.state()).day?.cashOnHand).toBe(49_990n);
  });

  it("20 concurrent opens: exactly one day", async () => {
    const agent = await newAgent();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        agent.api.drawer.open({ total: BigInt(i), idempotencyKey: key() }),
      ),
    );
    const { ok, errors } = settled(results);
    expect(ok).toBe(1);
    expect(errors).toHaveLength(19);
    for (const message of errors) expect(message).toMatch(/already open/);
    const days = await inTransaction((tx) =>
      tx.cashDrawerDay.count({ where: { agentId: agent.agentId } }),
    );
    expect(days).toBe(1);
    expect(await auditActions(agent.agentId)).toEqual(["drawer.open"]);
  });

  it("30 concurrent withdrawals from KES 10.00 of cash: exactly the 10 that fit", async () => {
    const agent = await newAgent();
    await agent.api.drawer.open({ total: 1_000n, idempotencyKey: key() });
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, () =>
        agent.api.drawer.move({ kind: "BANK_DEPOSIT", amount: 100n, idempotencyKey: key() }),
      ),
    );
    const { ok, errors } = settled(results);
    expect(ok).toBe(10);
    for (const message of errors) expect(message).toMatch(/cannot leave/);
    expect((await agent.api.drawer.state()).day?.cashOnHand).toBe(0n);
  });

  it("30 moves racing a close: each is in the closed day's expected cash or refused", async () => {
    const agent = await newAgent();
    await agent.api.drawer.open({ total: 1_000_000n, idempotencyKey: key() });
    const moves = Array.from({ length: 30 }, () =>
      agent.api.drawer.move({ kind: "CASH_DELIVERED", amount: 100n, idempotencyKey: key() }),
    );
    const close = agent.api.drawer.close({ total: 1_000_000n, idempotencyKey: key() });
    const results = await Promise.allSettled([...moves, close]);
    const closeResult = results[30]!;
    expect(closeResult.status).toBe("fulfilled");
    const closed = (closeResult as PromiseFulfilledResult<{ expected: bigint; dayId: string }>)
      .value;
    const moveResults = settled(results.slice(0, 30));
    for (const message of moveResults.errors) expect(message).toMatch(/not open/);
    const recorded = await inTransaction((tx) =>
      tx.cashDrawerMove.count({ where: { dayId: closed.dayId } }),
    );
    // Every accepted move is in the day, and the close counted exactly those.
    expect(recorded).toBe(moveResults.ok);
    expect(closed.expected).toBe(1_000_000n + 100n * BigInt(moveResults.ok));
  });

  it("orders completing while the day closes: each is in the close's expected exactly when the day holds it", async () => {
    const agent = await newAgent(10_000_000n);
    const customer = await newCustomer();
    await agent.api.drawer.open({ total: 0n, idempotencyKey: key() });
    const orders = [];
    for (let i = 1; i <= 12; i++) {
      const order = await placeOrder(customer, "CASH_IN", 10_000n * BigInt(i));
      await agent.api.agent.claim({ token: order.token! });
      orders.push(order);
    }
    const results = await Promise.allSettled([
      ...orders.map((o) => agent.api.agent.confirm({ orderId: o.id, idempotencyKey: key() })),
      agent.api.drawer.close({ total: 0n, idempotencyKey: key() }),
    ]);
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    const closed = (results.at(-1) as PromiseFulfilledResult<{ dayId: string; expected: bigint }>)
      .value;
    // After everything committed: the completions the day holds by its float postings. Had the
    // close counted before one of them committed, its expected would be short of this.
    const held = await inTransaction(
      (tx) => tx.$queryRaw<{ total: bigint; count: bigint }[]>`
        SELECT coalesce(sum(o.amount), 0)::bigint AS total, count(*) AS count
        FROM cash_drawer_days d
        JOIN agents ag ON ag.id = d.agent_id
        JOIN accounts f ON f.user_id = ag.user_id AND f.kind = 'FLOAT'
        JOIN postings p ON p.account_id = f.id AND p.id > d.float_posting_from
          AND p.id <= d.float_posting_to
        JOIN journal_entries e ON e.id = p.entry_id
        JOIN orders o ON o.id = e.order_id AND e.kind = o.type::text
        WHERE d.id = ${closed.dayId}::uuid`,
    );
    expect(closed.expected).toBe(held[0]!.total);
    // Completions after the close fall between days (the drawer was not kept): a day opened
    // after them counts none of them.
    const next = await agent.api.drawer.open({ total: 0n, idempotencyKey: key() });
    const state = await agent.api.drawer.state();
    expect(state.day?.id).toBe(next.dayId);
    expect(state.day?.cashOnHand).toBe(0n);
  });

  it("thresholds: the default, the owner's, the operator's, all audited", async () => {
    const agent = await newAgent(500_000n);
    const before = await agent.api.drawer.state();
    // The settings' defaults: KES 10,000 float, KES 5,000 cash.
    expect(before.thresholds).toMatchObject({ lowFloat: 1_000_000n, lowCash: 500_000n });
    expect(before.lowFloat).toBe(true);
    await agent.api.drawer.setThresholds({ lowFloat: 100_000n, lowCash: null });
    expect((await agent.api.drawer.state()).lowFloat).toBe(false);

    const admin = await newAdmin();
    await admin.api.drawer.setAgentThresholds({
      agentId: agent.agentId,
      lowFloat: 600_000n,
      lowCash: 1_000n,
    });
    await agent.api.drawer.open({ total: 999n, idempotencyKey: key() });
    const panel = await admin.api.drawer.agentDays({ agentId: agent.agentId });
    expect(panel).toMatchObject({ lowFloat: true, lowCash: true });
    expect(panel.day?.cashOnHand).toBe(999n);
    const list = await admin.api.admin.agents({ limit: 50 });
    const row = list.find((a) => a.id === agent.agentId)!;
    expect(row).toMatchObject({ lowFloat: true, lowCash: true, cashOnHand: 999n });
    expect(await auditActions(agent.agentId)).toEqual([
      "drawer.thresholds",
      "drawer.thresholds",
      "drawer.open",
    ]);
  });

  it("the database keeps moves append-only and a day closed once", async () => {
    const agent = await newAgent();
    await agent.api.drawer.open({ total: 10n, idempotencyKey: key() });
    await agent.api.drawer.move({ kind: "CASH_DELIVERED", amount: 5n, idempotencyKey: key() });
    const closed = await agent.api.drawer.close({ total: 15n, idempotencyKey: key() });
    await asOwner(async (owner) => {
      await expect(
        owner.query("UPDATE cash_drawer_moves SET amount = 6 WHERE day_id = $1", [closed.dayId]),
      ).rejects.toThrow(/append-only/);
      await expect(
        owner.query("UPDATE cash_drawer_days SET counted = 16, variance = 1 WHERE id = $1", [
          closed.dayId,
        ]),
      ).rejects.toThrow(/closes, once/);
      await expect(
        owner.query("DELETE FROM cash_drawer_days WHERE id = $1", [closed.dayId]),
      ).rejects.toThrow(/closes, once/);
      // A move signed against its kind is refused by the table itself.
      await expect(
        owner.query(
          `INSERT INTO cash_drawer_moves (id, day_id, kind, amount, by_user)
           VALUES (gen_random_uuid(), $1, 'BANK_DEPOSIT', 5, $2)`,
          [closed.dayId, agent.userId],
        ),
      ).rejects.toThrow(/cash_drawer_moves_signed/);
    });
  });
});
