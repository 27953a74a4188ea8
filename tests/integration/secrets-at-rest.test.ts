import { describe, expect, it } from "vitest";
import { authorizeCredentials } from "../../src/server/auth/options";
import { resetServerEnv } from "../../src/server/config/env";
import { inTransaction } from "../../src/server/db/transaction";
import { hashPin } from "../../src/server/security/pin";
import { callerFor, key, LEGACY_PIN_1234, newAgent, newCustomer, placeOrder } from "./helpers";

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

async function storedHash(userId: string): Promise<string> {
  const row = await inTransaction((tx) =>
    tx.user.findUniqueOrThrow({ where: { id: userId }, select: { pinHash: true } }),
  );
  return row.pinHash;
}

async function setHash(userId: string, pinHash: string): Promise<void> {
  await inTransaction((tx) => tx.user.update({ where: { id: userId }, data: { pinHash } }));
}

/** The id of the pepper new hashes get right now ("p1" under with-db, "dev" without). */
async function currentPepperId(): Promise<string> {
  const id = /^([a-z0-9]+)\$\$argon2/.exec(await hashPin("0"))?.[1];
  if (!id) throw new Error("new PIN hashes carry no pepper id");
  return id;
}

describe("peppered PIN hashes", () => {
  it("new hashes carry the current pepper's id", async () => {
    const customer = await newCustomer();
    expect(await storedHash(customer.userId)).toMatch(/^[a-z0-9]+\$\$argon2id\$/);
  });

  it("an unpeppered hash from before still signs in, and is upgraded by that sign-in", async () => {
    const customer = await newCustomer();
    await setHash(customer.userId, LEGACY_PIN_1234);
    await expect(
      authorizeCredentials({ phone: customer.phone, pin: "1234", audience: "customer" }),
    ).resolves.toMatchObject({ id: customer.userId });
    const upgraded = await storedHash(customer.userId);
    expect(upgraded.startsWith(`${await currentPepperId()}$$argon2id$`)).toBe(true);
    await expect(
      authorizeCredentials({ phone: customer.phone, pin: "1234", audience: "customer" }),
    ).resolves.toMatchObject({ id: customer.userId });
    expect(await storedHash(customer.userId)).toBe(upgraded);
  });

  it("a wrong PIN leaves an old hash alone", async () => {
    const customer = await newCustomer();
    await setHash(customer.userId, LEGACY_PIN_1234);
    await expect(
      authorizeCredentials({ phone: customer.phone, pin: "9999", audience: "customer" }),
    ).rejects.toThrow("Wrong phone number or PIN");
    expect(await storedHash(customer.userId)).toBe(LEGACY_PIN_1234);
  });

  it("an unpeppered hash is upgraded by a cash-out approval with the PIN too", async () => {
    const customer = await newCustomer(100_000n);
    const agent = await newAgent(100_000n);
    await setHash(customer.userId, LEGACY_PIN_1234);
    const order = await placeOrder(customer, "CASH_OUT", 10_000n);
    await agent.api.agent.claim({ token: order.token! });
    const done = await customer.api.customer.answerApproval({
      orderId: order.id,
      approve: true,
      pin: "1234",
      idempotencyKey: key(),
    });
    expect(done.status).toBe("COMPLETED");
    expect((await storedHash(customer.userId)).startsWith(`${await currentPepperId()}$`)).toBe(
      true,
    );
  });

  it("after a pepper rotation, old-key hashes sign in and move to the new key", async () => {
    const saved = process.env.PIN_PEPPERS;
    try {
      process.env.PIN_PEPPERS = `r1:${"1".repeat(40)}`;
      resetServerEnv();
      const customer = await newCustomer();
      await setHash(customer.userId, await hashPin("2468"));
      expect(await storedHash(customer.userId)).toMatch(/^r1\$/);
      process.env.PIN_PEPPERS = `r2:${"2".repeat(40)},r1:${"1".repeat(40)}`;
      resetServerEnv();
      await expect(
        authorizeCredentials({ phone: customer.phone, pin: "2468", audience: "customer" }),
      ).resolves.toMatchObject({ id: customer.userId });
      expect(await storedHash(customer.userId)).toMatch(/^r2\$\$argon2id\$/);
      // Once r1 is retired, the upgraded hash still signs in.
      process.env.PIN_PEPPERS = `r2:${"2".repeat(40)}`;
      resetServerEnv();
      await expect(
        authorizeCredentials({ phone: customer.phone, pin: "2468", audience: "customer" }),
      ).resolves.toMatchObject({ id: customer.userId });
    } finally {
      if (saved === undefined) delete process.env.PIN_PEPPERS;
      else process.env.PIN_PEPPERS = saved;
      resetServerEnv();
    }
  });
});
