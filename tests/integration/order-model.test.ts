import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commissionFor, quote } from "../../src/domain/pricing";
import { DEFAULT_SETTINGS, parseSettings, planOf } from "../../src/domain/settings";
import { inTransaction } from "../../src/server/db/transaction";
import { findInvariantViolations } from "../../src/server/repositories/invariants";
import { expireIfDue } from "../../src/server/use-cases/expire-orders";
import { balances, key, makeExpired, newAgent, newCustomer } from "./helpers";

// Model-based testing: fast-check draws random sequences of order actions across several
// customers and agents; each is run against the real use cases on PostgreSQL and against a
// small in-memory model of what should happen. After every step the outcome (accepted or
// refused), every balance and every order status must match the model, and the ledger
// invariants must hold. PROPERTY_RUNS raises the number of sequences (npm run test:stress).
const RUNS = Number(process.env.PROPERTY_RUNS ?? 12);
const settings = parseSettings(DEFAULT_SETTINGS);
const tier1 = settings.tiers["1"]!;

type Status =
  | "PENDING"
  | "CLAIMED"
  | "APPROVED"
  | "COMPLETED"
  | "CANCELLED"
  | "EXPIRED"
  | "DECLINED";
interface ModelOrder {
  id: string;
  token: string;
  code: string;
  customer: number;
  type: "CASH_IN" | "CASH_OUT";
  amount: bigint;
  fee: bigint;
  status: Status;
  agent: number | null;
}
interface Model {
  wallets: { balance: bigint; onHold: bigint; usedToday: bigint }[];
  floats: bigint[];
  commissions: bigint[];
  orders: ModelOrder[];
}
type Customer = Awaited<ReturnType<typeof newCustomer>>;
type Agent = Awaited<ReturnType<typeof newAgent>>;
interface Real {
  customers: Customer[];
  agents: Agent[];
}

const LIVE: Status[] = ["PENDING", "CLAIMED", "APPROVED"];
// Amounts around the limits and balances, so refusals happen as often as successes.
const AMOUNTS = [5_000n, 20_000n, 60_000n, 150_000n, 7_000_000n];
const CUSTOMER_START = [400_000n, 150_000n, 0n];
const AGENT_FLOAT = [2_000_000n, 100_000n];
// The agents are on different plans: what each earns follows its own plan.
const AGENT_PLAN = ["STANDARD", "HIGH_VOLUME"];

async function attempt(work: () => Promise<unknown>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    // Only refusals are expected; anything else is a bug the property should report.
    const code = (error as { code?: string }).code;
    if (!code || code === "INTERNAL_SERVER_ERROR") throw error;
    return false;
  }
}

function release(m: Model, o: ModelOrder) {
  if (o.type === "CASH_OUT") m.wallets[o.customer]!.onHold -= o.amount + o.fee;
}

function close(m: Model, o: ModelOrder, to: Status) {
  o.status = to;
  release(m, o);
  m.wallets[o.customer]!.usedToday -= o.amount;
}

abstract class Step implements fc.AsyncCommand<Model, Real> {
  check() {
    return true;
  }
  abstract run(m: Model, r: Real): Promise<void>;
  abstract toString(): string;
}

class Create extends Step {
  constructor(
    readonly customer: number,
    readonly type: "CASH_IN" | "CASH_OUT",
    readonly amount: bigint,
  ) {
    super();
  }
  async run(m: Model, r: Real) {
    const w = m.wallets[this.customer]!;
    const q = quote(this.type, this.amount, settings);
    const pendingIn = m.orders
      .filter(
        (o) => o.customer === this.customer && o.type === "CASH_IN" && LIVE.includes(o.status),
      )
      .reduce((s, o) => s + o.amount - o.fee, 0n);
    const expected =
      this.amount >= tier1.perOrderMin &&
      this.amount <= tier1.perOrderMax &&
      w.usedToday + this.amount <= tier1.perDay &&
      (this.type === "CASH_OUT"
        ? w.balance - w.onHold >= this.amount + q.fee
        : w.balance + pendingIn + q.walletDelta <= tier1.maxBalance);
    let created: { id: string; token: string | null; typedCode: string | null } | undefined;
    const ok = await attempt(async () => {
      created = await r.customers[this.customer]!.api.customer.createOrder({
        type: this.type,
        amount: this.amount,
        currency: "KES",
        idempotencyKey: key(),
      });
    });
    expect(ok, this.toString()).toBe(expected);
    if (ok && created) {
      m.orders.push({
        id: created.id,
        token: created.token!,
        code: created.typedCode!,
        customer: this.customer,
        type: this.type,
        amount: this.amount,
        fee: q.fee,
        status: "PENDING",
        agent: null,
      });
      w.usedToday += this.amount;
      if (this.type === "CASH_OUT") w.onHold += this.amount + q.fee;
    }
  }
  toString() {
    return `create(c${this.customer}, ${this.type}, ${this.amount})`;
  }
}

