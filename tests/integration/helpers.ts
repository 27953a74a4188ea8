import { randomInt, randomUUID } from "node:crypto";
import pg from "pg";
import { appRouter, createCaller } from "../../src/server/api/root";
import { depositFromSettlement } from "../../src/server/db/seed";
import { inTransaction } from "../../src/server/db/transaction";
import { ensureUserAccount } from "../../src/server/repositories/accounts";
import { insertAgent, insertUser } from "../../src/server/repositories/users";
import { hashPin } from "../../src/server/security/pin";
import { type OtpSender, setOtpSender } from "../../src/server/sms/otp-sender";
import type { Actor } from "../../src/server/use-cases/actor";

export { appRouter };

// Hashing is not under test here: "1234" is hashed (with the current pepper) once per file
// and every test user shares that hash, which keeps setup fast.
let pin1234: Promise<string> | undefined;
export function hashOf1234(): Promise<string> {
  pin1234 ??= hashPin("1234");
  return pin1234;
}

/** An argon2 hash of "1234" from before PIN peppers (how PINs were stored until issue 8). */
export const LEGACY_PIN_1234 =
  "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$E/4dTxxhtsDeiYgvRBqRxyC7IJ9jaR4ywszVocQ+4aw";

/** Every SMS the server sends during a test file, newest last (no gateway is called). */
export const outbox: { phone: string; message: string }[] = [];
const recordingSender: OtpSender = {
  async send(phone, message) {
    outbox.push({ phone, message });
  },
};
setOtpSender(recordingSender);

export function lastSmsTo(phone: string): string | undefined {
  return outbox.findLast((m) => m.phone === phone)?.message;
}

/** The 6-digit code in the last SMS to this number. */
export function codeSentTo(phone: string): string {
  const code = /\b(\d{6})\b/.exec(lastSmsTo(phone) ?? "")?.[1];
  if (!code) throw new Error(`no code was sent to ${phone}`);
  return code;
}

/** A caller from an address of its own (per-IP limits do not carry over between tests). */
export function callerFromNewIp(actor: Actor | null = null) {
  return createCaller({
    actor,
    ip: `10.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`,
  });
}

/** A customer signs up the way the app does: code by SMS, the code, then name and PIN. */
export async function signUpWithCode(phone: string, pin: string, name: string) {
  const api = callerFromNewIp();
  const { codeId } = await api.account.requestSignUpCode({ phone });
  const { ticket } = await api.account.verifySignUpCode({ codeId, code: codeSentTo(phone) });
  return api.account.signUp({ ticket, pin, name });
}

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
  const pinHash = await hashOf1234();
  await inTransaction(async (tx) => {
    await insertUser(tx, {
      id: userId,
      role: "CUSTOMER",
      phone,
      name: "Test Customer",
      pinHash,
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
  const pinHash = await hashOf1234();
  const phone = uniquePhone();
  await inTransaction(async (tx) => {
    await insertUser(tx, {
      id: userId,
      role: "AGENT",
      phone,
      name: "Test Agent",
      pinHash,
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

/** A shop assistant the agent (the shop's owner) adds through the API; PIN 1234. */
export async function newAssistant(
  agent: { api: ReturnType<typeof callerFor> },
  name = "Test Assistant",
) {
  const phone = uniquePhone();
  const { userId } = await agent.api.agent.addAssistant({ name, phone, pin: "1234" });
  const actor: Actor = { userId, role: "ASSISTANT", ip: "127.0.0.1" };
  return { userId, phone, actor, api: callerFor(actor) };
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

/**
 * Serves an order through the real use cases: the agent scans it, then the customer's
 * approval (PIN 1234) executes a cash-out and the agent's confirm a cash-in.
 */
export async function serveOrder(
  agent: { api: ReturnType<typeof callerFor> },
  customer: { api: ReturnType<typeof callerFor> },
  order: { id: string; token: string | null },
) {
  const claimed = await agent.api.agent.claim({ token: order.token! });
  if (claimed.type === "CASH_OUT") {
    await customer.api.customer.answerApproval({
      orderId: order.id,
      approve: true,
      pin: "1234",
      idempotencyKey: key(),
    });
  } else {
    await agent.api.agent.confirm({ orderId: order.id, idempotencyKey: key() });
  }
  return claimed;
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

/**
 * Runs SQL as the schema's owner (the role that migrates), not as the app's login: for what
 * the app may not do, such as proving that even the owner cannot edit the journal.
 */
export async function asOwner<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
