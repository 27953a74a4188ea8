import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CashStep, cashStep } from "../../src/domain/counter";
import type { OrderStatus } from "../../src/domain/order-state";
import { commissionFor, quote } from "../../src/domain/pricing";
import { DEFAULT_SETTINGS, parseSettings, planOf } from "../../src/domain/settings";
import { inTransaction } from "../../src/server/db/transaction";
import { findInvariantViolations } from "../../src/server/repositories/invariants";
import { expireIfDue } from "../../src/server/use-cases/expire-orders";
import { key, makeExpired, newAdmin, newAgent, newAssistant, newCustomer } from "./helpers";

// A model of the world, not of the code. Each customer and agent holds physical cash as well
// as e-money, and the cash moves only when a screen tells someone to move it (cashStep, the
// rule both screens word their instructions from). Parties are honest (they do what their
// screen says, and nothing else) or dishonest (any move the API lets them make, at any
// time, including between "the agent scanned" and "confirmed", and races of two devices and
// replays). Operators know what really happened and decide disputes by it.
//
// The invariant after every step, for every honest party: cash + e-money equals what it
// started with, changed only by the fee (customer) or commission (agent) of orders that
// completed, or by the amount of an order whose dispute operators are still deciding.
// Nothing here restates when the code accepts a move: whatever it accepts, honest people
// must not lose. A shop is served by its owner and by a shop assistant, on the owner's float:
// steps at the counter pick who of the two acts, and the shop's value (cash in the drawer,
// the owner's float and commission) is one party's; the assistant holds no money of their own.
// PROPERTY_RUNS raises the number of sequences (npm run test:stress).
const RUNS = Number(process.env.PROPERTY_RUNS ?? 12);
const MAX_STEPS = Number(process.env.MODEL_STEPS ?? 40);
// Independent worlds explored at once (each with its own people): the stress run uses the
// second core and PostgreSQL's concurrency instead of waiting on one sequence at a time.
const WORKERS = Number(process.env.MODEL_WORKERS ?? 1);
const settings = parseSettings(DEFAULT_SETTINGS);

const CUSTOMER_START = [400_000n, 150_000n];
const CUSTOMER_CASH = 10_000_000n;
const AGENT_FLOAT = [2_000_000n, 100_000n];
const AGENT_CASH = 10_000_000n;
const AGENT_PLAN = ["STANDARD", "HIGH_VOLUME"];
const AMOUNTS = [5_000n, 20_000n, 60_000n, 150_000n];

type Customer = Awaited<ReturnType<typeof newCustomer>>;
type Agent = Awaited<ReturnType<typeof newAgent>>;
type Admin = Awaited<ReturnType<typeof newAdmin>>;
type Assistant = Awaited<ReturnType<typeof newAssistant>>;
/** Who at the shop's counter acts: its owner (0) or its assistant (1). */
type By = 0 | 1;
const by = fc.constantFrom<By>(0, 1);

interface ModelOrder {
  id: string;
  token: string;
  customer: number;
  type: "CASH_IN" | "CASH_OUT";
  amount: bigint;
  /** The agent that claimed it, as the API answered. */
  agent: number | null;
  /** Cash-in: the customer's cash is with the agent. */
  cashWithAgent: boolean;
  /** Cash-out: the agent handed the customer the cash. */
  paidOut: boolean;
  /** The customer reported a problem (and whether it was true when reported). */
  reported: { truthful: boolean } | null;
  /** The last money-moving call on the order and its key, for replays. */
  last: { call: (k: string) => Promise<unknown>; key: string } | null;
}

interface World {
  customers: Customer[];
  agents: Agent[];
  /** Each shop's assistant, serving on the owner's float. */
  assistants: Assistant[];
  operators: [Admin, Admin];
  honestCustomer: boolean[];
  honestAgent: boolean[];
  customerCash: bigint[];
  agentCash: bigint[];
  orders: ModelOrder[];
  actions: number;
  /** Each customer's personal QR card (the no-smartphone path). */
  cards: string[];
}

/** The counter API of shop `agent` as its owner or its assistant uses it. */
function counter(w: World, agent: number, who: By) {
  return (who === 0 ? w.agents[agent]! : w.assistants[agent]!).api.agent;
}

/** Refusals are the platform working; anything else (a 500, a crash) fails the property. */
async function attempt(work: () => Promise<unknown>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (!code || code === "INTERNAL_SERVER_ERROR") throw error;
    return false;
  }
}

