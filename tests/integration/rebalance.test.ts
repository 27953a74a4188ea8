import { describe, expect, it } from "vitest";
import { inTransaction } from "../../src/server/db/transaction";
import { findInvariantViolations } from "../../src/server/repositories/invariants";
import { balances, key, newAdmin, newAgent, newCustomer, placeOrder, serveOrder } from "./helpers";

// Rebalancing requests: the agent asks from the tablet, operators decide (four eyes beyond
// one operator's allowance, 100,000.00 KES by default). Every burst asserts the exact outcome.

const BIG = 15_000_000n; // beyond the default operatorFourEyesAbove (10,000,000)

function outcomes(results: PromiseSettledResult<unknown>[]) {
  return {
    ok: results.filter((r) => r.status === "fulfilled").length,
    errors: results
      .filter((r): r is PromiseRejectedResult => r.status === "rejected")
      .map((r) => (r.reason as Error).message),
  };
}

function ref(): string {
  return `DEP-${key().slice(0, 12)}`;
}

function request(id: string) {
  return inTransaction((tx) =>
    tx.rebalanceRequest.findUniqueOrThrow({ where: { id }, include: { hold: true } }),
  );
}

async function entriesWithRef(externalRef: string) {
  return inTransaction((tx) => tx.journalEntry.findMany({ where: { externalRef } }));
}

async function noViolations() {
  expect(await inTransaction((tx) => findInvariantViolations(tx))).toEqual([]);
}