/**
 * Steps on an existing order pick it counting back from the newest: recent orders are the
 * live ones, where the interesting transitions are.
 */
abstract class OrderStep extends Step {
  constructor(readonly pick: number) {
    super();
  }
  order(m: Model): ModelOrder | undefined {
    const n = m.orders.length;
    return n === 0 ? undefined : m.orders[n - 1 - (this.pick % n)];
  }
}

class Claim extends OrderStep {
  constructor(
    pick: number,
    readonly agent: number,
    readonly typed: boolean,
  ) {
    super(pick);
  }
  async run(m: Model, r: Real) {
    const o = this.order(m);
    if (!o) return;
    const mine = o.agent === this.agent && (o.status === "CLAIMED" || o.status === "APPROVED");
    const expected =
      mine ||
      (o.status === "PENDING" && (o.type === "CASH_OUT" || m.floats[this.agent]! >= o.amount));
    const api = r.agents[this.agent]!.api.agent;
    const ok = await attempt(() => api.claim(this.typed ? { code: o.code } : { token: o.token }));
    expect(ok, this.toString()).toBe(expected);
    if (ok && !mine) {
      o.status = "CLAIMED";
      o.agent = this.agent;
    }
  }
  toString() {
    return `claim(o${this.pick}, a${this.agent}, ${this.typed ? "code" : "qr"})`;
  }
}

class Answer extends OrderStep {
  constructor(
    pick: number,
    readonly approve: boolean,
  ) {
    super(pick);
  }
  async run(m: Model, r: Real) {
    const o = this.order(m);
    if (!o) return;
    const expected = o.type === "CASH_OUT" && o.status === "CLAIMED";
    const ok = await attempt(() =>
      r.customers[o.customer]!.api.customer.answerApproval({
        orderId: o.id,
        approve: this.approve,
        idempotencyKey: key(),
      }),
    );
    expect(ok, this.toString()).toBe(expected);
    if (ok) {
      if (this.approve) o.status = "APPROVED";
      else close(m, o, "DECLINED");
    }
  }
  toString() {
    return `${this.approve ? "approve" : "reject"}(o${this.pick})`;
  }
}

class Confirm extends OrderStep {
  constructor(
    pick: number,
    readonly agent: number,
  ) {
    super(pick);
  }
  async run(m: Model, r: Real) {
    const o = this.order(m);
    if (!o) return;
    const ready =
      o.agent === this.agent && o.status === (o.type === "CASH_IN" ? "CLAIMED" : "APPROVED");
    const expected = ready && (o.type === "CASH_OUT" || m.floats[this.agent]! >= o.amount);
    const ok = await attempt(() =>
      r.agents[this.agent]!.api.agent.confirm({ orderId: o.id, idempotencyKey: key() }),
    );
    expect(ok, this.toString()).toBe(expected);
    if (!ok) return;
    const w = m.wallets[o.customer]!;
    o.status = "COMPLETED";
    m.commissions[this.agent]! += commissionFor(
      o.type,
      o,
      planOf(settings, AGENT_PLAN[this.agent]!),
    );
    if (o.type === "CASH_IN") {
      m.floats[this.agent]! -= o.amount;
      w.balance += o.amount - o.fee;
    } else {
      m.floats[this.agent]! += o.amount;
      w.balance -= o.amount + o.fee;
      w.onHold -= o.amount + o.fee;
    }
  }
  toString() {
    return `confirm(o${this.pick}, a${this.agent})`;
  }
}

class Decline extends OrderStep {
  constructor(
    pick: number,
    readonly agent: number,
  ) {
    super(pick);
  }
  async run(m: Model, r: Real) {
    const o = this.order(m);
    if (!o) return;
    const expected = o.agent === this.agent && (o.status === "CLAIMED" || o.status === "APPROVED");
    const ok = await attempt(() =>
      r.agents[this.agent]!.api.agent.decline({
        orderId: o.id,
        reason: "model",
        idempotencyKey: key(),
      }),
    );
    expect(ok, this.toString()).toBe(expected);
    if (ok) close(m, o, "DECLINED");
  }
  toString() {
    return `decline(o${this.pick}, a${this.agent})`;
  }
}