async function statusOf(w: World, o: ModelOrder) {
  const view = await w.customers[o.customer]!.api.customer.order({ orderId: o.id });
  return view;
}

function screen(
  o: ModelOrder,
  view: { status: OrderStatus; claimedAt: Date | null },
  side: "CUSTOMER" | "AGENT",
): CashStep {
  return cashStep({ type: o.type, status: view.status, claimed: view.claimedAt !== null }, side);
}

/**
 * After every step, honest people do what their screens now say: an agent pays out a
 * cash-out that is paid, or gives back cash of a cash-in that did not go through; a
 * customer who is short and is offered to report it, reports it.
 */
async function honestFollowUps(w: World, touched: ModelOrder | undefined) {
  for (const o of touched ? [touched] : []) {
    if (o.agent === null) continue;
    const view = await statusOf(w, o);
    const agentSees = screen(o, view, "AGENT");
    if (w.honestAgent[o.agent]) {
      if (agentSees === "TAKE_CASH_THEN_CONFIRM" && o.cashWithAgent) {
        // Counted: confirm at once. If the float fell short meanwhile, decline; the cash then
        // goes back below (RETURN_CASH).
        const agent = w.agents[o.agent]!.api.agent;
        const confirmed = await attempt(() =>
          agent.confirm({ orderId: o.id, idempotencyKey: key() }),
        );
        if (confirmed) o.cashWithAgent = false;
        else
          await attempt(() =>
            agent.decline({ orderId: o.id, reason: "float short", idempotencyKey: key() }),
          );
        return honestFollowUps(w, o);
      }
      if (agentSees === "PAY_OUT" && !o.paidOut) {
        w.agentCash[o.agent]! -= o.amount;
        w.customerCash[o.customer]! += o.amount;
        o.paidOut = true;
      }
      if (agentSees === "RETURN_CASH" && o.cashWithAgent) {
        w.agentCash[o.agent]! -= o.amount;
        w.customerCash[o.customer]! += o.amount;
        o.cashWithAgent = false;
      }
    }
    if (w.honestCustomer[o.customer] && view.reportable.length > 0 && !o.reported) {
      const short =
        (view.reportable.includes("CASH_NOT_CREDITED") && o.cashWithAgent) ||
        (view.reportable.includes("CASH_NOT_RECEIVED") && !o.paidOut);
      if (short) await report(w, o);
    }
  }
}

async function report(w: World, o: ModelOrder) {
  const truthful = o.type === "CASH_IN" ? o.cashWithAgent : !o.paidOut;
  const ok = await attempt(() =>
    w.customers[o.customer]!.api.customer.reportProblem({
      orderId: o.id,
      kind: o.type === "CASH_IN" ? "CASH_NOT_CREDITED" : "CASH_NOT_RECEIVED",
      note: truthful ? "It really happened" : "Trying my luck",
      idempotencyKey: key(),
    }),
  );
  if (ok) o.reported = { truthful };
}

abstract class Step implements fc.AsyncCommand<World, World> {
  check() {
    return true;
  }
  /** Makes the move; returns the order it touched (the only one whose screens changed). */
  abstract act(w: World): Promise<ModelOrder | undefined>;
  abstract toString(): string;
  async run(w: World) {
    const touched = await this.act(w);
    w.actions++;
    await honestFollowUps(w, touched);
    await checkValue(w, this.toString());
  }
}

class Create extends Step {
  constructor(
    readonly customer: number,
    readonly type: "CASH_IN" | "CASH_OUT",
    readonly amount: bigint,
  ) {
    super();
  }
  async act(w: World) {
    let created: { id: string; token: string | null } | undefined;
    await attempt(async () => {
      created = await w.customers[this.customer]!.api.customer.createOrder({
        type: this.type,
        amount: this.amount,
        currency: "KES",
        idempotencyKey: key(),
      });
    });
    if (created) {
      w.orders.push({
        id: created.id,
        token: created.token!,
        customer: this.customer,
        type: this.type,
        amount: this.amount,
        agent: null,
        cashWithAgent: false,
        paidOut: false,
        reported: null,
        last: null,
      });
    }
    return undefined;
  }
  toString() {
    return `create(c${this.customer}, ${this.type}, ${this.amount})`;
  }
}

/**
 * The no-smartphone path: an agent scans the customer's personal card and the holder types
 * the PIN on the tablet (right), or the agent tries a PIN itself with a card it holds
 * (wrong: a found card). A cash-out executes at once; a cash-in is claimed by this agent
 * and waits, like a scanned phone QR, for the cash and the confirm.
 */
