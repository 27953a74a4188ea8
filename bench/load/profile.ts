// What each call costs at the wire, one call at a time: orders run one after another with
// nothing else on the server, and the wire proxy's counts are read around every call. The
// median over a few orders keeps a stray expiry sweep out of the figures. With the phone's
// stream open, a call's figure includes the re-read it causes on the stream.
import { randomUUID } from "node:crypto";
import type { Agent, Customer, OrderType } from "./flows";
import { ORDER_AMOUNT } from "./flows";
import type { Json, OrderStream } from "./http";
import { BOOKKEEPING_KINDS, diffCounts } from "./wire-protocol";
import type { WireProxy } from "./wire-proxy";

export interface CallCost {
  statements: number;
  bookkeeping: number;
  transactions: number;
  roundTrips: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function profileCalls(
  proxy: WireProxy,
  customer: Customer,
  agent: Agent,
  orders: number,
): Promise<Record<string, CallCost>> {
  const samples = new Map<string, CallCost[]>();
  const measure = async (name: string, streaming: boolean, work: () => Promise<Json>) => {
    const before = await proxy.counts();
    const result = await work();
    // A stream re-reads the order after the call's commit: let it finish before counting.
    if (streaming) await pause(250);
    const d = diffCounts(await proxy.counts(), before);
    const list = samples.get(name) ?? [];
    list.push({
      statements: d.statements,
      bookkeeping: BOOKKEEPING_KINDS.reduce((s, k) => s + d.byKind[k], 0),
      // Explicit transactions; single statements outside one are counted by pg_stat only.
      transactions: d.byKind.begin,
      roundTrips: d.roundTrips,
    });
    samples.set(name, list);
    return result;
  };
  const one = async (type: OrderType, watch: boolean) => {
    const tag = watch ? " + phone's stream" : "";
    const order = await measure(`customer.createOrder ${type}`, false, () =>
      customer.session.call("customer.createOrder", {
        type,
        amount: ORDER_AMOUNT,
        currency: "KES",
        idempotencyKey: randomUUID(),
      }),
    );
    let stream: OrderStream | null = null;
    if (watch) {
      const s = customer.session.watchOrder(order.id);
      stream = s;
      await measure("live.order (open, first copy)", true, () => s.opened);
    }
    await measure(`agent.claim ${type}${tag}`, watch, () =>
      agent.session.call("agent.claim", { token: order.token }),
    );
    if (type === "CASH_IN") {
      await measure(`agent.confirm${tag}`, watch, () =>
        agent.session.call("agent.confirm", { orderId: order.id, idempotencyKey: randomUUID() }),
      );
    } else {
      await measure(`customer.answerApproval${tag}`, watch, () =>
        customer.session.call("customer.answerApproval", {
          orderId: order.id,
          approve: true,
          pin: customer.pin,
          idempotencyKey: randomUUID(),
        }),
      );
    }
    if (stream) {
      await stream.waitFor("COMPLETED");
      stream.close();
    }
  };
  for (let i = 0; i < orders; i++) {
    await one("CASH_IN", false);
    await one("CASH_OUT", false);
    await one("CASH_IN", true);
  }
  const out: Record<string, CallCost> = {};
  for (const [name, list] of samples) {
    out[name] = {
      statements: median(list.map((c) => c.statements)),
      bookkeeping: median(list.map((c) => c.bookkeeping)),
      transactions: median(list.map((c) => c.transactions)),
      roundTrips: median(list.map((c) => c.roundTrips)),
    };
  }
  return out;
}
