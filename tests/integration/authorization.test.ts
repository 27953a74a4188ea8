import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { appRouter } from "../../src/server/api/root";
import { inTransaction } from "../../src/server/db/transaction";
import { insertUser } from "../../src/server/repositories/users";
import type { Actor } from "../../src/server/use-cases/actor";
import { callerFor, key, newAgent, newCustomer, placeOrder, uniquePhone } from "./helpers";

// Every tRPC procedure called as every kind of caller. The table must name each procedure:
// adding one without deciding who may call it fails the first test.
type Persona = "anonymous" | "customer" | "otherCustomer" | "agent" | "suspendedAgent" | "admin";
const PERSONAS: Persona[] = [
  "anonymous",
  "customer",
  "otherCustomer",
  "agent",
  "suspendedAgent",
  "admin",
];

interface Fixture {
  orderId: string;
  cashOutId: string;
  token: string;
}

interface Rule {
  allow: Persona[];
  input: (f: Fixture) => unknown;
}

const CUSTOMER_ONLY: Persona[] = ["customer"];
const ANY_AGENT: Persona[] = ["agent", "suspendedAgent"];

const MATRIX: Record<string, Rule> = {
  "account.signUp": {
    allow: ["anonymous", "customer", "otherCustomer", "agent", "suspendedAgent", "admin"],
    input: () => ({ phone: uniquePhone(), pin: "1234", name: "Matrix" }),
  },
  "customer.overview": { allow: ["customer", "otherCustomer"], input: () => undefined },
  "customer.activity": { allow: ["customer", "otherCustomer"], input: () => ({ limit: 5 }) },
  "customer.quote": {
    allow: ["customer", "otherCustomer"],
    input: () => ({ type: "CASH_OUT", amount: 10_000n, currency: "KES" }),
  },
  "customer.order": { allow: CUSTOMER_ONLY, input: (f) => ({ orderId: f.orderId }) },
  "customer.createOrder": {
    allow: ["customer", "otherCustomer"],
    input: () => ({ type: "CASH_IN", amount: 10_000n, currency: "KES", idempotencyKey: key() }),
  },
  "customer.cancelOrder": {
    allow: CUSTOMER_ONLY,
    input: (f) => ({ orderId: f.orderId, idempotencyKey: key() }),
  },
  "customer.answerApproval": {
    allow: CUSTOMER_ONLY,
    input: (f) => ({ orderId: f.cashOutId, approve: false, idempotencyKey: key() }),
  },
  "agent.overview": { allow: ANY_AGENT, input: () => undefined },
  "agent.history": { allow: ANY_AGENT, input: () => ({ limit: 5 }) },
  "agent.order": { allow: ["agent"], input: (f) => ({ orderId: f.cashOutId }) },
  "agent.claim": { allow: ["agent"], input: (f) => ({ token: f.token }) },
  "agent.confirm": {
    allow: ["agent"],
    input: (f) => ({ orderId: f.cashOutId, idempotencyKey: key() }),
  },
  "agent.decline": {
    allow: ["agent"],
    input: (f) => ({ orderId: f.cashOutId, reason: "matrix", idempotencyKey: key() }),
  },
  // Both parties of an order watch it: its customer and the agent who scanned it.
  "live.order": { allow: ["customer", "agent"], input: (f) => ({ orderId: f.cashOutId }) },
};

const DENIED = new Set(["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"]);

async function callAs(actor: Actor | null, path: string, input: unknown): Promise<string> {
  const [group, name] = path.split(".") as [string, string];
  const api = callerFor(actor) as unknown as Record<
    string,
    Record<string, (i: unknown) => Promise<unknown>>
  >;
  try {
    const result = await api[group]![name]!(input);
    if (result && typeof result === "object" && Symbol.asyncIterator in result) {
      const iterator = (result as AsyncIterable<unknown>)[Symbol.asyncIterator]();
      await iterator.next();
      await iterator.return?.();
    }
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

async function personas(): Promise<Record<Persona, Actor | null> & { fixture: Fixture }> {
  const customer = await newCustomer(1_000_000n);
  const other = await newCustomer(1_000_000n);
  const agent = await newAgent(10_000_000n);
  const suspended = await newAgent(10_000_000n);
  await inTransaction((tx) =>
    tx.agent.update({
      where: { id: suspended.agentId },
      data: { status: "SUSPENDED", suspendedReason: "matrix" },
    }),
  );
  const adminId = crypto.randomUUID();
  await inTransaction((tx) =>
    insertUser(tx, {
      id: adminId,
      role: "ADMIN",
      phone: uniquePhone(),
      name: "Admin",
      pinHash: "x",
    }),
  );
  const order = await placeOrder(customer, "CASH_IN", 10_000n);
  const cashOut = await placeOrder(customer, "CASH_OUT", 10_000n);
  // The agent has claimed the cash-out, so agent-side calls reach their real checks.
  await agent.api.agent.claim({ token: cashOut.token! });
  const spare = await placeOrder(customer, "CASH_IN", 10_000n);
  return {
    anonymous: null,
    customer: customer.actor,
    otherCustomer: other.actor,
    agent: agent.actor,
    suspendedAgent: suspended.actor,
    admin: { userId: adminId, role: "ADMIN", ip: null },
    fixture: { orderId: order.id, cashOutId: cashOut.id, token: spare.token! },
  };
}

describe("authorization matrix", () => {
  it("names every procedure", () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(Object.keys(MATRIX).sort()).toEqual(procedures);
  });

  for (const path of Object.keys(MATRIX)) {
    it(`${path}: only ${MATRIX[path]!.allow.join(", ")}`, async () => {
      const rule = MATRIX[path]!;
      // Fresh callers per procedure: an allowed call (say a decline) must not change what
      // the next procedure sees.
      const who = await personas();
      const seen: Record<string, string> = {};
      for (const persona of PERSONAS) {
        const outcome = await callAs(who[persona], path, rule.input(who.fixture));
        seen[persona] = rule.allow.includes(persona)
          ? DENIED.has(outcome)
            ? `DENIED (${outcome})`
            : "allowed"
          : DENIED.has(outcome)
            ? "denied"
            : `ALLOWED (${outcome})`;
      }
      const expected = Object.fromEntries(
        PERSONAS.map((p) => [p, rule.allow.includes(p) ? "allowed" : "denied"]),
      );
      expect(seen).toEqual(expected);
    });
  }

  it("anonymous callers get UNAUTHORIZED, signed-in wrong roles FORBIDDEN", async () => {
    const who = await personas();
    expect(await callAs(null, "customer.overview", undefined)).toBe("UNAUTHORIZED");
    expect(await callAs(who.agent, "customer.overview", undefined)).toBe("FORBIDDEN");
    expect(await callAs(who.admin, "agent.overview", undefined)).toBe("FORBIDDEN");
    expect(
      await callAs(who.otherCustomer, "customer.order", { orderId: who.fixture.orderId }),
    ).toBe("NOT_FOUND");
  });
});
