import { describe, expect, it } from "vitest";
import { withCheckDigit } from "../../src/domain/codes";
import { CARD_PIN_PER_AGENT, TYPED_CODE_PER_AGENT } from "../../src/domain/rate-limits";
import { MAX_ACTIVE_ASSISTANTS } from "../../src/domain/staff";
import { authorizeCredentials } from "../../src/server/auth/options";
import { inTransaction } from "../../src/server/db/transaction";
import { findInvariantViolations } from "../../src/server/repositories/invariants";
import { callerStatus } from "../../src/server/use-cases/caller-status";
import {
  asOwner,
  balances,
  key,
  newAgent,
  newAssistant,
  newCustomer,
  placeOrder,
  uniquePhone,
} from "./helpers";

// Shop assistants serve on the owner's float and never touch what is the owner's alone. Every
// test ends with the ledger's invariants, which include "served by the shop's own people".

async function expectSoundBooks() {
  expect(await inTransaction((tx) => findInvariantViolations(tx))).toEqual([]);
}

const reasonOf = (r: PromiseSettledResult<unknown>) =>
  r.status === "fulfilled" ? "ok" : (r.reason as Error).message;

describe("an assistant serves on the shop's float", () => {
  it("serves a cash-out and a cash-in: the owner's float moves, the order and its audit rows name the assistant", async () => {
    const owner = await newAgent(1_000_000n, "Assisted Shop");
    const assistant = await newAssistant(owner, "Otieno Test");
    const customer = await newCustomer(500_000n);
    const before = await balances(owner.userId);

    const cashOut = await placeOrder(customer, "CASH_OUT", 20_000n);
    const claimed = await assistant.api.agent.claim({ token: cashOut.token! });
    expect(claimed.status).toBe("CLAIMED");
    expect(claimed.servedBy).toBe("Otieno Test");
    // Never the shop's earnings to an assistant, in any answer.
    expect(claimed.commission).toBeNull();
    await customer.api.customer.answerApproval({
      orderId: cashOut.id,
      approve: true,
      pin: "1234",
      idempotencyKey: key(),
    });
    const cashIn = await placeOrder(customer, "CASH_IN", 30_000n);
    await assistant.api.agent.claim({ token: cashIn.token! });
    const confirmed = await assistant.api.agent.confirm({
      orderId: cashIn.id,
      idempotencyKey: key(),
    });
    expect(confirmed.status).toBe("COMPLETED");
    expect(confirmed.commission).toBeNull();

    const after = await balances(owner.userId);
    expect(after.FLOAT!.balance - before.FLOAT!.balance).toBe(20_000n - 30_000n);
    expect(after.COMMISSION!.balance).toBeGreaterThan(before.COMMISSION!.balance);
    // The assistant holds no money of their own.
    expect(await balances(assistant.userId)).toEqual({});

    const rows = await inTransaction(
      (tx) => tx.$queryRaw<{ served_by: string; actors: string[]; audit: string[] }[]>`
        SELECT o.served_by::text,
               (SELECT array_agg(DISTINCT e.actor_id::text) FROM order_events e
                WHERE e.order_id = o.id AND e.actor_role = 'ASSISTANT') AS actors,
               (SELECT array_agg(DISTINCT a.actor_id::text) FROM audit_log a
                WHERE a.entity_id = o.id::text AND a.actor_role = 'ASSISTANT') AS audit
        FROM orders o WHERE o.id IN (${cashOut.id}::uuid, ${cashIn.id}::uuid)`,
    );
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.served_by).toBe(assistant.userId);
      expect(r.actors).toEqual([assistant.userId]);
      expect(r.audit).toEqual([assistant.userId]);
    }
    // The owner sees who served, and the commission.
    const ownersView = await owner.api.agent.order({ orderId: cashIn.id });
    expect(ownersView.servedBy).toBe("Otieno Test");
    expect(ownersView.commission).not.toBeNull();
    await expectSoundBooks();
  });

  it("the overview and history of an assistant carry no commission, plan or earnings", async () => {
    const owner = await newAgent(1_000_000n);
    const assistant = await newAssistant(owner);
    const customer = await newCustomer(500_000n);
    const order = await placeOrder(customer, "CASH_IN", 10_000n);
    await owner.api.agent.claim({ token: order.token! });
    await owner.api.agent.confirm({ orderId: order.id, idempotencyKey: key() });

    const seen = await assistant.api.agent.overview();
    expect(seen.isOwner).toBe(false);
    expect(seen.commission).toBeNull();
    expect(seen.plan).toBeNull();
    expect(seen.today.every((t) => t.commission === null)).toBe(true);
    expect(seen.float).toEqual((await owner.api.agent.overview()).float);
    const history = await assistant.api.agent.history({ limit: 5 });
    expect(history.map((h) => h.id)).toContain(order.id);
    expect(history.every((h) => h.commission === null)).toBe(true);

    const owners = await owner.api.agent.overview();
    expect(owners.isOwner).toBe(true);
    expect(owners.commission).not.toBeNull();
    expect(owners.today.some((t) => (t.commission ?? 0n) > 0n)).toBe(true);
  });

  it("an assistant is refused everything that is the owner's alone, and another shop's orders", async () => {
    const owner = await newAgent(1_000_000n);
    const assistant = await newAssistant(owner);
    const other = await newAgent(1_000_000n);
    const customer = await newCustomer(500_000n);
    const elsewhere = await placeOrder(customer, "CASH_OUT", 10_000n);
    await other.api.agent.claim({ token: elsewhere.token! });

    await expect(assistant.api.agent.staff()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      assistant.api.agent.addAssistant({ name: "Sneaky", phone: uniquePhone(), pin: "1234" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      assistant.api.agent.suspendAssistant({ userId: assistant.userId }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(assistant.api.agent.order({ orderId: elsewhere.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // An owner cannot manage another shop's assistant either.
    await expect(
      other.api.agent.suspendAssistant({ userId: assistant.userId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the phone of an existing account cannot become an assistant", async () => {
    const owner = await newAgent();
    const customer = await newCustomer();
    await expect(
      owner.api.agent.addAssistant({ name: "Taken", phone: customer.phone, pin: "1234" }),
    ).rejects.toThrow(/already has a ProxyPay account/);
  });
});

describe("suspending an assistant", () => {
  it("takes effect at once: the next call, the session and a sign-in are refused; reactivating restores them", async () => {
    const owner = await newAgent(1_000_000n);
    const assistant = await newAssistant(owner);
    const customer = await newCustomer(500_000n);
    const signedIn = await authorizeCredentials({
      phone: assistant.phone,
      pin: "1234",
      audience: "agent",
    });
    expect(signedIn.role).toBe("ASSISTANT");
    const signedInAt = Date.now() - 1_000;

    await owner.api.agent.suspendAssistant({ userId: assistant.userId });
    expect(await callerStatus(assistant.userId, signedInAt)).toBe("LOCKED");
    const order = await placeOrder(customer, "CASH_OUT", 10_000n);
    await expect(assistant.api.agent.claim({ token: order.token! })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      authorizeCredentials({ phone: assistant.phone, pin: "1234", audience: "agent" }),
    ).rejects.toThrow(/locked/i);
    await expect(
      owner.api.agent.suspendAssistant({ userId: assistant.userId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const listed = await owner.api.agent.staff();
    expect(listed.assistants.map((a) => a.status)).toEqual(["SUSPENDED"]);

    await owner.api.agent.reactivateAssistant({ userId: assistant.userId });
    // A session from before the suspension stays ended; a new sign-in serves again.
    expect(await callerStatus(assistant.userId, signedInAt)).toBe("ENDED");
    await authorizeCredentials({ phone: assistant.phone, pin: "1234", audience: "agent" });
    const claimed = await assistant.api.agent.claim({ token: order.token! });
    expect(claimed.status).toBe("CLAIMED");
    await expectSoundBooks();
  });

  it("a suspended shop suspends its assistants' serving too", async () => {
    const owner = await newAgent(1_000_000n);
    const assistant = await newAssistant(owner);
    const customer = await newCustomer(500_000n);
    await inTransaction((tx) =>
      tx.agent.update({
        where: { id: owner.agentId },
        data: { status: "SUSPENDED", suspendedReason: "checks" },
      }),
    );
    const order = await placeOrder(customer, "CASH_OUT", 10_000n);
    await expect(assistant.api.agent.claim({ token: order.token! })).rejects.toThrow(/suspended/i);
    const overview = await assistant.api.agent.overview();
    expect(overview.status).toBe("SUSPENDED");
  });
});

describe("at most MAX_ACTIVE_ASSISTANTS active assistants per shop, under bursts", () => {
  it(`30 concurrent adds: exactly ${MAX_ACTIVE_ASSISTANTS} succeed, the rest are told the shop is full`, async () => {
    const owner = await newAgent();
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        owner.api.agent.addAssistant({ name: `Burst ${i}`, phone: uniquePhone(), pin: "1234" }),
      ),
    );
    const reasons = results.map(reasonOf);
    expect(reasons.filter((r) => r === "ok")).toHaveLength(MAX_ACTIVE_ASSISTANTS);
    for (const r of reasons) expect(r).toMatch(/^ok$|already has 10 active assistants/);
    const staff = await owner.api.agent.staff();
    expect(staff.assistants.filter((a) => a.status === "ACTIVE")).toHaveLength(
      MAX_ACTIVE_ASSISTANTS,
    );
    // No user was left behind by a refused add.
    const users = await inTransaction(
      (tx) => tx.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM users u WHERE u.role = 'ASSISTANT' AND u.name LIKE 'Burst %'
          AND NOT EXISTS (SELECT 1 FROM shop_assistants s WHERE s.user_id = u.id)`,
    );
    expect(users[0]!.n).toBe(0n);
  });

  it("reactivations and adds racing for the last places: exactly the free places are taken", async () => {
    const owner = await newAgent();
    const first = [];
    for (let i = 0; i < MAX_ACTIVE_ASSISTANTS; i++) first.push(await newAssistant(owner));
    const freed = first.slice(0, 5);
    for (const a of freed) await owner.api.agent.suspendAssistant({ userId: a.userId });
    const results = await Promise.allSettled([
      ...freed.map((a) => owner.api.agent.reactivateAssistant({ userId: a.userId })),
      ...Array.from({ length: 20 }, () =>
        owner.api.agent.addAssistant({ name: "Racer", phone: uniquePhone(), pin: "1234" }),
      ),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    const staff = await owner.api.agent.staff();
    expect(staff.assistants.filter((a) => a.status === "ACTIVE")).toHaveLength(
      MAX_ACTIVE_ASSISTANTS,
    );
  });

  it("the database refuses an 11th active assistant by itself (PP120)", async () => {
    const owner = await newAgent();
    for (let i = 0; i < MAX_ACTIVE_ASSISTANTS; i++) await newAssistant(owner);
    const extra = await newAssistant(await newAgent());
    await expect(
      asOwner((c) =>
        c.query("UPDATE shop_assistants SET agent_id = $1 WHERE user_id = $2", [
          owner.agentId,
          extra.userId,
        ]),
      ),
    ).rejects.toMatchObject({ code: "PP120" });
  });
});

describe("attempt budgets are the shop's, not each person's", () => {
  it("owner and two assistants typing wrong codes at once look up at most one shop's budget", async () => {
    const owner = await newAgent(1_000_000n);
    const people = [owner, await newAssistant(owner), await newAssistant(owner)];
    const results = await Promise.allSettled(
      Array.from({ length: 45 }, (_, i) =>
        people[i % 3]!.api.agent.claim({ code: withCheckDigit(String(80_000_000 + i)) }),
      ),
    );
    const reasons = results.map(reasonOf);
    const lookedUp = reasons.filter((m) => /No open order/.test(m)).length;
    expect(lookedUp).toBeGreaterThan(0);
    expect(lookedUp).toBeLessThanOrEqual(TYPED_CODE_PER_AGENT.limit);
    for (const m of reasons) expect(m).toMatch(/No open order|typing codes is paused/);
  });

  it("card PINs typed by owner and assistants at once are checked at most one shop's budget", async () => {
    const owner = await newAgent(1_000_000n);
    const people = [owner, await newAssistant(owner), await newAssistant(owner)];
    const holders = await Promise.all(
      Array.from({ length: CARD_PIN_PER_AGENT.limit * 2 }, async () => {
        const c = await newCustomer(20_000n);
        const card = await c.api.customer.issueCard();
        return card.active!.secret;
      }),
    );
    const results = await Promise.allSettled(
      holders.map((secret, i) =>
        people[i % 3]!.api.agent.cardOrder({
          secret,
          type: "CASH_OUT",
          amount: 1_000n,
          currency: "KES",
          pin: "9999",
          idempotencyKey: key(),
        }),
      ),
    );
    const reasons = results.map(reasonOf);
    const checked = reasons.filter((m) => /PIN is not right/.test(m)).length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(CARD_PIN_PER_AGENT.limit);
  });
});
