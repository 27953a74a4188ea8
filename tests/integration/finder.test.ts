import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { settingsJsonOf } from "../../src/domain/settings";
import { inTransaction } from "../../src/server/db/transaction";
import { findInvariantViolations } from "../../src/server/repositories/invariants";
import { key, newAdmin, newAgent, newCustomer, placeOrder } from "./helpers";

// The agent finder on real PostgreSQL: what the phone learns about shops (never a balance),
// the search budget, one open reservation per customer, and accepts that never promise more
// than a shop has, however many arrive at once.

type Agent = Awaited<ReturnType<typeof newAgent>>;
type Customer = Awaited<ReturnType<typeof newCustomer>>;

/** A fresh area name, so each test finds only its own shops. */
function area(): string {
  return `Area ${key().slice(0, 8)}`;
}

async function place(agent: Agent, areaName: string, latitude = -1.2864, longitude = 36.8172) {
  const admin = await newAdmin();
  await admin.api.finder.setAgentLocation({
    agentId: agent.agentId,
    latitude,
    longitude,
    areaName,
  });
}

function reserve(
  customer: Customer,
  agent: Agent,
  amount: bigint,
  type: "CASH_IN" | "CASH_OUT" = "CASH_IN",
) {
  return customer.api.finder.reserve({
    agentId: agent.agentId,
    type,
    amount,
    currency: "KES",
    idempotencyKey: key(),
  });
}

function codeOf(result: PromiseSettledResult<unknown>): string {
  if (result.status === "fulfilled") return "OK";
  const error = result.reason as TRPCError;
  expect(error).toBeInstanceOf(TRPCError);
  expect(error.code).not.toBe("INTERNAL_SERVER_ERROR");
  return error.code;
}

function tally(results: PromiseSettledResult<unknown>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of results) out[codeOf(r)] = (out[codeOf(r)] ?? 0) + 1;
  return out;
}

/** Moves a reservation's expiry into the past: time passing, without waiting for it. */
async function lapse(reservationId: string): Promise<void> {
  await inTransaction(
    (tx) =>
      tx.$executeRaw`UPDATE reservations SET expires_at = now() - interval '1 second' WHERE id = ${reservationId}::uuid`,
  );
}

