import { describe, expect, it } from "vitest";
import type { DomainError } from "../../src/domain/errors";
import { tierLimits } from "../../src/domain/limits";
import { quote } from "../../src/domain/pricing";
import { inTransaction } from "../../src/server/db/transaction";
import { findInvariantViolations } from "../../src/server/repositories/invariants";
import { currentSettings } from "../../src/server/repositories/settings";
import { balances, fund, key, newAgent, newCustomer, placeOrder } from "./helpers";

// A customer firing many orders at once (a double-tapping phone, a script) must get exactly
// the orders that fit the tier's limits, as if they had come one after another. The numbers
// are read from the current settings (another test may have changed fees), and only the
// count of accepted orders is asserted, never a commission.

const BURST = 15;

async function tier1() {
  const { settings } = await inTransaction((tx) => currentSettings(tx));
  return { settings, limits: tierLimits(settings, 1) };
}

/** The domain codes of the refusals; a failure that is not a refusal fails the test. */
function refusalCodes(results: PromiseSettledResult<unknown>[]): string[] {
  const codes: string[] = [];
  for (const r of results) {
    if (r.status === "fulfilled") continue;
    const error = r.reason as { code?: string; message: string; cause?: unknown };
    expect(error.code, error.message).not.toBe("INTERNAL_SERVER_ERROR");
    const domain = error.cause as DomainError | undefined;
    expect(domain?.code, error.message).toBeDefined();
    codes.push(domain!.code);
  }
  return codes;
}

function accepted(results: PromiseSettledResult<unknown>[]): number {
  return results.filter((r) => r.status === "fulfilled").length;
}

async function expectBooksBalanced() {
  expect(await inTransaction((tx) => findInvariantViolations(tx))).toEqual([]);
}

async function pendingOf(userId: string) {
  return inTransaction((tx) =>
    tx.order.findMany({
      where: { customerId: userId, status: { in: ["PENDING", "CLAIMED", "APPROVED"] } },
      select: { id: true, type: true, amount: true, fee: true },
    }),
  );
}

