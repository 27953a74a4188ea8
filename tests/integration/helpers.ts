import { randomInt, randomUUID } from "node:crypto";
import { appRouter, createCaller } from "../../src/server/api/root";
import { depositFromSettlement } from "../../src/server/db/seed";
import { inTransaction } from "../../src/server/db/transaction";
import { ensureUserAccount } from "../../src/server/repositories/accounts";
import { insertAgent, insertUser } from "../../src/server/repositories/users";
import type { Actor } from "../../src/server/use-cases/actor";

export { appRouter };

// Hashing is not under test here; a fixed argon2 hash of "1234" keeps setup fast.
export const PIN_1234 =
  "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$E/4dTxxhtsDeiYgvRBqRxyC7IJ9jaR4ywszVocQ+4aw";

export function uniquePhone(): string {
  return `+2547${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
}

export function key(): string {
  return randomUUID();
}

/** `signal` plays the part of the HTTP request: aborting it is the browser going away. */
export function callerFor(actor: Actor | null, signal?: AbortSignal) {
  return createCaller({ actor, ip: "127.0.0.1" }, signal ? { signal } : undefined);
}

/** Adds money to a customer's wallet from the platform's settlement account. */
export async function fund(userId: string, amount: bigint): Promise<void> {
  await inTransaction(async (tx) => {
    const wallet = await ensureUserAccount(tx, userId, "WALLET", "KES");
    await depositFromSettlement(tx, wallet, amount, "TEST_FUNDING", "test balance");
  });
}

export async function newCustomer(balance = 0n) {
  const userId = randomUUID();
  const phone = uniquePhone();
  await inTransaction(async (tx) => {
    await insertUser(tx, {
      id: userId,
      role: "CUSTOMER",
      phone,
      name: "Test Customer",
      pinHash: PIN_1234,
    });
    const wallet = await ensureUserAccount(tx, userId, "WALLET", "KES");
    if (balance > 0n)
      await depositFromSettlement(tx, wallet, balance, "TEST_FUNDING", "test balance");
  });
  const actor: Actor = { userId, role: "CUSTOMER", ip: "127.0.0.1" };
  return { userId, phone, actor, api: callerFor(actor) };
}

export async function newAgent(float = 0n, shopName = "Test Shop", commissionPlan = "STANDARD") {
  const userId = randomUUID();
  const agentId = randomUUID();
  const phone = uniquePhone();
  await inTransaction(async (tx) => {
    await insertUser(tx, {
      id: userId,
      role: "AGENT",
      phone,
      name: "Test Agent",
      pinHash: PIN_1234,
    });
    await insertAgent(tx, {
      id: agentId,
      userId,
      shopName,
      locationText: "Test street",
      commissionPlan,
    });
    const floatAccount = await ensureUserAccount(tx, userId, "FLOAT", "KES");
    await ensureUserAccount(tx, userId, "COMMISSION", "KES");
    if (float > 0n)
      await depositFromSettlement(tx, floatAccount, float, "FLOAT_FUNDING", "test float");
  });
  const actor: Actor = { userId, role: "AGENT", ip: "127.0.0.1" };
  return { userId, agentId, phone, actor, api: callerFor(actor) };
}

/** A customer's order in KES with a fresh idempotency key. */
export function placeOrder(
  customer: { api: ReturnType<typeof callerFor> },
  type: "CASH_IN" | "CASH_OUT",
  amount: bigint,
) {
  return customer.api.customer.createOrder({
    type,
    amount,
    currency: "KES",
    idempotencyKey: key(),
  });
}

/** Moves an order's expiry into the past: time passing, without waiting for it. */
export async function makeExpired(orderId: string): Promise<void> {
  await inTransaction(
    (tx) =>
      tx.$executeRaw`UPDATE orders SET expires_at = now() - interval '1 second' WHERE id = ${orderId}::uuid`,
  );
}

export async function balances(userId: string) {
  const rows = await inTransaction((tx) =>
    tx.account.findMany({ where: { userId }, select: { kind: true, balance: true, onHold: true } }),
  );
  return Object.fromEntries(rows.map((r) => [r.kind, { balance: r.balance, onHold: r.onHold }]));
}

/** An operator (ADMIN) calling the API directly. */
export async function newAdmin() {
  const userId = crypto.randomUUID();
  await inTransaction((tx) =>
    insertUser(tx, {
      id: userId,
      role: "ADMIN",
      phone: uniquePhone(),
      name: "Operator",
      pinHash: "x",
    }),
  );
  const actor: Actor = { userId, role: "ADMIN", ip: "10.0.0.1" };
  return { userId, actor, api: callerFor(actor) };
}