describe("buying float against a bank deposit", () => {
  it("approval funds the float once; the deposit's reference cannot buy twice", async () => {
    const agent = await newAgent(100_000n);
    const operator = await newAdmin();
    const deposit = ref();
    const asked = await agent.api.agent.requestRebalance({
      kind: "BUY_FLOAT",
      amount: 500_000n,
      bankReference: deposit,
      idempotencyKey: key(),
    });
    expect(asked.status).toBe("REQUESTED");
    // Nothing moves, nothing is held, until an operator approves.
    expect((await balances(agent.userId)).FLOAT).toEqual({ balance: 100_000n, onHold: 0n });
    await expect(
      agent.api.agent.requestRebalance({
        kind: "BUY_FLOAT",
        amount: 500_000n,
        bankReference: deposit,
        idempotencyKey: key(),
      }),
    ).rejects.toThrow(/already in another rebalance request/);

    const decided = await operator.api.admin.decideRebalance({
      rebalanceId: asked.rebalanceId,
      approve: true,
      reason: "deposit seen on the statement",
      idempotencyKey: key(),
    });
    expect(decided.status).toBe("APPROVED");
    expect((await balances(agent.userId)).FLOAT).toEqual({ balance: 600_000n, onHold: 0n });
    const entries = await entriesWithRef(deposit);
    expect(entries.map((e) => e.kind)).toEqual(["FUND_FLOAT"]);
    expect((await request(asked.rebalanceId)).journalEntryId).toBe(entries[0]!.id);

    // Another shop stating the same deposit is refused, and so is an operator funding it again.
    const other = await newAgent();
    await expect(
      other.api.agent.requestRebalance({
        kind: "BUY_FLOAT",
        amount: 500_000n,
        bankReference: deposit,
        idempotencyKey: key(),
      }),
    ).rejects.toThrow(/already in another rebalance request/);
    await expect(
      operator.api.admin.fundFloat({
        agentId: agent.agentId,
        amount: 500_000n,
        externalRef: deposit,
        idempotencyKey: key(),
      }),
    ).rejects.toThrow(/already recorded/);
    await noViolations();
  });

  it("a rejected purchase moves nothing, and its reference may be stated again", async () => {
    const agent = await newAgent();
    const operator = await newAdmin();
    const deposit = ref();
    const asked = await agent.api.agent.requestRebalance({
      kind: "BUY_FLOAT",
      amount: 200_000n,
      bankReference: deposit,
      idempotencyKey: key(),
    });
    await operator.api.admin.decideRebalance({
      rebalanceId: asked.rebalanceId,
      approve: false,
      reason: "no such deposit yet",
      idempotencyKey: key(),
    });
    expect((await balances(agent.userId)).FLOAT).toEqual({ balance: 0n, onHold: 0n });
    expect(await entriesWithRef(deposit)).toEqual([]);
    const again = await agent.api.agent.requestRebalance({
      kind: "BUY_FLOAT",
      amount: 200_000n,
      bankReference: deposit,
      idempotencyKey: key(),
    });
    expect(again.status).toBe("REQUESTED");
    const mine = await agent.api.agent.rebalances();
    expect(mine.map((r) => r.status)).toEqual(["REQUESTED", "REJECTED"]);
    expect(mine[1]!.decisionReason).toBe("no such deposit yet");
    await noViolations();
  });

  it("a purchase names its deposit and a sale names none (400 at the edge)", async () => {
    const agent = await newAgent(100_000n);
    await expect(
      agent.api.agent.requestRebalance({
        kind: "BUY_FLOAT",
        amount: 1_000n,
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      agent.api.agent.requestRebalance({
        kind: "SELL_FLOAT",
        amount: 1_000n,
        bankReference: ref(),
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("20 shops stating one deposit at once: exactly one request", async () => {
    const agents = await Promise.all(Array.from({ length: 20 }, () => newAgent()));
    const deposit = ref();
    const results = await Promise.allSettled(
      agents.map((a) =>
        a.api.agent.requestRebalance({
          kind: "BUY_FLOAT",
          amount: 100_000n,
          bankReference: deposit,
          idempotencyKey: key(),
        }),
      ),
    );
    const { ok, errors } = outcomes(results);
    expect(ok).toBe(1);
    for (const message of errors) expect(message).toMatch(/already in another rebalance request/);
    const rows = await inTransaction((tx) =>
      tx.rebalanceRequest.findMany({ where: { bankReference: deposit } }),
    );
    expect(rows).toHaveLength(1);
  });
});

describe("selling float for cash", () => {
  it("the sale is held at once, so the counter cannot spend it; approval defloats it", async () => {
    const agent = await newAgent(1_000_000n);
    const operator = await newAdmin();
    const asked = await agent.api.agent.requestRebalance({
      kind: "SELL_FLOAT",
      amount: 800_000n,
      idempotencyKey: key(),
    });
    expect((await balances(agent.userId)).FLOAT).toEqual({ balance: 1_000_000n, onHold: 800_000n });
    // A cash-in of 300,000 needs float the shop has promised to the operator.
    const customer = await newCustomer();
    const order = await placeOrder(customer, "CASH_IN", 300_000n);
    await expect(serveOrder(agent, customer, order)).rejects.toThrow();
    expect((await balances(customer.userId)).WALLET!.balance).toBe(0n);

    await operator.api.admin.decideRebalance({
      rebalanceId: asked.rebalanceId,
      approve: true,
      reason: "cash delivered by the courier",
      idempotencyKey: key(),
    });
    expect((await balances(agent.userId)).FLOAT).toEqual({ balance: 200_000n, onHold: 0n });
    const stored = await request(asked.rebalanceId);
    expect(stored.hold!.status).toBe("CAPTURED");
    expect((await entriesWithRef(`rebalance-${asked.rebalanceId}`)).map((e) => e.kind)).toEqual([
      "DEFLOAT",
    ]);
    await noViolations();
  });

  it("rejection and cancellation give the held float back", async () => {
    const agent = await newAgent(1_000_000n);
    const operator = await newAdmin();
    const a = await agent.api.agent.requestRebalance({
      kind: "SELL_FLOAT",
      amount: 400_000n,
      idempotencyKey: key(),
    });
    const b = await agent.api.agent.requestRebalance({
      kind: "SELL_FLOAT",
      amount: 500_000n,
      idempotencyKey: key(),
    });
    // 100,000 left available: a third sale of 200,000 is refused and holds nothing.
    await expect(
      agent.api.agent.requestRebalance({
        kind: "SELL_FLOAT",
        amount: 200_000n,
        idempotencyKey: key(),
      }),
    ).rejects.toThrow(/only KES/);
    expect((await balances(agent.userId)).FLOAT!.onHold).toBe(900_000n);
    await operator.api.admin.decideRebalance({
      rebalanceId: a.rebalanceId,
      approve: false,
      reason: "no courier today",
      idempotencyKey: key(),
    });
    await agent.api.agent.cancelRebalance({ rebalanceId: b.rebalanceId, idempotencyKey: key() });
    expect((await balances(agent.userId)).FLOAT).toEqual({ balance: 1_000_000n, onHold: 0n });
    // Closed requests stay closed.
    await expect(
      agent.api.agent.cancelRebalance({ rebalanceId: a.rebalanceId, idempotencyKey: key() }),
    ).rejects.toThrow(/already decided or cancelled/);
    await expect(
      operator.api.admin.decideRebalance({
        rebalanceId: b.rebalanceId,
        approve: true,
        reason: "too late",
        idempotencyKey: key(),
      }),
    ).rejects.toThrow(/already decided or cancelled/);
    // Another shop's request is not found.
    const other = await newAgent(1_000_000n);
    const theirs = await other.api.agent.requestRebalance({
      kind: "SELL_FLOAT",
      amount: 1_000n,
      idempotencyKey: key(),
    });
    await expect(
      agent.api.agent.cancelRebalance({ rebalanceId: theirs.rebalanceId, idempotencyKey: key() }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await request(theirs.rebalanceId)).status).toBe("REQUESTED");
    await noViolations();
  });

  it("50 concurrent sales of one float: exactly those that fit are held, never more", async () => {
    const agent = await newAgent(1_000_000n);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        agent.api.agent.requestRebalance({
          kind: "SELL_FLOAT",
          amount: 30_000n,
          idempotencyKey: key(),
        }),
      ),
    );
    const { ok, errors } = outcomes(results);
    expect(ok).toBe(33);
    for (const message of errors) expect(message).toMatch(/only KES/);
    expect((await balances(agent.userId)).FLOAT).toEqual({ balance: 1_000_000n, onHold: 990_000n });
    const held = await inTransaction((tx) =>
      tx.rebalanceRequest.count({ where: { agentId: agent.agentId } }),
    );
    expect(held).toBe(33);
    await noViolations();
  });

  it("a retried request with the same key is the same request", async () => {
    const agent = await newAgent(1_000_000n);
    const k = key();
    const input = { kind: "SELL_FLOAT" as const, amount: 100_000n, idempotencyKey: k };
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => agent.api.agent.requestRebalance(input)),
    );
    const ids = new Set(
      results.filter((r) => r.status === "fulfilled").map((r) => r.value.rebalanceId),
    );
    expect(ids.size).toBe(1);
    expect((await balances(agent.userId)).FLOAT!.onHold).toBe(100_000n);
    await noViolations();
  });
});

describe("operators decide: four eyes beyond one operator's allowance", () => {
  it("a large sale waits for a second, different operator", async () => {
    const agent = await newAgent(20_000_000n);
    const first = await newAdmin();
    const second = await newAdmin();
    const asked = await agent.api.agent.requestRebalance({
      kind: "SELL_FLOAT",
      amount: BIG,
      idempotencyKey: key(),
    });
    const decide = (who: typeof first, approve: boolean) =>
      who.api.admin.decideRebalance({
        rebalanceId: asked.rebalanceId,
        approve,
        reason: "checked",
        idempotencyKey: key(),
      });
    expect((await decide(first, true)).status).toBe("AWAITING_SECOND");
    expect((await balances(agent.userId)).FLOAT).toEqual({ balance: 20_000_000n, onHold: BIG });
    // The first approver can neither approve again nor withdraw it alone.
    await expect(decide(first, true)).rejects.toThrow(/second operator/);
    await expect(decide(first, false)).rejects.toThrow(/second operator/);
    const waiting = await second.api.admin.rebalances({ waiting: true });
    const row = waiting.find((r) => r.id === asked.rebalanceId)!;
    expect(row.status).toBe("AWAITING_SECOND");
    expect(row.firstApprovedBy).toBe(first.userId);

    expect((await decide(second, true)).status).toBe("APPROVED");
    expect((await balances(agent.userId)).FLOAT).toEqual({
      balance: 20_000_000n - BIG,
      onHold: 0n,
    });
    const stored = await request(asked.rebalanceId);
    expect(stored.firstApprovedBy).toBe(first.userId);
    expect(stored.decidedBy).toBe(second.userId);
    // Approved by two: it does not count against the second operator's allowance alone.
    const small = await agent.api.agent.requestRebalance({
      kind: "SELL_FLOAT",
      amount: 5_000_000n,
      idempotencyKey: key(),
    });
    expect(
      (
        await second.api.admin.decideRebalance({
          rebalanceId: small.rebalanceId,
          approve: true,
          reason: "within my allowance",
          idempotencyKey: key(),
        })
      ).status,
    ).toBe("APPROVED");
    await noViolations();
  });

  it("an operator's approvals alone add up against the allowance", async () => {
    const agent = await newAgent(20_000_000n);
    const operator = await newAdmin();
    const ask = () =>
      agent.api.agent.requestRebalance({
        kind: "SELL_FLOAT",
        amount: 6_000_000n,
        idempotencyKey: key(),
      });
    const approve = (rebalanceId: string) =>
      operator.api.admin.decideRebalance({
        rebalanceId,
        approve: true,
        reason: "ok",
        idempotencyKey: key(),
      });
    const a = await ask();
    const b = await ask();
    expect((await approve(a.rebalanceId)).status).toBe("APPROVED");
    // 6,000,000 already moved alone today: another 6,000,000 passes 10,000,000.
    expect((await approve(b.rebalanceId)).status).toBe("AWAITING_SECOND");
    await noViolations();
  });

  it("50 concurrent decisions on one request by 5 operators: one outcome", async () => {
    const agent = await newAgent(1_000_000n);
    const operators = await Promise.all(Array.from({ length: 5 }, () => newAdmin()));
    const asked = await agent.api.agent.requestRebalance({
      kind: "SELL_FLOAT",
      amount: 700_000n,
      idempotencyKey: key(),
    });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        operators[i % 5]!.api.admin.decideRebalance({
          rebalanceId: asked.rebalanceId,
          approve: i % 2 === 0,
          reason: `decision ${i}`,
          idempotencyKey: key(),
        }),
      ),
    );
    const { ok, errors } = outcomes(results);
    expect(ok).toBe(1);
    for (const message of errors) expect(message).toMatch(/already decided or cancelled/);
    const stored = await request(asked.rebalanceId);
    const float = (await balances(agent.userId)).FLOAT!;
    if (stored.status === "APPROVED") {
      expect(float).toEqual({ balance: 300_000n, onHold: 0n });
      expect(stored.hold!.status).toBe("CAPTURED");
    } else {
      expect(stored.status).toBe("REJECTED");
      expect(float).toEqual({ balance: 1_000_000n, onHold: 0n });
      expect(stored.hold!.status).toBe("RELEASED");
    }
    expect(await entriesWithRef(`rebalance-${asked.rebalanceId}`)).toHaveLength(
      stored.status === "APPROVED" ? 1 : 0,
    );
    await noViolations();
  });

  it("50 operators approving one large purchase at once: one first approval, one execution", async () => {
    const agent = await newAgent();
    const operators = await Promise.all(Array.from({ length: 50 }, () => newAdmin()));
    const deposit = ref();
    const asked = await agent.api.agent.requestRebalance({
      kind: "BUY_FLOAT",
      amount: BIG,
      bankReference: deposit,
      idempotencyKey: key(),
    });
    const results = await Promise.allSettled(
      operators.map((o) =>
        o.api.admin.decideRebalance({
          rebalanceId: asked.rebalanceId,
          approve: true,
          reason: "deposit seen",
          idempotencyKey: key(),
        }),
      ),
    );
    const statuses = results
      .filter((r) => r.status === "fulfilled")
      .map((r) => r.value.status)
      .sort();
    expect(statuses).toEqual(["APPROVED", "AWAITING_SECOND"]);
    for (const message of outcomes(results).errors) {
      expect(message).toMatch(/already decided or cancelled/);
    }
    expect((await balances(agent.userId)).FLOAT!.balance).toBe(BIG);
    expect(await entriesWithRef(deposit)).toHaveLength(1);
    await noViolations();
  });

  it("the agent cancelling while 20 operators decide: exactly one of them wins", async () => {
    const agent = await newAgent(1_000_000n);
    const operators = await Promise.all(Array.from({ length: 20 }, () => newAdmin()));
    const asked = await agent.api.agent.requestRebalance({
      kind: "SELL_FLOAT",
      amount: 500_000n,
      idempotencyKey: key(),
    });
    const results = await Promise.allSettled([
      ...operators.map((o) =>
        o.api.admin.decideRebalance({
          rebalanceId: asked.rebalanceId,
          approve: true,
          reason: "go",
          idempotencyKey: key(),
        }),
      ),
      agent.api.agent.cancelRebalance({ rebalanceId: asked.rebalanceId, idempotencyKey: key() }),
    ]);
    expect(outcomes(results).ok).toBe(1);
    const stored = await request(asked.rebalanceId);
    expect(["APPROVED", "CANCELLED"]).toContain(stored.status);
    expect((await balances(agent.userId)).FLOAT).toEqual(
      stored.status === "APPROVED"
        ? { balance: 500_000n, onHold: 0n }
        : { balance: 1_000_000n, onHold: 0n },
    );
    await noViolations();
  });

  it("the operator's queue shows the shop's last seven days", async () => {
    const agent = await newAgent(1_000_000n);
    const operator = await newAdmin();
    const customer = await newCustomer(500_000n);
    await serveOrder(agent, customer, await placeOrder(customer, "CASH_IN", 100_000n));
    await serveOrder(agent, customer, await placeOrder(customer, "CASH_OUT", 50_000n));
    const earlier = await agent.api.agent.requestRebalance({
      kind: "BUY_FLOAT",
      amount: 300_000n,
      bankReference: ref(),
      idempotencyKey: key(),
    });
    await operator.api.admin.decideRebalance({
      rebalanceId: earlier.rebalanceId,
      approve: true,
      reason: "seen",
      idempotencyKey: key(),
    });
    const flows = await operator.api.admin.rebalanceFlows({ agentId: agent.agentId });
    expect(flows).toMatchObject({
      cashInCount: 1,
      cashInTotal: 100_000n,
      cashOutCount: 1,
      cashOutTotal: 50_000n,
      fundedTotal: 300_000n,
      defloatedTotal: 0n,
    });
    expect(flows.rebalances.map((r) => r.status)).toEqual(["APPROVED"]);
    const decided = await operator.api.admin.rebalances({ waiting: false, limit: 100 });
    const row = decided.find((r) => r.id === earlier.rebalanceId)!;
    expect(row.decidedBy).toBe(operator.userId);
    expect(row.shopName).toBe("Test Shop");
  });
});