class CardOrder extends Step {
  constructor(
    readonly customer: number,
    readonly agent: number,
    readonly type: "CASH_IN" | "CASH_OUT",
    readonly amount: bigint,
    readonly pin: "right" | "wrong",
    readonly by: By = 0,
  ) {
    super();
  }
  async act(w: World) {
    const agent = counter(w, this.agent, this.by);
    const call = (k: string) =>
      agent.cardOrder({
        secret: w.cards[this.customer]!,
        type: this.type,
        amount: this.amount,
        currency: "KES",
        pin: this.pin === "right" ? "1234" : "0000",
        idempotencyKey: k,
      });
    const k = key();
    let created: { id: string } | undefined;
    await attempt(async () => {
      created = await call(k);
    });
    if (!created) return undefined;
    expect(this.pin, "a wrong PIN created an order").toBe("right");
    cardOrders++;
    const o: ModelOrder = {
      id: created.id,
      // No token travels on the card path: a Claim step with it is refused.
      token: "",
      customer: this.customer,
      type: this.type,
      amount: this.amount,
      agent: this.agent,
      cashWithAgent: false,
      paidOut: false,
      reported: null,
      last: { call, key: k },
    };
    w.orders.push(o);
    return o;
  }
  toString() {
    return `card(c${this.customer}, a${this.agent}${this.by ? "'s assistant" : ""}, ${this.type}, ${this.amount}, ${this.pin} PIN)`;
  }
}

/** Steps on an order pick it counting back from the newest, where the live ones are. */
abstract class OrderStep extends Step {
  constructor(readonly pick: number) {
    super();
  }
  order(w: World): ModelOrder | undefined {
    const n = w.orders.length;
    return n === 0 ? undefined : w.orders[n - 1 - (this.pick % n)];
  }
  async act(w: World) {
    const o = this.order(w);
    if (o) await this.move(w, o);
    return o;
  }
  abstract move(w: World, o: ModelOrder): Promise<void>;
}

class Claim extends OrderStep {
  constructor(
    pick: number,
    readonly agent: number,
    readonly by: By = 0,
  ) {
    super(pick);
  }
  async move(w: World, o: ModelOrder) {
    const ok = await attempt(() => counter(w, this.agent, this.by).claim({ token: o.token }));
    if (ok) {
      o.agent = this.agent;
      if (this.by === 1) assistantClaims++;
    }
  }
  toString() {
    return `claim(o${this.pick}, a${this.agent}${this.by ? "'s assistant" : ""})`;
  }
}

/** The customer gives the cash for a cash-in: an honest one only when the phone says so. */
class HandCash extends OrderStep {
  async move(w: World, o: ModelOrder) {
    if (o.type !== "CASH_IN" || o.cashWithAgent || o.agent === null) return;
    const view = await statusOf(w, o);
    if (w.honestCustomer[o.customer] && screen(o, view, "CUSTOMER") !== "HAND_CASH") return;
    if (!w.honestCustomer[o.customer] && view.status !== "CLAIMED") return;
    w.customerCash[o.customer]! -= o.amount;
    w.agentCash[o.agent]! += o.amount;
    o.cashWithAgent = true;
  }
  toString() {
    return `handCash(o${this.pick})`;
  }
}

/** The agent confirms a cash-in: an honest one only with the cash counted. */
class Confirm extends OrderStep {
  constructor(
    pick: number,
    readonly by: By = 0,
  ) {
    super(pick);
  }
  async move(w: World, o: ModelOrder) {
    if (o.agent === null) return;
    if (w.honestAgent[o.agent] && !o.cashWithAgent) return;
    const agent = counter(w, o.agent, this.by);
    const call = (k: string) => agent.confirm({ orderId: o.id, idempotencyKey: k });
    const k = key();
    if (await attempt(() => call(k))) {
      o.last = { call, key: k };
      // Once the cash-in executed, the cash the agent holds is the order's, not the customer's.
      o.cashWithAgent = false;
    }
  }
  toString() {
    return `confirm(o${this.pick}${this.by ? ", assistant" : ""})`;
  }
}

class Answer extends OrderStep {
  constructor(
    pick: number,
    readonly answer: "approve" | "reject" | "wrongPin",
  ) {
    super(pick);
  }
  async move(w: World, o: ModelOrder) {
    const api = w.customers[o.customer]!.api.customer;
    const call = (k: string) =>
      this.answer === "reject"
        ? api.answerApproval({ orderId: o.id, approve: false, idempotencyKey: k })
        : api.answerApproval({
            orderId: o.id,
            approve: true,
            pin: this.answer === "approve" ? "1234" : "0000",
            idempotencyKey: k,
          });
    const k = key();
    if (await attempt(() => call(k))) o.last = { call, key: k };
  }
  toString() {
    return `${this.answer}(o${this.pick})`;
  }
}