describe("limits under a burst of creates by one customer", () => {
  it(`${BURST} cash-ins of the largest amount: exactly those within the daily limit`, async () => {
    const { settings, limits } = await tier1();
    const customer = await newCustomer();
    const amount = limits.perOrderMax;
    const { walletDelta } = quote("CASH_IN", amount, settings);
    const expected = Math.min(
      Number(limits.perDay / amount),
      Number(limits.maxBalance / walletDelta),
      BURST,
    );
    expect(expected).toBeLessThan(BURST);

    const results = await Promise.allSettled(
      Array.from({ length: BURST }, () => placeOrder(customer, "CASH_IN", amount)),
    );
    expect(accepted(results)).toBe(expected);
    const codes = refusalCodes(results);
    expect(codes).toHaveLength(BURST - expected);
    for (const code of codes) expect(code).toBe("LIMIT_EXCEEDED");
    expect(await pendingOf(customer.userId)).toHaveLength(expected);
    await expectBooksBalanced();
  });

  it(`${BURST} cash-ins near the wallet's maximum balance: exactly those that fit`, async () => {
    const { settings, limits } = await tier1();
    const customer = await newCustomer();
    // Room for a few small cash-ins, well inside the daily limit.
    const amount = limits.perOrderMin * 10n;
    const { walletDelta } = quote("CASH_IN", amount, settings);
    const room = walletDelta * 3n + walletDelta / 2n;
    await fund(customer.userId, limits.maxBalance - room);
    const expected = Number(room / walletDelta);
    expect(BigInt(BURST) * amount).toBeLessThanOrEqual(limits.perDay);

    const results = await Promise.allSettled(
      Array.from({ length: BURST }, () => placeOrder(customer, "CASH_IN", amount)),
    );
    expect(accepted(results)).toBe(expected);
    const codes = refusalCodes(results);
    for (const code of codes) expect(code).toBe("LIMIT_EXCEEDED");

    // Executing them all lands the wallet at or under the maximum.
    const agent = await newAgent(limits.maxBalance);
    for (const r of results) {
      if (r.status !== "fulfilled") continue;
      await agent.api.agent.claim({ token: r.value.token! });
      await agent.api.agent.confirm({ orderId: r.value.id, idempotencyKey: key() });
    }
    const wallet = (await balances(customer.userId)).WALLET!;
    expect(wallet.balance).toBe(limits.maxBalance - room + walletDelta * BigInt(expected));
    expect(wallet.balance).toBeLessThanOrEqual(limits.maxBalance);
    await expectBooksBalanced();
  });

  it(`${BURST} cash-outs against the balance: exactly those the balance covers`, async () => {
    const { settings, limits } = await tier1();
    const customer = await newCustomer();
    const amount = limits.perOrderMin * 20n;
    const needed = -quote("CASH_OUT", amount, settings).walletDelta;
    const balance = needed * 4n + needed / 3n;
    await fund(customer.userId, balance);
    const expected = 4;
    expect(BigInt(BURST) * amount).toBeLessThanOrEqual(limits.perDay);

    const results = await Promise.allSettled(
      Array.from({ length: BURST }, () => placeOrder(customer, "CASH_OUT", amount)),
    );
    expect(accepted(results)).toBe(expected);
    for (const code of refusalCodes(results)) expect(code).toBe("INSUFFICIENT_BALANCE");
    expect(await balances(customer.userId)).toEqual({
      WALLET: { balance, onHold: needed * BigInt(expected) },
    });
    await expectBooksBalanced();
  });

  it(`${BURST} cash-outs of the largest amount from a full wallet: the daily limit holds`, async () => {
    const { settings, limits } = await tier1();
    const customer = await newCustomer();
    const amount = limits.perOrderMax;
    const needed = -quote("CASH_OUT", amount, settings).walletDelta;
    // The balance would cover more orders than the daily limit allows.
    const expected = Number(limits.perDay / amount);
    await fund(customer.userId, needed * BigInt(expected + 3));

    const results = await Promise.allSettled(
      Array.from({ length: BURST }, () => placeOrder(customer, "CASH_OUT", amount)),
    );
    expect(accepted(results)).toBe(expected);
    for (const code of refusalCodes(results)) expect(code).toBe("LIMIT_EXCEEDED");
    expect((await balances(customer.userId)).WALLET!.onHold).toBe(needed * BigInt(expected));
    await expectBooksBalanced();
  });

  it("cash-ins and cash-outs mixed: the daily limit counts both", async () => {
    const { settings, limits } = await tier1();
    const customer = await newCustomer();
    const amount = limits.perOrderMax;
    const needed = -quote("CASH_OUT", amount, settings).walletDelta;
    // Enough for the cash-outs that fit the day, and room under the maximum for the cash-ins.
    await fund(customer.userId, needed * 2n);
    const expected = Number(limits.perDay / amount);

    const results = await Promise.allSettled(
      Array.from({ length: BURST }, (_, i) =>
        placeOrder(customer, i % 2 === 0 ? "CASH_IN" : "CASH_OUT", amount),
      ),
    );
    expect(accepted(results)).toBe(expected);
    for (const code of refusalCodes(results)) expect(code).toBe("LIMIT_EXCEEDED");
    await expectBooksBalanced();
  });

  it("cash-ins created while earlier ones are confirmed never push the wallet over its maximum", async () => {
    // A confirm that commits between reading the pending cash-ins and reading the balance
    // would make an order count neither as pending nor as balance.
    const { settings, limits } = await tier1();
    const amount = limits.perOrderMin * 10n;
    const { walletDelta } = quote("CASH_IN", amount, settings);
    const agent = await newAgent(limits.maxBalance * 4n);
    for (let round = 0; round < 3; round++) {
      const customer = await newCustomer();
      const room = walletDelta * 4n;
      await fund(customer.userId, limits.maxBalance - room);
      const first = await Promise.all(
        Array.from({ length: 3 }, () => placeOrder(customer, "CASH_IN", amount)),
      );
      for (const o of first) await agent.api.agent.claim({ token: o.token! });
      const results = await Promise.allSettled([
        ...first.map((o) => agent.api.agent.confirm({ orderId: o.id, idempotencyKey: key() })),
        ...Array.from({ length: 6 }, () => placeOrder(customer, "CASH_IN", amount)),
      ]);
      for (const code of refusalCodes(results)) expect(code).toBe("LIMIT_EXCEEDED");
      const wallet = (await balances(customer.userId)).WALLET!.balance;
      const pendingIn = (await pendingOf(customer.userId)).reduce(
        (sum, o) => sum + o.amount - o.fee,
        0n,
      );
      expect(wallet + pendingIn).toBeLessThanOrEqual(limits.maxBalance);
      // Exactly one more fitted next to the three that were confirmed.
      expect(accepted(results)).toBe(3 + 1);
    }
    await expectBooksBalanced();
  });
});
