import { describe, expect, it } from "vitest";
import { authorizeCredentials } from "../../src/server/auth/options";
import { depositFromSettlement } from "../../src/server/db/seed";
import { inTransaction } from "../../src/server/db/transaction";
import { ensureUserAccount } from "../../src/server/repositories/accounts";
import { activateOperator } from "../../src/server/use-cases/activate-operator";
import {
  asOwner,
  balances,
  key,
  newAdmin,
  newAgent,
  newCustomer,
  placeOrder,
  uniquePhone,
} from "./helpers";

async function auditOf(entityId: string) {
  return inTransaction((tx) =>
    tx.auditLog.findMany({ where: { entityId }, orderBy: { id: "asc" } }),
  );
}

describe("operator: agents", () => {
  it("onboards an agent who can then sign in and serve customers", async () => {
    const admin = await newAdmin();
    const phone = uniquePhone();
    const { agentId, userId } = await admin.api.admin.onboardAgent({
      shopName: "New Duka",
      ownerName: "Halima",
      ownerPhone: phone,
      pin: "8642",
      locationText: "Mombasa, Moi Avenue",
      commissionPlan: "HIGH_VOLUME",
      latitude: -4.0435,
      longitude: 39.6682,
      idempotencyKey: key(),
    });
    await expect(
      authorizeCredentials({ phone, pin: "8642", audience: "agent" }),
    ).resolves.toMatchObject({ role: "AGENT" });
    expect(await balances(userId)).toEqual({
      FLOAT: { balance: 0n, onHold: 0n },
      COMMISSION: { balance: 0n, onHold: 0n },
    });
    const audit = await auditOf(agentId);
    expect(audit.map((a) => a.action)).toEqual(["agent.onboard"]);
    expect(JSON.stringify(audit[0]!.after)).not.toContain("8642");
    const list = await admin.api.admin.agents({ limit: 100 });
    expect(list.find((a) => a.id === agentId)).toMatchObject({
      shopName: "New Duka",
      status: "ACTIVE",
      float: 0n,
    });
  });

  it("refuses a phone number that already has an account", async () => {
    const admin = await newAdmin();
    const customer = await newCustomer();
    await expect(
      admin.api.admin.onboardAgent({
        shopName: "Dup",
        ownerName: "Dup",
        ownerPhone: customer.phone,
        pin: "1234",
        locationText: "x",
        commissionPlan: "STANDARD",
        idempotencyKey: key(),
      }),
    ).rejects.toThrow(/already has a ProxyPay account/);
  });

  it("suspends with a reason the agent sees, and reactivates; both audited", async () => {
    const admin = await newAdmin();
    const agent = await newAgent(1_000_000n);
    const customer = await newCustomer();
    await admin.api.admin.suspendAgent({ agentId: agent.agentId, reason: "KYC documents expired" });
    const order = await placeOrder(customer, "CASH_IN", 10_000n);
    await expect(agent.api.agent.claim({ token: order.token! })).rejects.toThrow(
      /suspended: KYC documents expired/,
    );
    await admin.api.admin.reactivateAgent({ agentId: agent.agentId });
    await expect(agent.api.agent.claim({ token: order.token! })).resolves.toMatchObject({
      status: "CLAIMED",
    });
    const audit = await auditOf(agent.agentId);
    expect(audit.map((a) => [a.action, a.ip])).toEqual([
      ["agent.suspend", "10.0.0.1"],
      ["agent.reactivate", "10.0.0.1"],
    ]);
    expect(audit[0]!.before).toEqual({ status: "ACTIVE", suspendedReason: null });
  });
});