class Decline extends OrderStep {
  constructor(
    pick: number,
    readonly by: By = 0,
  ) {
    super(pick);
  }
  async move(w: World, o: ModelOrder) {
    if (o.agent === null) return;
    const agent = counter(w, o.agent, this.by);
    const call = (k: string) =>
      agent.decline({ orderId: o.id, reason: "model", idempotencyKey: k });
    const k = key();
    if (await attempt(() => call(k))) o.last = { call, key: k };
  }
  toString() {
    return `decline(o${this.pick}${this.by ? ", assistant" : ""})`;
  }
}

class Cancel extends OrderStep {
  async move(w: World, o: ModelOrder) {
    const api = w.customers[o.customer]!.api.customer;
    const call = (k: string) => api.cancelOrder({ orderId: o.id, idempotencyKey: k });
    const k = key();
    if (await attempt(() => call(k))) o.last = { call, key: k };
  }
  toString() {
    return `cancel(o${this.pick})`;
  }
}

/** Time passes: the order's expiry arrives and the sweep runs. */
class Expire extends OrderStep {
  async move(_w: World, o: ModelOrder) {
    await makeExpired(o.id);
    await expireIfDue(o.id);
  }
  toString() {
    return `expire(o${this.pick})`;
  }
}

/** Two devices at once: the customer's and the agent's moves race on the same order. */
class Race extends OrderStep {
  async move(w: World, o: ModelOrder) {
    if (o.agent === null) return;
    const customer = w.customers[o.customer]!.api.customer;
    // The shop's two people at once too: the assistant declines while the owner confirms.
    const agent = counter(w, o.agent, 0);
    const assistant = counter(w, o.agent, 1);
    const moves = [
      () => customer.cancelOrder({ orderId: o.id, idempotencyKey: key() }),
      () => customer.cancelOrder({ orderId: o.id, idempotencyKey: key() }),
      () =>
        customer.answerApproval({
          orderId: o.id,
          approve: true,
          pin: "1234",
          idempotencyKey: key(),
        }),
      () => assistant.decline({ orderId: o.id, reason: "race", idempotencyKey: key() }),
      () =>
        w.honestAgent[o.agent!] && !o.cashWithAgent
          ? Promise.resolve()
          : agent.confirm({ orderId: o.id, idempotencyKey: key() }),
    ];
    const confirmed = await Promise.all(moves.map((m) => attempt(m)));
    if (o.type === "CASH_IN" && confirmed[4]) {
      const view = await statusOf(w, o);
      if (view.status === "COMPLETED") o.cashWithAgent = false;
    }
  }
  toString() {
    return `race(o${this.pick})`;
  }
}

/** A request sent again with the same key (a retry, or someone replaying it). */
class Replay extends OrderStep {
  async move(w: World, o: ModelOrder) {
    if (!o.last) return;
    const { call, key: k } = o.last;
    const before = await statusOf(w, o);
    await Promise.all([attempt(() => call(k)), attempt(() => call(k))]);
    expect((await statusOf(w, o)).status, this.toString()).toBe(before.status);
  }
  toString() {
    return `replay(o${this.pick})`;
  }
}

/** A dishonest customer reports a problem whenever the app lets them. */
class FalseReport extends OrderStep {
  async move(w: World, o: ModelOrder) {
    if (w.honestCustomer[o.customer] || o.reported) return;
    await report(w, o);
  }
  toString() {
    return `report(o${this.pick})`;
  }
}

/**
 * Two operators decide an open dispute by what really happened (they have the evidence):
 * upheld when the customer really is short, rejected otherwise.
 */
class Decide extends OrderStep {
  async move(w: World, o: ModelOrder) {
    if (!o.reported) return;
    const [maker, checker] = w.operators;
    const open = await maker.api.admin.disputes({ open: true, limit: 100 });
    const dispute = open.find((d) => d.order.id === o.id);
    if (!dispute) return;
    const decision = o.reported.truthful ? "UPHOLD" : "REJECT";
    const decide = (by: Admin) =>
      attempt(() =>
        by.api.admin.decideDispute({
          disputeId: dispute.id,
          decision,
          note: "Decided on the evidence",
          idempotencyKey: key(),
        }),
      );
    if (decision === "UPHOLD" && dispute.status === "OPEN") await decide(maker);
    await decide(checker);
  }
  toString() {
    return `decide(o${this.pick})`;
  }
}

