import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { inTransaction } from "../../src/server/db/transaction";
import { activeOrderListeners } from "../../src/server/realtime/order-changes";
import type { Actor } from "../../src/server/use-cases/actor";
import { callerFor, newAgent, newCustomer, placeOrder } from "./helpers";

type View = { status: string };

/**
 * One live.order stream as the HTTP adapter drives it: the caller's signal stands for the
 * request, and `close` is the browser going away while the server waits for a change.
 */
async function openStream(actor: Actor, input: { orderId: string; lastEventId?: string }) {
  const controller = new AbortController();
  const stream = await callerFor(actor, controller.signal).live.order(input);
  const iterator = stream[Symbol.asyncIterator]();
  // Server-side callers get tracked() envelopes as [eventId, data].
  const next = async (): Promise<View | null> => {
    const step = await iterator.next();
    return step.done ? null : (step.value as unknown as [string, View])[1];
  };
  const close = async () => {
    // The adapter always waits for the next event, so the abort lands mid-wait.
    const waiting = iterator.next();
    controller.abort();
    let step = await waiting;
    // A change that was already due is still delivered; the step after it is the end.
    if (!step.done) step = await iterator.next();
    expect(step.done).toBe(true);
  };
  return { next, close };
}

/** Runs `count` calls of `fn`, `width` at a time. */
async function inWaves(count: number, width: number, fn: (i: number) => Promise<void>) {
  for (let start = 0; start < count; start += width) {
    const wave = [];
    for (let i = start; i < Math.min(count, start + width); i++) wave.push(fn(i));
    await Promise.all(wave);
  }
}

function trpcCode(error: unknown): string | undefined {
  return error instanceof TRPCError ? error.code : undefined;
}

describe("live order streams hold no listener they do not need", () => {
  it("thousands of refused streams leave no listener behind", async () => {
    const owner = await newCustomer();
    const stranger = await newCustomer();
    const order = await placeOrder(owner, "CASH_IN", 10_000n);
    const before = activeOrderListeners();
    await inWaves(2_000, 20, async (i) => {
      // Half someone else's order, half an order that does not exist.
      const orderId = i % 2 === 0 ? order.id : randomUUID();
      const stream = await openStream(stranger.actor, { orderId });
      await expect(stream.next()).rejects.toThrow(/could not find/);
    });
    expect(activeOrderListeners()).toBe(before);
    expect(before).toBe(0);
  });

  it("thousands of opened then abandoned streams give their listeners back", async () => {
    const customer = await newCustomer();
    const order = await placeOrder(customer, "CASH_IN", 10_000n);
    await inWaves(2_000, 20, async () => {
      const stream = await openStream(customer.actor, { orderId: order.id });
      expect((await stream.next())?.status).toBe("PENDING");
      await stream.close();
    });
    expect(activeOrderListeners()).toBe(0);
  });

  it("a stream ended by the consumer while idle releases its listener", async () => {
    const customer = await newCustomer();
    const order = await placeOrder(customer, "CASH_IN", 10_000n);
    const controller = new AbortController();
    const stream = await callerFor(customer.actor, controller.signal).live.order({
      orderId: order.id,
    });
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    expect(activeOrderListeners()).toBe(1);
    await iterator.return?.();
    expect(activeOrderListeners()).toBe(0);
  });
});

describe("open streams per user are capped", () => {
  it("the 21st stream is refused with TOO_MANY_REQUESTS and closing one frees a slot", async () => {
    const customer = await newCustomer();
    const other = await newCustomer();
    const order = await placeOrder(customer, "CASH_IN", 10_000n);
    const otherOrder = await placeOrder(other, "CASH_IN", 10_000n);
    const open = [];
    for (let i = 0; i < 20; i++) {
      const stream = await openStream(customer.actor, { orderId: order.id });
      expect((await stream.next())?.status).toBe("PENDING");
      open.push(stream);
    }
    const extra = await openStream(customer.actor, { orderId: order.id });
    const refusal = await extra.next().catch((error: unknown) => error);
    expect(trpcCode(refusal)).toBe("TOO_MANY_REQUESTS");
    expect((refusal as Error).message).toMatch(/too many/i);

    // Someone else's streams are not counted against this customer.
    const theirs = await openStream(other.actor, { orderId: otherOrder.id });
    expect((await theirs.next())?.status).toBe("PENDING");
    await theirs.close();

    await open.pop()!.close();
    const again = await openStream(customer.actor, { orderId: order.id });
    expect((await again.next())?.status).toBe("PENDING");
    open.push(again);

    for (const stream of open) await stream.close();
    expect(activeOrderListeners()).toBe(0);
  });
});

describe("live streams survive a lost listening connection", () => {
  it("a stream opened with lastEventId (a reconnecting browser) is accepted", async () => {
    const customer = await newCustomer();
    const order = await placeOrder(customer, "CASH_IN", 10_000n);
    const stream = await openStream(customer.actor, {
      orderId: order.id,
      lastEventId: "1767225600000-3",
    });
    expect((await stream.next())?.status).toBe("PENDING");
    await stream.close();
    // Bounded like every other input: refused before the stream starts.
    const tooLong = await callerFor(customer.actor)
      .live.order({ orderId: order.id, lastEventId: "x".repeat(1_000) })
      .catch((e: unknown) => e);
    expect(trpcCode(tooLong)).toBe("BAD_REQUEST");
  });

  it("after pg_terminate_backend on the listener, the stream still sees the claim", async () => {
    const customer = await newCustomer();
    const agent = await newAgent(1_000_000n);
    const order = await placeOrder(customer, "CASH_IN", 10_000n);
    const stream = await openStream(customer.actor, { orderId: order.id });
    expect((await stream.next())?.status).toBe("PENDING");

    const killed = await inTransaction(
      (tx) => tx.$queryRaw<{ pid: number }[]>`
        SELECT pid FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND query ILIKE 'LISTEN%'
          AND pg_terminate_backend(pid)`,
    );
    expect(killed.length).toBeGreaterThan(0);
    // The notification of this claim goes nowhere: no connection is listening.
    await agent.api.agent.claim({ token: order.token! });

    const deadline = Date.now() + 2_000;
    let status: string | undefined;
    while (status !== "CLAIMED") {
      const left = deadline - Date.now();
      if (left <= 0) break;
      const view = await Promise.race([
        stream.next(),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), left)),
      ]);
      if (!view) break;
      status = view.status;
    }
    expect(status).toBe("CLAIMED");
    await stream.close();
    expect(activeOrderListeners()).toBe(0);
  });
});