describe("finder search", () => {
  it("lists shops in a typed area: can serve or not, by the rounded amount, never a balance", async () => {
    const where = area();
    // KES 1,000.00 of float: serves KES 500.01-1,000 (rounded up to 1,000), not 1,000.01.
    const rich = await newAgent(100_000n, "Rich Shop");
    const poor = await newAgent(40_000n, "Poor Shop");
    await place(rich, `${where} North`);
    await place(poor, `${where} South`);
    const customer = await newCustomer();
    const search = (amount: bigint, type: "CASH_IN" | "CASH_OUT" = "CASH_IN") =>
      customer.api.finder.search({ type, amount, currency: "KES", area: where.toLowerCase() });

    const at1000 = await search(50_001n);
    expect(at1000.checkedAmount).toBe(100_000n);
    expect(at1000.shops.map((s) => [s.shopName, s.canServe])).toEqual([
      ["Rich Shop", "YES"],
      ["Poor Shop", "NO"],
    ]);
    expect((await search(100_001n)).shops.map((s) => s.canServe)).toEqual(["NO", "NO"]);
    // No drawer day open: the shop's cash is not known, and the customer is told to ask.
    expect((await search(10_000n, "CASH_OUT")).shops.map((s) => s.canServe)).toEqual([
      "ASK",
      "ASK",
    ]);
    // Nothing in the answer is an amount of the shop's.
    const words = JSON.stringify(at1000, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
    expect(words).not.toContain("40000");
    expect(Object.keys(at1000.shops[0]!).sort()).toEqual(
      [
        "agentId",
        "areaName",
        "canServe",
        "distanceMetres",
        "latitude",
        "locationText",
        "longitude",
        "openNow",
        "shopName",
      ].sort(),
    );
    // A typed % is a character, not a wildcard.
    const none = await customer.api.finder.search({
      type: "CASH_IN",
      amount: 10_000n,
      currency: "KES",
      area: `${where.slice(0, 6)}%`,
    });
    expect(none.shops).toEqual([]);
  });

  it("by position: nearest first, within 25 km, distance to the nearest 100 m", async () => {
    const where = area();
    const near = await newAgent(100_000n, "Near Shop");
    const far = await newAgent(100_000n, "Far Shop");
    const beyond = await newAgent(100_000n, "Beyond Shop");
    // A spot in the sea off Kenya, so no other test's shop is near.
    await place(far, where, -4.55, 40.1);
    await place(near, where, -4.5, 40.0);
    await place(beyond, where, -4.0, 40.0);
    const customer = await newCustomer();
    const found = await customer.api.finder.search({
      type: "CASH_IN",
      amount: 10_000n,
      currency: "KES",
      near: { latitude: -4.501234, longitude: 40.004321 },
    });
    expect(found.shops.map((s) => s.shopName)).toEqual(["Near Shop", "Far Shop"]);
    // Measured from the coarse position (-4.50, 40.00): the near shop is right there.
    expect(found.shops[0]!.distanceMetres).toBe(0);
    expect(found.shops[1]!.distanceMetres! % 100).toBe(0);
  });

  it("a burst of 30 searches from one customer: exactly 12 are answered", async () => {
    const customer = await newCustomer();
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, () =>
        customer.api.finder.search({
          type: "CASH_OUT",
          amount: 10_000n,
          currency: "KES",
          area: "Nowhere at all",
        }),
      ),
    );
    expect(tally(results)).toEqual({ OK: 12, TOO_MANY_REQUESTS: 18 });
    // Another customer has a budget of their own.
    const other = await newCustomer();
    await expect(
      other.api.finder.search({ type: "CASH_OUT", amount: 1n, currency: "KES", area: "x" }),
    ).resolves.toBeTruthy();
  });

  it("refuses a search that says neither or both where", async () => {
    const customer = await newCustomer();
    const base = { type: "CASH_IN" as const, amount: 10_000n, currency: "KES" };
    await expect(customer.api.finder.search(base)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      customer.api.finder.search({ ...base, area: "x", near: { latitude: 0, longitude: 0 } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("reservations", () => {
  it("request, accept (held for the setting's minutes), seen on both sides, cancel", async () => {
    const agent = await newAgent(1_000_000n);
    const customer = await newCustomer();
    const made = await reserve(customer, agent, 50_000n);
    expect(made.status).toBe("REQUESTED");
    const waiting = await agent.api.finder.reservations();
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ id: made.id, status: "REQUESTED", amount: 50_000n });
    // The shop sees who is coming, with the phone masked.
    expect(waiting[0]!.customerPhone).not.toBe(customer.phone);

    const before = Date.now();
    const accepted = await agent.api.finder.accept({
      reservationId: made.id,
      idempotencyKey: key(),
    });
    const heldMs = accepted.expiresAt.getTime() - before;
    // finder.reservationMinutes is 30 by default.
    expect(heldMs).toBeGreaterThan(29 * 60_000);
    expect(heldMs).toBeLessThanOrEqual(30 * 60_000 + 60_000);
    const mine = await customer.api.finder.myReservation();
    expect(mine).toMatchObject({ id: made.id, status: "ACCEPTED", expiresAt: accepted.expiresAt });

    // A second reservation while one is open is refused, naming the shop.
    await expect(reserve(customer, await newAgent(), 10_000n)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Test Shop"),
    });
    const cancelled = await customer.api.finder.cancel({
      reservationId: made.id,
      idempotencyKey: key(),
    });
    expect(cancelled.status).toBe("CANCELLED");
    expect(await agent.api.finder.reservations()).toEqual([]);
    // Cancelled: a new one may be made.
    expect((await reserve(customer, agent, 10_000n)).status).toBe("REQUESTED");
  });

  it("decline; another shop cannot answer; a lapsed request cannot be accepted", async () => {
    const agent = await newAgent(1_000_000n);
    const other = await newAgent(1_000_000n);
    const customer = await newCustomer();
    const first = await reserve(customer, agent, 10_000n);
    await expect(
      other.api.finder.accept({ reservationId: first.id, idempotencyKey: key() }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await agent.api.finder.decline({ reservationId: first.id, idempotencyKey: key() });
    expect((await customer.api.finder.myReservation())!.status).toBe("DECLINED");
    await expect(
      agent.api.finder.accept({ reservationId: first.id, idempotencyKey: key() }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const second = await reserve(customer, agent, 10_000n);
    await lapse(second.id);
    expect((await customer.api.finder.myReservation())!.status).toBe("EXPIRED");
    expect(await agent.api.finder.reservations()).toEqual([]);
    await expect(
      agent.api.finder.accept({ reservationId: second.id, idempotencyKey: key() }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    // The lapsed one no longer blocks the customer.
    expect((await reserve(customer, agent, 10_000n)).status).toBe("REQUESTED");
  });

  it("a burst of 20 reservations from one phone makes exactly one", async () => {
    const customer = await newCustomer();
    const shops = await Promise.all(Array.from({ length: 20 }, () => newAgent(1_000_000n)));
    const results = await Promise.allSettled(shops.map((s) => reserve(customer, s, 10_000n)));
    expect(tally(results)).toEqual({ OK: 1, CONFLICT: 19 });
    const open = await inTransaction(
      (tx) => tx.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM reservations
        WHERE customer_id = ${customer.userId}::uuid AND status IN ('REQUESTED', 'ACCEPTED')`,
    );
    expect(open[0]!.n).toBe(1n);
  });

  it("50 concurrent accepts against one shop's float never promise more than it has", async () => {
    // KES 5,000.00 of float, 50 reservations of KES 500.00: exactly 10 fit.
    const agent = await newAgent(500_000n);
    const customers = await Promise.all(Array.from({ length: 50 }, () => newCustomer()));
    const made = await Promise.all(customers.map((c) => reserve(c, agent, 50_000n)));
    const results = await Promise.allSettled(
      made.map((r) => agent.api.finder.accept({ reservationId: r.id, idempotencyKey: key() })),
    );
    expect(tally(results)).toEqual({ OK: 10, UNPROCESSABLE_CONTENT: 40 });
    const promised = await inTransaction(
      (tx) => tx.$queryRaw<{ sum: bigint }[]>`
        SELECT coalesce(sum(amount), 0)::bigint AS sum FROM reservations
        WHERE agent_id = ${agent.agentId}::uuid AND status = 'ACCEPTED'`,
    );
    expect(promised[0]!.sum).toBe(500_000n);
    // The shop is now fully promised: a search for KES 500 says it cannot serve.
    const where = area();
    await place(agent, where);
    const seen = await (await newCustomer()).api.finder.search({
      type: "CASH_IN",
      amount: 1n,
      currency: "KES",
      area: where,
    });
    expect(seen.shops.map((s) => s.canServe)).toEqual(["NO"]);
    expect(await inTransaction((tx) => findInvariantViolations(tx))).toEqual([]);
  });

  it("an accepted reservation is USED once the shop scans the customer's order", async () => {
    const agent = await newAgent(1_000_000n);
    const customer = await newCustomer(1_000_000n);
    const made = await reserve(customer, agent, 10_000n);
    await agent.api.finder.accept({ reservationId: made.id, idempotencyKey: key() });
    const order = await placeOrder(customer, "CASH_IN", 10_000n);
    await agent.api.agent.claim({ token: order.token! });
    expect((await customer.api.finder.myReservation())!.status).toBe("USED");
    expect(await agent.api.finder.reservations()).toEqual([]);
  });

  it("a cash-out is reserved only for what the wallet could pay now", async () => {
    const agent = await newAgent(1_000_000n);
    const customer = await newCustomer(50_000n);
    await expect(reserve(customer, agent, 50_001n, "CASH_OUT")).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
    });
    expect((await reserve(customer, agent, 50_000n, "CASH_OUT")).status).toBe("REQUESTED");
  });

  it("cash-outs are judged on the drawer's cash: 30 concurrent accepts never promise more", async () => {
    // KES 1,600.00 in the drawer (float is plenty): three KES 500.00 cash-outs fit, not four.
    const agent = await newAgent(10_000_000n);
    const where = area();
    await place(agent, where);
    await agent.api.drawer.open({ total: 160_000n, idempotencyKey: key() });
    const finder = await newCustomer();
    const canServe = async (amount: bigint) =>
      (
        await finder.api.finder.search({ type: "CASH_OUT", amount, currency: "KES", area: where })
      ).shops.map((s) => s.canServe);
    expect(await canServe(150_000n)).toEqual(["YES"]);
    expect(await canServe(150_001n)).toEqual(["NO"]);

    const customers = await Promise.all(Array.from({ length: 30 }, () => newCustomer(100_000n)));
    const made = await Promise.all(customers.map((c) => reserve(c, agent, 50_000n, "CASH_OUT")));
    const results = await Promise.allSettled(
      made.map((r) => agent.api.finder.accept({ reservationId: r.id, idempotencyKey: key() })),
    );
    expect(tally(results)).toEqual({ OK: 3, UNPROCESSABLE_CONTENT: 27 });
    // KES 100.00 left unpromised: the drawer cannot cover another KES 500.00.
    expect(await canServe(50_000n)).toEqual(["NO"]);
    expect(await inTransaction((tx) => findInvariantViolations(tx))).toEqual([]);
  });

  it("a suspended shop cannot be reserved", async () => {
    const agent = await newAgent(1_000_000n);
    await inTransaction((tx) =>
      tx.agent.update({ where: { id: agent.agentId }, data: { status: "SUSPENDED" } }),
    );
    await expect(reserve(await newCustomer(), agent, 10_000n)).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("finder settings", () => {
  it("an operator's finder.reservationMinutes sets how long an accept holds", async () => {
    const admin = await newAdmin();
    const live = async () =>
      inTransaction((tx) => tx.configVersion.findFirstOrThrow({ orderBy: { version: "desc" } }));
    const before = await live();
    const document = settingsJsonOf(before.settings);
    await admin.api.admin.updateSettings({
      basedOnVersion: before.version,
      settings: { ...document, finder: { reservationMinutes: 10 } },
    });
    try {
      const agent = await newAgent(1_000_000n);
      const made = await reserve(await newCustomer(), agent, 10_000n);
      const start = Date.now();
      const { expiresAt } = await agent.api.finder.accept({
        reservationId: made.id,
        idempotencyKey: key(),
      });
      expect(expiresAt.getTime() - start).toBeGreaterThan(9 * 60_000);
      expect(expiresAt.getTime() - start).toBeLessThanOrEqual(11 * 60_000);
      // Out of bounds: refused with the field named.
      await expect(
        admin.api.admin.updateSettings({
          basedOnVersion: (await live()).version,
          settings: { ...document, finder: { reservationMinutes: 4 } },
        }),
      ).rejects.toMatchObject({ message: expect.stringContaining("finder.reservationMinutes") });
    } finally {
      await admin.api.admin.updateSettings({
        basedOnVersion: (await live()).version,
        settings: document,
      });
    }
  });
});

describe("shop profile", () => {
  it("the owner sets opening hours; the finder says open or closed by them", async () => {
    const agent = await newAgent(1_000_000n);
    const where = area();
    await place(agent, where);
    expect(await agent.api.finder.myShop()).toMatchObject({
      areaName: where,
      placed: true,
      openingHours: null,
    });
    const customer = await newCustomer();
    const openNow = async () =>
      (
        await customer.api.finder.search({
          type: "CASH_IN",
          amount: 1n,
          currency: "KES",
          area: where,
        })
      ).shops[0]!.openNow;
    expect(await openNow()).toBeNull();
    const always = Array.from({ length: 7 }, () => ({ open: 0, close: 1440 }));
    await agent.api.finder.updateMyShop({ openingHours: always });
    expect((await agent.api.finder.myShop()).openingHours).toEqual(always);
    expect(await openNow()).toBe(true);
    await agent.api.finder.updateMyShop({ openingHours: Array.from({ length: 7 }, () => null) });
    expect(await openNow()).toBe(false);
    await expect(
      agent.api.finder.updateMyShop({ openingHours: always.slice(1) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
