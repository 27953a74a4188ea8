// One order, end to end, as the phone and the tablet make it over HTTP:
//   cash-in:  customer.createOrder -> agent.claim (the QR's token) -> agent.confirm
//   cash-out: customer.createOrder -> agent.claim -> customer.answerApproval (PIN)
// With `watch`, the customer's page follows the order on its live stream (live.order) from
// the moment the QR is shown, and the time from sending the executing call (the agent's
// confirm, or the customer's approval) to the phone's stream showing COMPLETED is recorded.
import { randomUUID } from "node:crypto";
import { CallError, type Json, type OrderStream, type Session } from "./http";
import type { CallTimes } from "./stats";

export interface Customer {
  session: Session;
  phone: string;
  pin: string;
  userId: string;
}

export interface Agent {
  session: Session;
  phone: string;
  agentId: string;
}

export type OrderType = "CASH_IN" | "CASH_OUT";

export interface OrderOutcome {
  ok: boolean;
  calls: CallTimes;
  /** The call that failed, and why. */
  failedCall?: string;
  error?: string;
}

/** Minor units (KES cents) per order: KES 100 by default. */
export const ORDER_AMOUNT = BigInt(process.env.ORDER_AMOUNT ?? 10_000);

async function timed(calls: CallTimes, name: string, work: () => Promise<Json>): Promise<Json> {
  const t0 = performance.now();
  const result = await work();
  calls.push([name, performance.now() - t0]);
  return result;
}

export async function runOrder(
  type: OrderType,
  customer: Customer,
  agent: Agent,
  watch: boolean,
  amount = ORDER_AMOUNT,
): Promise<OrderOutcome> {
  const calls: CallTimes = [];
  let step = "customer.createOrder";
  let stream: OrderStream | null = null;
  try {
    const order = await timed(calls, step, () =>
      customer.session.call(step, {
        type,
        amount,
        currency: "KES",
        idempotencyKey: randomUUID(),
      }),
    );
    if (watch) {
      step = "live.order (first copy)";
      const t0 = performance.now();
      stream = customer.session.watchOrder(order.id);
      calls.push([step, (await stream.opened) - t0]);
    }
    step = "agent.claim";
    await timed(calls, step, () => agent.session.call(step, { token: order.token }));
    const execute = type === "CASH_IN" ? "agent.confirm" : "customer.answerApproval";
    step = execute;
    const sentAt = performance.now();
    const done = await timed(calls, step, () =>
      type === "CASH_IN"
        ? agent.session.call(step, { orderId: order.id, idempotencyKey: randomUUID() })
        : customer.session.call(step, {
            orderId: order.id,
            approve: true,
            pin: customer.pin,
            idempotencyKey: randomUUID(),
          }),
    );
    if (done.status !== "COMPLETED") {
      throw new Error(`${execute} answered ${done.status}`);
    }
    if (stream) {
      step = "phone sees COMPLETED";
      const seenAt = await stream.waitFor("COMPLETED");
      calls.push([
        type === "CASH_IN" ? "confirm -> phone COMPLETED" : "approve -> phone COMPLETED",
        seenAt - sentAt,
      ]);
    }
    return { ok: true, calls };
  } catch (error) {
    const message =
      error instanceof CallError
        ? `${error.status} ${error.code ?? ""} ${error.message}`.replace(/\s+/g, " ")
        : error instanceof Error
          ? error.message
          : String(error);
    return { ok: false, calls, failedCall: step, error: message };
  } finally {
    stream?.close();
  }
}