class Cancel extends OrderStep {
  async run(m: Model, r: Real) {
    const o = this.order(m);
    if (!o) return;
    const expected = LIVE.includes(o.status);
    const ok = await attempt(() =>
      r.customers[o.customer]!.api.customer.cancelOrder({ orderId: o.id, idempotencyKey: key() }),
    );
    expect(ok, this.toString()).toBe(expected);
    if (ok) close(m, o, "CANCELLED");
  }
  toString() {
    return `cancel(o${this.pick})`;
  }
}

class Expire extends OrderStep {
  async run(m: Model) {
    const o = this.order(m);
    if (!o || !LIVE.includes(o.status)) return;
    await makeExpired(o.id);
    expect(await expireIfDue(o.id), this.toString()).toBe(true);
    close(m, o, "EXPIRED");
  }
  toString() {
    return `expire(o${this.pick})`;
  }
}

const pick = fc.nat({ max: 3 });
const agent = fc.nat({ max: 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.nat({ max: 2 }),
        fc.constantFrom("CASH_IN" as const, "CASH_OUT" as const),
        fc.constantFrom(...AMOUNTS),
      )
      .map(([c, t, a]) => new Create(c, t, a)),
  },
  {
    weight: 4,
    arbitrary: fc.tuple(pick, agent, fc.boolean()).map(([p, a, typed]) => new Claim(p, a, typed)),
  },
  { weight: 3, arbitrary: fc.tuple(pick, fc.boolean()).map(([p, yes]) => new Answer(p, yes)) },
  { weight: 4, arbitrary: fc.tuple(pick, agent).map(([p, a]) => new Confirm(p, a)) },
  { weight: 1, arbitrary: fc.tuple(pick, agent).map(([p, a]) => new Decline(p, a)) },
  { weight: 1, arbitrary: pick.map((p) => new Cancel(p)) },
  { weight: 1, arbitrary: pick.map((p) => new Expire(p)) },
);

async function compare(m: Model, r: Real) {
  for (const [i, c] of r.customers.entries()) {
    const wallet = (await balances(c.userId)).WALLET!;
    expect({ balance: wallet.balance, onHold: wallet.onHold }, `wallet c${i}`).toEqual({
      balance: m.wallets[i]!.balance,
      onHold: m.wallets[i]!.onHold,
    });
  }
  for (const [i, a] of r.agents.entries()) {
    const b = await balances(a.userId);
    expect({ float: b.FLOAT!.balance, commission: b.COMMISSION!.balance }, `agent a${i}`).toEqual({
      float: m.floats[i],
      commission: m.commissions[i],
    });
  }
  const stored = await inTransaction((tx) =>
    tx.order.findMany({
      where: { id: { in: m.orders.map((o) => o.id) } },
      select: { id: true, status: true },
    }),
  );
  const statuses = Object.fromEntries(stored.map((o) => [o.id, o.status]));
  for (const o of m.orders) expect(statuses[o.id], `status of ${o.id}`).toBe(o.status);
  expect(await inTransaction((tx) => findInvariantViolations(tx))).toEqual([]);
}

describe("order lifecycle against a model", () => {
  it(`random action sequences agree with the model (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 10, maxLength: 40 }), async (commands) => {
        const real: Real = {
          customers: await Promise.all(CUSTOMER_START.map((b) => newCustomer(b))),
          agents: await Promise.all(
            AGENT_FLOAT.map((f, i) => newAgent(f, "Model Shop", AGENT_PLAN[i])),
          ),
        };
        const model: Model = {
          wallets: CUSTOMER_START.map((balance) => ({ balance, onHold: 0n, usedToday: 0n })),
          floats: [...AGENT_FLOAT],
          commissions: AGENT_FLOAT.map(() => 0n),
          orders: [],
        };
        await fc.asyncModelRun(
          () => ({ model, real }),
          commands.map((c) => ({
            check: () => true,
            run: async (m: Model, r: Real) => {
              await c.run(m, r);
              await compare(m, r);
            },
            toString: () => c.toString(),
          })),
        );
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 600_000);
});