/**
 * Value per person. E-money comes from the database; cash from the model; the expected
 * change from the orders that completed (their fee and commission are checked against the
 * price list here too) and the open disputes.
 */
async function checkValue(w: World, step: string) {
  const accounts = await inTransaction((tx) =>
    tx.account.findMany({
      where: {
        userId: { in: [...w.customers, ...w.agents, ...w.assistants].map((p) => p.userId) },
      },
      select: { userId: true, kind: true, balance: true },
    }),
  );
  const balance = (userId: string, kind: string) =>
    accounts.find((a) => a.userId === userId && a.kind === kind)!.balance;
  const assistantIds = new Set(w.assistants.map((a) => a.userId));
  expect(
    accounts.filter((a) => assistantIds.has(a.userId!)),
    `an assistant holds money after ${step}`,
  ).toEqual([]);
  const orders = await inTransaction((tx) =>
    tx.order.findMany({
      where: { id: { in: w.orders.map((o) => o.id) } },
      select: {
        id: true,
        status: true,
        fee: true,
        commission: true,
        dispute: { select: { status: true } },
      },
    }),
  );
  const byId = new Map(orders.map((o) => [o.id, o]));
  const expectedCustomer = CUSTOMER_START.map((b) => b + CUSTOMER_CASH);
  const expectedAgent = AGENT_FLOAT.map((f) => f + AGENT_CASH);
  for (const o of w.orders) {
    const row = byId.get(o.id)!;
    const deciding =
      row.dispute && (row.dispute.status === "OPEN" || row.dispute.status === "UPHOLD_REQUESTED");
    if (row.status === "COMPLETED") {
      const agent = o.agent!;
      expect(row.fee, `fee of ${o.id}`).toBe(quote(o.type, o.amount, settings).fee);
      const upheld = row.dispute?.status === "UPHELD";
      const commission = upheld
        ? 0n
        : commissionFor(
            o.type,
            { amount: o.amount, fee: row.fee },
            planOf(settings, AGENT_PLAN[agent]!),
          );
      expect(row.commission, `commission of ${o.id}`).toBe(commission);
      expectedCustomer[o.customer]! -= row.fee;
      expectedAgent[agent]! += commission;
    }
    // The moment at the counter itself: the customer has handed the cash for a cash-in the
    // shop has scanned and not yet confirmed. It ends with the confirm, or with the order
    // closing (its TTL at the latest), after which the cash goes back or a dispute opens.
    if (o.type === "CASH_IN" && row.status === "CLAIMED" && o.cashWithAgent) {
      expectedCustomer[o.customer]! -= o.amount;
      expectedAgent[o.agent!]! += o.amount;
    }
    if (deciding && o.reported?.truthful) {
      expectedCustomer[o.customer]! -= o.amount;
      expectedAgent[o.agent!]! += o.amount;
    }
  }
  // Honest people never end below what they are owed. They may end above it only when a
  // dishonest one gave value away (an agent confirming a cash-in it got no cash for), which
  // the total below accounts for: value is neither created nor lost between the parties
  // beyond the fees and commissions of completed orders.
  let total = 0n;
  let expectedTotal = 0n;
  for (const [i, c] of w.customers.entries()) {
    const value = w.customerCash[i]! + balance(c.userId, "WALLET");
    total += value;
    expectedTotal += expectedCustomer[i]!;
    if (w.honestCustomer[i]) {
      expect(
        value >= expectedCustomer[i]!,
        `honest customer c${i} after ${step}: ${value} < ${expectedCustomer[i]}`,
      ).toBe(true);
    }
  }
  for (const [i, a] of w.agents.entries()) {
    const value = w.agentCash[i]! + balance(a.userId, "FLOAT") + balance(a.userId, "COMMISSION");
    total += value;
    expectedTotal += expectedAgent[i]!;
    if (w.honestAgent[i]) {
      expect(
        value >= expectedAgent[i]!,
        `honest agent a${i} after ${step}: ${value} < ${expectedAgent[i]}`,
      ).toBe(true);
    }
  }
  expect(total, `value of all parties after ${step}`).toBe(expectedTotal);
  if (w.honestCustomer.every(Boolean) && w.honestAgent.every(Boolean)) {
    // Among honest people nobody gives value away: everyone is exactly where they should be.
    for (const [i, c] of w.customers.entries()) {
      const value = w.customerCash[i]! + balance(c.userId, "WALLET");
      expect(value, `customer c${i} after ${step}`).toBe(expectedCustomer[i]);
    }
  }
}