describe("operator: float and commissions", () => {
  it("funds a float once per idempotency key and once per bank reference", async () => {
    const admin = await newAdmin();
    const agent = await newAgent();
    const input = {
      agentId: agent.agentId,
      amount: 500_000n,
      externalRef: `DEP-${key().slice(0, 8)}`,
      idempotencyKey: key(),
    };
    const first = await admin.api.admin.fundFloat(input);
    expect(await admin.api.admin.fundFloat(input)).toEqual(first);
    expect(first).toMatchObject({ status: "DONE", agentBalanceAfter: 500_000n });
    await expect(admin.api.admin.fundFloat({ ...input, idempotencyKey: key() })).rejects.toThrow(
      /already recorded/,
    );
    expect((await balances(agent.userId)).FLOAT?.balance).toBe(500_000n);
  });

  it("de-floats only what the float holds", async () => {
    const admin = await newAdmin();
    const agent = await newAgent(100_000n);
    await expect(
      admin.api.admin.defloat({
        agentId: agent.agentId,
        amount: 100_001n,
        externalRef: `WD-${key().slice(0, 8)}`,
        idempotencyKey: key(),
      }),
    ).rejects.toThrow(/less than/);
    const done = await admin.api.admin.defloat({
      agentId: agent.agentId,
      amount: 40_000n,
      externalRef: `WD-${key().slice(0, 8)}`,
      idempotencyKey: key(),
    });
    expect(done).toMatchObject({ status: "DONE", agentBalanceAfter: 60_000n });
  });

  it("lists each agent's completed volume over the last 7 days", async () => {
    const admin = await newAdmin();
    const agent = await newAgent(1_000_000n);
    const customer = await newCustomer();
    for (const amount of [10_000n, 15_000n]) {
      const o = await placeOrder(customer, "CASH_IN", amount);
      await agent.api.agent.claim({ token: o.token! });
      await agent.api.agent.confirm({ orderId: o.id, idempotencyKey: key() });
    }
    await placeOrder(customer, "CASH_IN", 20_000n);
    // A float in another currency is not added to the KES float.
    await inTransaction(async (tx) => {
      const tzs = await ensureUserAccount(tx, agent.userId, "FLOAT", "TZS");
      await depositFromSettlement(tx, tzs, 500_000n, "FLOAT_FUNDING", "other currency", "TZS");
    });
    const listed = (await admin.api.admin.agents({ limit: 100 })).find(
      (a) => a.id === agent.agentId,
    );
    expect(listed).toMatchObject({
      currency: "KES",
      weekOrders: 2,
      weekVolume: 25_000n,
      float: 975_000n,
    });
  });

  it("pays out earned commission and no more", async () => {
    const admin = await newAdmin();
    const agent = await newAgent(1_000_000n);
    const customer = await newCustomer();
    const order = await placeOrder(customer, "CASH_IN", 250_000n);
    await agent.api.agent.claim({ token: order.token! });
    await agent.api.agent.confirm({ orderId: order.id, idempotencyKey: key() });
    expect((await balances(agent.userId)).COMMISSION?.balance).toBe(500n);
    await expect(
      admin.api.admin.payCommission({
        agentId: agent.agentId,
        amount: 501n,
        externalRef: `PAY-${key().slice(0, 8)}`,
        idempotencyKey: key(),
      }),
    ).rejects.toThrow(/commission/);
    await admin.api.admin.payCommission({
      agentId: agent.agentId,
      amount: 500n,
      externalRef: `PAY-${key().slice(0, 8)}`,
      idempotencyKey: key(),
    });
    expect((await balances(agent.userId)).COMMISSION?.balance).toBe(0n);
  });

  it("concurrent fundings with one bank reference record it once", async () => {
    const admin = await newAdmin();
    const agent = await newAgent();
    const ref = `DEP-${key().slice(0, 8)}`;
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        admin.api.admin.fundFloat({
          agentId: agent.agentId,
          amount: 10_000n,
          externalRef: ref,
          idempotencyKey: key(),
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results)
      if (r.status === "rejected") expect((r.reason as Error).message).toMatch(/already recorded/);
    expect((await balances(agent.userId)).FLOAT?.balance).toBe(10_000n);
  });
});

describe("operator: ledger checks", () => {
  it("the trial balance sums to zero per currency and reconciliation finds no difference", async () => {
    const admin = await newAdmin();
    const tb = await admin.api.admin.trialBalance();
    expect(tb.length).toBeGreaterThan(0);
    for (const currency of tb) {
      expect(currency.total).toBe(0n);
      expect(currency.balanced).toBe(true);
    }
    const rec = await admin.api.admin.reconcile();
    expect(rec.checkedAccounts).toBeGreaterThan(0);
    expect(rec.differences).toEqual([]);
  });
});

describe("operator: reversals with maker-checker", () => {
  async function completedCashIn(amount: bigint) {
    const customer = await newCustomer();
    const agent = await newAgent(1_000_000n);
    const order = await placeOrder(customer, "CASH_IN", amount);
    await agent.api.agent.claim({ token: order.token! });
    await agent.api.agent.confirm({ orderId: order.id, idempotencyKey: key() });
    return { customer, agent, order };
  }

  it("one operator requests, a second approves: compensating entry, order REVERSED", async () => {
    const maker = await newAdmin();
    const checker = await newAdmin();
    const { customer, agent, order } = await completedCashIn(250_000n);
    const { reversalId } = await maker.api.admin.requestReversal({
      orderId: order.id,
      reason: "Agent keyed the wrong customer",
      idempotencyKey: key(),
    });
    await expect(
      maker.api.admin.decideReversal({ reversalId, approve: true, idempotencyKey: key() }),
    ).rejects.toThrow(/second operator/);
    await checker.api.admin.decideReversal({
      reversalId,
      approve: true,
      note: "Checked the CCTV",
      idempotencyKey: key(),
    });
    expect(await balances(customer.userId)).toEqual({ WALLET: { balance: 0n, onHold: 0n } });
    const agentBooks = await balances(agent.userId);
    expect(agentBooks.FLOAT?.balance).toBe(1_000_000n);
    expect(agentBooks.COMMISSION?.balance).toBe(0n);
    const detail = await checker.api.admin.order({ orderId: order.id });
    expect(detail.status).toBe("REVERSED");
    expect(detail.journal.map((e) => e.kind)).toEqual(["CASH_IN", "REVERSAL"]);
    expect(detail.timeline.map((t) => t.to)).toEqual([
      "PENDING",
      "CLAIMED",
      "COMPLETED",
      "REVERSED",
    ]);
    expect(detail.audit.map((a) => a.action)).toEqual([
      "order.pending",
      "order.claimed",
      "order.completed",
      "reversal.request",
      "order.reversed",
      "reversal.approve",
    ]);
    // Order state changes carry the caller's IP like operator actions do.
    expect(detail.audit[1]!.ip).toBe("127.0.0.1");
    // The original entry is still there: corrections are new entries, never edits.
    expect(detail.journal[0]!.postings.every((p) => p.amount !== 0n)).toBe(true);
  });

  it("two operators deciding the same reversal at once: exactly one decision counts", async () => {
    const maker = await newAdmin();
    const checkers = await Promise.all([newAdmin(), newAdmin()]);
    const { order } = await completedCashIn(10_000n);
    const { reversalId } = await maker.api.admin.requestReversal({
      orderId: order.id,
      reason: "Duplicate",
      idempotencyKey: key(),
    });
    const results = await Promise.allSettled([
      checkers[0]!.api.admin.decideReversal({ reversalId, approve: true, idempotencyKey: key() }),
      checkers[1]!.api.admin.decideReversal({ reversalId, approve: false, idempotencyKey: key() }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((loser.reason as Error).message).toMatch(/already decided/);
    const reversals = await maker.api.admin.reversals({});
    expect(reversals.filter((r) => r.orderId === order.id)).toHaveLength(1);
  });

  it("is refused when the money is gone, and nothing changes", async () => {
    const maker = await newAdmin();
    const checker = await newAdmin();
    const { customer, agent, order } = await completedCashIn(100_000n);
    // The customer already took the money out again at another shop.
    const out = await placeOrder(customer, "CASH_OUT", 90_000n);
    const other = await newAgent();
    await other.api.agent.claim({ token: out.token! });
    await customer.api.customer.answerApproval({
      orderId: out.id,
      approve: true,
      pin: "1234",
      idempotencyKey: key(),
    });
    const { reversalId } = await maker.api.admin.requestReversal({
      orderId: order.id,
      reason: "Fraud report",
      idempotencyKey: key(),
    });
    await expect(
      checker.api.admin.decideReversal({ reversalId, approve: true, idempotencyKey: key() }),
    ).rejects.toThrow(/Cannot reverse: the wallet no longer holds/);
    expect((await checker.api.admin.order({ orderId: order.id })).status).toBe("COMPLETED");
    expect((await balances(agent.userId)).FLOAT?.balance).toBe(900_000n);
    const [open] = await maker.api.admin
      .reversals({ status: "REQUESTED" })
      .then((r) => r.filter((x) => x.id === reversalId));
    expect(open?.status).toBe("REQUESTED");
  });

  it("lists reversal requests newest first, a keyset page at a time", async () => {
    const maker = await newAdmin();
    const requested: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { order } = await completedCashIn(10_000n);
      const { reversalId } = await maker.api.admin.requestReversal({
        orderId: order.id,
        reason: `paging check ${i}`,
        idempotencyKey: key(),
      });
      requested.unshift(reversalId);
    }
    const first = await maker.api.admin.reversals({ limit: 2 });
    const last = first.at(-1)!;
    const second = await maker.api.admin.reversals({
      limit: 2,
      before: { requestedAt: last.requestedAt, id: last.id },
    });
    const seen = [...first, ...second].map((r) => r.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 3)).toEqual(requested);
    // Leave no open request behind for the other tests' queues.
    const checker = await newAdmin();
    for (const reversalId of requested) {
      await checker.api.admin.decideReversal({ reversalId, approve: false, idempotencyKey: key() });
    }
  });

  it("only completed orders can be reversed, and one request at a time", async () => {
    const maker = await newAdmin();
    const customer = await newCustomer();
    const pending = await placeOrder(customer, "CASH_IN", 10_000n);
    await expect(
      maker.api.admin.requestReversal({
        orderId: pending.id,
        reason: "Mistake",
        idempotencyKey: key(),
      }),
    ).rejects.toThrow(/Only completed orders/);
    const { order } = await completedCashIn(10_000n);
    await maker.api.admin.requestReversal({
      orderId: order.id,
      reason: "Mistake",
      idempotencyKey: key(),
    });
    await expect(
      maker.api.admin.requestReversal({
        orderId: order.id,
        reason: "Again",
        idempotencyKey: key(),
      }),
    ).rejects.toThrow(/already waiting/);
  });

  it("finds orders by status, type, agent and customer phone", async () => {
    const admin = await newAdmin();
    const { customer, agent, order } = await completedCashIn(10_000n);
    const byPhone = await admin.api.admin.orders({ customerPhone: customer.phone });
    expect(byPhone.map((o) => o.id)).toEqual([order.id]);
    const byAgent = await admin.api.admin.orders({
      agentId: agent.agentId,
      status: "COMPLETED",
      type: "CASH_IN",
    });
    expect(byAgent.map((o) => o.id)).toEqual([order.id]);
    expect(await admin.api.admin.orders({ agentId: agent.agentId, type: "CASH_OUT" })).toEqual([]);
  });
});

describe("operator: customers, settings and audit", () => {
  it("raises a customer's KYC tier (limits follow) and locks and unlocks", async () => {
    const admin = await newAdmin();
    const customer = await newCustomer();
    await expect(placeOrder(customer, "CASH_IN", 10_000_000n)).rejects.toThrow(/largest amount/);
    await admin.api.admin.updateCustomer({ userId: customer.userId, kycTier: 2 });
    await expect(placeOrder(customer, "CASH_IN", 10_000_000n)).resolves.toMatchObject({
      status: "PENDING",
    });
    await admin.api.admin.updateCustomer({ userId: customer.userId, locked: true });
    await expect(customer.api.customer.overview()).rejects.toThrow(/locked/);
    await admin.api.admin.updateCustomer({ userId: customer.userId, locked: false });
    await expect(customer.api.customer.overview()).resolves.toBeDefined();
    const detail = await admin.api.admin.customer({ userId: customer.userId });
    expect(detail).toMatchObject({ phone: customer.phone, kycTier: 2, status: "ACTIVE" });
    expect(detail.recentOrders).toHaveLength(1);
    const found = await admin.api.admin.customers({ phone: customer.phone });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kycTier: 2, status: "ACTIVE" });
    const audit = await admin.api.admin.audit({
      entityType: "customer",
      entityId: customer.userId,
    });
    expect(audit.map((a) => a.action)).toEqual([
      "customer.unlock",
      "customer.lock",
      "customer.kyc",
    ]);
  });

  it("versions settings; a change applies to new orders only", async () => {
    const admin = await newAdmin();
    const customer = await newCustomer(1_000_000n);
    const [current] = await admin.api.admin.settings({ limit: 1 });
    const before = await placeOrder(customer, "CASH_OUT", 100_000n);
    expect(before.fee).toBe(1_500n);
    const changed = structuredClone(current!.settings);
    changed.cashOut.fee.bps = 200;
    const { version } = await admin.api.admin.updateSettings({
      basedOnVersion: current!.version,
      settings: changed,
    });
    expect(version).toBe(current!.version + 1);
    const after = await placeOrder(customer, "CASH_OUT", 100_000n);
    expect(after.fee).toBe(2_000n);
    // The earlier order keeps the fee it was created with.
    expect((await customer.api.customer.order({ orderId: before.id })).fee).toBe(1_500n);
    // A stale editor is refused; an invalid document is refused with the field named.
    await expect(
      admin.api.admin.updateSettings({ basedOnVersion: current!.version, settings: changed }),
    ).rejects.toThrow(/changed meanwhile/);
    const broken = structuredClone(changed);
    broken.commissionPlans.STANDARD!.cashOutShareBps = 20_000;
    await expect(
      admin.api.admin.updateSettings({ basedOnVersion: version, settings: broken }),
    ).rejects.toThrow(/commissionPlans.STANDARD.cashOutShareBps/);
    // Put the seeded fee back for the other tests.
    changed.cashOut.fee.bps = 150;
    await admin.api.admin.updateSettings({ basedOnVersion: version, settings: changed });
    const audit = await admin.api.admin.audit({ action: "settings.update", limit: 2 });
    expect(audit).toHaveLength(2);
  });

  it("the audit log cannot be edited or deleted, even by the owner", async () => {
    await asOwner(async (owner) => {
      await expect(owner.query("UPDATE audit_log SET action = 'x'")).rejects.toThrow(/append-only/);
      await expect(owner.query("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
    });
  });
});

describe("operator: overview, statements, journal and operators", () => {
  it("the overview counts today's orders, completion and money positions", async () => {
    const admin = await newAdmin();
    const customer = await newCustomer();
    const agent = await newAgent(1_000_000n);
    const before = await admin.api.admin.overview();
    const done = await placeOrder(customer, "CASH_IN", 20_000n);
    await agent.api.agent.claim({ token: done.token! });
    await agent.api.agent.confirm({ orderId: done.id, idempotencyKey: key() });
    await placeOrder(customer, "CASH_IN", 10_000n);
    const after = await admin.api.admin.overview();
    expect(after.today.orders - before.today.orders).toBe(2);
    expect(after.today.completed - before.today.completed).toBe(1);
    const cashIn = (o: typeof after) => o.today.byType.find((t) => t.type === "CASH_IN")!;
    expect(
      cashIn(after).volume - (before.today.byType.find((t) => t.type === "CASH_IN")?.volume ?? 0n),
    ).toBe(20_000n);
    expect(cashIn(after).medianScanToCompleteSeconds).not.toBeNull();
    expect(after.dailyVolume).toHaveLength(7);
    const kes = after.positions.find((p) => p.currency === "KES")!;
    const kesBefore = before.positions.find((p) => p.currency === "KES")!;
    // The cash-in moved e-money from the agent's float into the customer's wallet.
    expect(kes.eMoneyOutstanding - kesBefore.eMoneyOutstanding).toBe(20_000n);
    expect(kes.floatHeld - kesBefore.floatHeld).toBe(-20_000n);
  });

  it("statements show running balances; the journal lists entries with postings", async () => {
    const admin = await newAdmin();
    const customer = await newCustomer(50_000n);
    const agent = await newAgent(1_000_000n);
    const order = await placeOrder(customer, "CASH_IN", 20_000n);
    await agent.api.agent.claim({ token: order.token! });
    await agent.api.agent.confirm({ orderId: order.id, idempotencyKey: key() });
    const [wallet] = await admin.api.admin.accounts({ kind: "WALLET", ownerPhone: customer.phone });
    const statement = await admin.api.admin.statement({ accountId: wallet!.id });
    expect(statement.lines.map((l) => [l.amount, l.balanceAfter])).toEqual([
      [20_000n, 70_000n],
      [50_000n, 50_000n],
    ]);
    const page1 = await admin.api.admin.statement({ accountId: wallet!.id, limit: 1 });
    const page2 = await admin.api.admin.statement({
      accountId: wallet!.id,
      limit: 1,
      beforeId: page1.lines[0]!.postingId,
    });
    expect(page2.lines.map((l) => l.amount)).toEqual([50_000n]);
    const entries = await admin.api.admin.journal({ limit: 100 });
    const entry = entries.find((e) => e.orderId === order.id)!;
    expect(entry.postings.reduce((s, p) => s + p.amount, 0n)).toBe(0n);
  });

  it("exports a statement as CSV, oldest first, with decimals", async () => {
    const admin = await newAdmin();
    const customer = await newCustomer(123_456n);
    const [wallet] = await admin.api.admin.accounts({ kind: "WALLET", ownerPhone: customer.phone });
    const { statementCsv } = await import("../../src/server/use-cases/export-statement");
    let csv = "";
    for await (const line of statementCsv(admin.actor, wallet!.id)) csv += line;
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe(
      "posting_id,entry_id,time,kind,description,order_id,order_reference,bank_reference,currency,amount,balance_after",
    );
    expect(lines[1]).toMatch(/,KES,1234\.56,1234\.56$/);
    expect(
      (await admin.api.admin.audit({ action: "statement.export", limit: 1 }))[0]?.entityId,
    ).toBe(wallet!.id.toString());
  });

  it("two operators bring in a new operator, who sets their own password", async () => {
    const maker = await newAdmin();
    const checker = await newAdmin();
    const phone = uniquePhone();
    const { invitationId, proposerCode } = await maker.api.admin.proposeOperator({
      phone,
      name: "Second Operator",
    });
    const { approverCode } = await checker.api.admin.decideOperator({
      invitationId,
      approve: true,
    });
    await activateOperator(
      { phone, proposerCode, approverCode: approverCode!, password: "long enough password" },
      "10.9.0.1",
    );
    await expect(
      authorizeCredentials({ phone, pin: "long enough password", audience: "admin" }),
    ).resolves.toMatchObject({ role: "ADMIN" });
  });
});
