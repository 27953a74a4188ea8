// The HTTP load and the after-the-fact checks shared by the crash test (crash.ts) and the
// failover drill (failover.ts): virtual customers sign up and drive cash-ins and cash-outs
// against demo agents, retrying network failures and 5xx with the same idempotency keys as
// the app does; afterwards every acknowledged order must exist, every acknowledged confirm
// must be COMPLETED with exactly one journal entry, and the ledger invariants must hold.
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { inTransaction } from "../../src/server/db/transaction";
import { findInvariantViolations } from "../../src/server/repositories/invariants";
import { ApiClient, ApiError } from "./http-client";

export interface LoadStats {
  ordersStarted: number;
  createsAcked: string[];
  confirmsAcked: string[];
  refusals: number;
  retries: number;
  /** When each acknowledged create's successful attempt was sent and answered (ms epoch). */
  createAcks: { sentAt: number; at: number }[];
}

export interface OrderLoad {
  stats: LoadStats;
  worker(index: number, agent: ApiClient): Promise<void>;
  stop(): void;
}

async function sleep(ms: number) {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

function codeSentTo(outboxFile: string, phone: string): string {
  const lines = existsSync(outboxFile) ? readFileSync(outboxFile, "utf8").trim().split("\n") : [];
  const sms = lines.map((l) => JSON.parse(l) as { phone: string; message: string });
  const code = /\b(\d{6})\b/.exec(sms.findLast((m) => m.phone === phone)?.message ?? "")?.[1];
  if (!code) throw new Error(`no code was sent to ${phone}`);
  return code;
}

interface View {
  id: string;
  token: string | null;
  status: string;
}

/**
 * `base`: the server; `outboxFile`: the console SMS sender's outbox (sign-up codes);
 * `addressPrefix`: the first three octets of the simulated phones' addresses.
 */
export function orderLoad(base: string, outboxFile: string, addressPrefix = "10.77.0"): OrderLoad {
  const stats: LoadStats = {
    ordersStarted: 0,
    createsAcked: [],
    confirmsAcked: [],
    refusals: 0,
    retries: 0,
    createAcks: [],
  };
  let stopping = false;

  /** Retries network failures and 5xx with the same input until the deadline; 4xx are answers. */
  async function retrying<T>(work: () => Promise<T>): Promise<{ value: T; sentAt: number }> {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const sentAt = Date.now();
      try {
        return { value: await work(), sentAt };
      } catch (error) {
        if (error instanceof ApiError && error.status < 500) throw error;
        if (Date.now() > deadline) throw error;
        stats.retries++;
        await sleep(250);
      }
    }
  }
  const retried = async <T>(work: () => Promise<T>) => (await retrying(work)).value;

  async function worker(index: number, agent: ApiClient): Promise<void> {
    // Each phone from its own address, as in the field: 12 behind one would hit the per-IP
    // sign-up code limit (10 an hour), which is not what this test is about.
    const customer = new ApiClient(base, `${addressPrefix}.${index + 1}`);
    const phone = `+2556${String(index).padStart(2, "0")}${String(Date.now() % 1e6).padStart(6, "0")}`;
    const { codeId } = await retried(() =>
      customer.call<{ codeId: string }>("account.requestSignUpCode", { phone }),
    );
    const { ticket } = await retried(() =>
      customer.call<{ ticket: string }>("account.verifySignUpCode", {
        codeId,
        code: codeSentTo(outboxFile, phone),
      }),
    );
    await retried(() =>
      customer.call("account.signUp", { ticket, pin: "1234", name: `Load ${index}` }),
    );
    await retried(() => customer.signIn(phone, "1234", "customer"));
    let round = 0;
    while (!stopping) {
      const type = round++ % 3 === 2 ? "CASH_OUT" : "CASH_IN";
      stats.ordersStarted++;
      try {
        const createKey = randomUUID();
        const created = await retrying(() =>
          customer.call<View>("customer.createOrder", {
            type,
            amount: 10_000n,
            currency: "KES",
            idempotencyKey: createKey,
          }),
        );
        const order = created.value;
        stats.createsAcked.push(order.id);
        stats.createAcks.push({ sentAt: created.sentAt, at: Date.now() });
        await retried(() => agent.call("agent.claim", { token: order.token }));
        // The customer's approval executes a cash-out; the agent's confirm a cash-in.
        const executeKey = randomUUID();
        const done = await retried(() =>
          type === "CASH_OUT"
            ? customer.call<View>("customer.answerApproval", {
                orderId: order.id,
                approve: true,
                pin: "1234",
                idempotencyKey: executeKey,
              })
            : agent.call<View>("agent.confirm", { orderId: order.id, idempotencyKey: executeKey }),
        );
        if (done.status !== "COMPLETED") throw new Error(`confirm acknowledged ${done.status}`);
        stats.confirmsAcked.push(order.id);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        stats.refusals++;
      }
    }
  }

  return {
    stats,
    worker,
    stop: () => {
      stopping = true;
    },
  };
}

/**
 * What must hold after the load, read through the app's own client (DATABASE_URL): every
 * acknowledged order exists, every acknowledged confirm is COMPLETED with exactly one
 * journal entry, and the ledger invariants hold.
 */
export async function checkAcknowledged(stats: LoadStats): Promise<string[]> {
  const problems: string[] = [];
  // The load's database holds only the load's orders: one more than acknowledged would be a
  // retried create that made a second order, one more completed a confirm nobody heard of.
  if (new Set(stats.createsAcked).size !== stats.createsAcked.length) {
    problems.push("one order id was acknowledged for two creates");
  }
  await inTransaction(async (tx) => {
    const created = await tx.order.count({ where: { id: { in: stats.createsAcked } } });
    if (created !== stats.createsAcked.length) {
      problems.push(`${stats.createsAcked.length - created} acknowledged orders are missing`);
    }
    const completed = await tx.order.findMany({
      where: { id: { in: stats.confirmsAcked } },
      select: { id: true, status: true, _count: { select: { journalEntries: true } } },
    });
    for (const o of completed) {
      if (o.status !== "COMPLETED" || o._count.journalEntries !== 1) {
        problems.push(
          `acknowledged confirm ${o.id} is ${o.status} with ${o._count.journalEntries} entries`,
        );
      }
    }
    if (completed.length !== stats.confirmsAcked.length)
      problems.push("acknowledged confirms are missing");
    const all = await tx.order.count();
    if (all !== new Set(stats.createsAcked).size) {
      problems.push(`${all} orders in the database, ${stats.createsAcked.length} acknowledged`);
    }
    const allCompleted = await tx.order.count({ where: { status: "COMPLETED" } });
    if (allCompleted !== stats.confirmsAcked.length) {
      problems.push(`${allCompleted} completed orders, ${stats.confirmsAcked.length} acknowledged`);
    }
    for (const v of await findInvariantViolations(tx)) problems.push(`${v.rule}: ${v.detail}`);
  });
  return problems;
}