const pick = fc.nat({ max: 3 });
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.nat({ max: CUSTOMER_START.length - 1 }),
        fc.constantFrom("CASH_IN" as const, "CASH_OUT" as const),
        fc.constantFrom(...AMOUNTS),
      )
      .map(([c, t, a]) => new Create(c, t, a)),
  },
  {
    weight: 4,
    arbitrary: fc
      .tuple(pick, fc.nat({ max: AGENT_FLOAT.length - 1 }), by)
      .map(([p, a, b]) => new Claim(p, a, b)),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.nat({ max: CUSTOMER_START.length - 1 }),
        fc.nat({ max: AGENT_FLOAT.length - 1 }),
        fc.constantFrom("CASH_IN" as const, "CASH_OUT" as const),
        fc.constantFrom(...AMOUNTS),
        fc.constantFrom("right" as const, "right" as const, "wrong" as const),
        by,
      )
      .map(([c, a, t, amount, pin, b]) => new CardOrder(c, a, t, amount, pin, b)),
  },
  { weight: 3, arbitrary: pick.map((p) => new HandCash(p)) },
  { weight: 3, arbitrary: fc.tuple(pick, by).map(([p, b]) => new Confirm(p, b)) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(pick, fc.constantFrom("approve" as const, "reject" as const, "wrongPin" as const))
      .map(([p, a]) => new Answer(p, a)),
  },
  { weight: 1, arbitrary: fc.tuple(pick, by).map(([p, b]) => new Decline(p, b)) },
  { weight: 1, arbitrary: pick.map((p) => new Cancel(p)) },
  { weight: 1, arbitrary: pick.map((p) => new Expire(p)) },
  { weight: 1, arbitrary: pick.map((p) => new Race(p)) },
  { weight: 1, arbitrary: pick.map((p) => new Replay(p)) },
  { weight: 1, arbitrary: pick.map((p) => new FalseReport(p)) },
  { weight: 2, arbitrary: pick.map((p) => new Decide(p)) },
);

let totalActions = 0;
/** Orders made with a personal card: the summary shows the card path was exercised. */
let cardOrders = 0;
/** Orders an assistant claimed: the summary shows the assistant's path was exercised. */
let assistantClaims = 0;

describe("money at the counter, against a model of the world", () => {
  it(`no honest party loses cash or e-money, whatever the other side does (${RUNS} runs)`, async () => {
    const property = fc.asyncProperty(
      fc.array(step, { minLength: Math.ceil(MAX_STEPS / 2), maxLength: MAX_STEPS, size: "max" }),
      fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
      fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
      async (commands, honestCustomer, honestAgent) => {
        const customers = await Promise.all(CUSTOMER_START.map((b) => newCustomer(b)));
        const agents = await Promise.all(
          AGENT_FLOAT.map((f, i) => newAgent(f, `Model Shop ${i}`, AGENT_PLAN[i])),
        );
        const world: World = {
          customers,
          cards: await Promise.all(
            customers.map(async (c) => (await c.api.customer.issueCard()).active!.secret),
          ),
          agents,
          assistants: await Promise.all(agents.map((a) => newAssistant(a))),
          operators: [await newAdmin(), await newAdmin()],
          honestCustomer,
          honestAgent,
          customerCash: CUSTOMER_START.map(() => CUSTOMER_CASH),
          agentCash: AGENT_FLOAT.map(() => AGENT_CASH),
          orders: [],
          actions: 0,
        };
        await fc.asyncModelRun(() => ({ model: world, real: world }), commands);
        totalActions += world.actions;
        expect(await inTransaction((tx) => findInvariantViolations(tx))).toEqual([]);
      },
    );
    const started = performance.now();
    const seed = Date.now();
    await Promise.all(
      Array.from({ length: WORKERS }, (_, i) =>
        fc.assert(property, {
          numRuns: Math.ceil(RUNS / WORKERS),
          seed: seed + i,
          endOnFailure: true,
        }),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `order model: ${totalActions} actions (${cardOrders} card orders, ${assistantClaims} claimed by assistants) in ${RUNS} runs (${WORKERS} at a time), ${seconds.toFixed(0)} s, ${(totalActions / seconds).toFixed(0)} actions/s`,
    );
  }, 7_200_000);
});
