import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { appRouter } from "../../src/server/api/root";
import type { Actor } from "../../src/server/use-cases/actor";
import { callerFor } from "./helpers";
import { MATRIX, PERSONAS, personas } from "./procedures";

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
