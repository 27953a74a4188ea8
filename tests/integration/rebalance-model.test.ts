import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, parseSettings } from "../../src/domain/settings";
import { inTransaction } from "../../src/server/db/transaction";
import { findInvariantViolations } from "../../src/server/repositories/invariants";
import { balances, key, newAdmin, newAgent, newCustomer, placeOrder, serveOrder } from "./helpers";

// A model of the world around rebalancing, not of the code. Each agent holds physical cash
// beside its float; the operator's bank holds the deposits agents make. Money moves in the
// world only as the API's answers say: a deposit is made when an agent states a new one, the
// operator keeps it (and the float grows) when an approval says APPROVED, and gives it back
// when a request is rejected or cancelled; a sale's cash is delivered on APPROVED. Agents
// also serve customers at the counter (cash for float) and try to claim a deposit twice.
//
// After every step, compared with the ledger:
//  - each agent's value (float in the ledger + cash in hand + deposits the bank still holds
//    for it) equals what it started with: rebalancing and serving only exchange forms;
//  - the platform's value (SETTLEMENT's movements with these agents + the bank's cash from
//    them - the deposits it still owes them) is zero: nobody is paid twice for one deposit,
//    no sale is paid out unrecorded;
//  - the float held equals the sales the world knows are still waiting.
// Nothing here restates when the code accepts a call; a few promises of the design are
// checked on what it accepted (a sale fits the available float, four eyes beyond the
// allowance). Invariants (invariants.ts) after every run.
const RUNS = Number(process.env.PROPERTY_RUNS ?? 8);
const MAX_STEPS = Number(process.env.MODEL_STEPS ?? 30);
const FOUR_EYES_ABOVE = parseSettings(DEFAULT_SETTINGS).operatorFourEyesAbove;

const AGENT_FLOAT = [3_000_000n, 200_000n];
const AGENT_CASH = 50_000_000n;
const AMOUNTS = [50_000n, 300_000n, 2_000_000n, 6_000_000n, 12_000_000n];

type Agent = Awaited<ReturnType<typeof newAgent>>;
type Admin = Awaited<ReturnType<typeof newAdmin>>;
type Customer = Awaited<ReturnType<typeof newCustomer>>;

interface Deposit {
  agent: number;
  amount: bigint;
  /** HELD: at the bank, for a request not yet approved; KEPT: it bought float; RETURNED. */
  state: "HELD" | "KEPT" | "RETURNED";
  /** The request this deposit was made for. */
  forRequest: number;
}

interface ModelRequest {
  id: string;
  agent: number;
  kind: "BUY_FLOAT" | "SELL_FLOAT";
  amount: bigint;
  reference: string | null;
  /** The deposit the agent really made for it (a restated reference has none). */
  deposit: string | null;
  status: "REQUESTED" | "AWAITING_SECOND" | "APPROVED" | "REJECTED" | "CANCELLED";
  firstApprover: number | null;
}

interface World {
  agents: Agent[];
  operators: Admin[];
  customer: Customer;
  start: bigint[];
  cash: bigint[];
  bankCash: bigint;
  deposits: Map<string, Deposit>;
  requests: ModelRequest[];
  references: string[];
  floatAccounts: bigint[];
  /** SETTLEMENT's movements with these floats before the run (their opening funding). */
  platformStart: bigint;
}

/** Refusals are the platform working; anything else (a 500, a crash) fails the property. */
async function attempt<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code && code !== "INTERNAL_SERVER_ERROR") return null;
    throw error;
  }
}

function heldFor(w: World, agent: number): bigint {
  return w.requests
    .filter(
      (r) =>
        r.agent === agent &&
        r.kind === "SELL_FLOAT" &&
        (r.status === "REQUESTED" || r.status === "AWAITING_SECOND"),
    )
    .reduce((sum, r) => sum + r.amount, 0n);
}

function pendingDeposits(w: World, agent: number): bigint {
  return [...w.deposits.values()]
    .filter((d) => d.agent === agent && d.state === "HELD")
    .reduce((sum, d) => sum + d.amount, 0n);
}

async function platformMovements(w: World): Promise<bigint> {
  const rows = await inTransaction(
    (tx) => tx.$queryRaw<{ total: bigint }[]>`
      SELECT coalesce(sum(s.amount), 0)::bigint AS total
      FROM postings s JOIN accounts a ON a.id = s.account_id AND a.kind = 'SETTLEMENT'
      WHERE s.entry_id IN (SELECT entry_id FROM postings WHERE account_id = ANY (${w.floatAccounts}))`,
  );
  return rows[0]!.total;
}

async function checkWorld(w: World): Promise<void> {
  for (let i = 0; i < w.agents.length; i++) {
    const float = (await balances(w.agents[i]!.userId)).FLOAT!;
    expect(float.balance + w.cash[i]! + pendingDeposits(w, i), `agent ${i}'s value`).toBe(
      w.start[i],
    );
    expect(float.onHold, `agent ${i}'s held float`).toBe(heldFor(w, i));
  }
  const owed = w.agents.reduce((sum, _, i) => sum + pendingDeposits(w, i), 0n);
  const movements = (await platformMovements(w)) - w.platformStart;
  expect(movements + w.bankCash - owed, "the platform's value").toBe(0n);
}

/** The world's consequences of a request closing without approval: a real deposit returns. */
function closedUnapproved(w: World, r: ModelRequest, to: "REJECTED" | "CANCELLED"): void {
  r.status = to;
  const deposit = r.deposit ? w.deposits.get(r.deposit)! : null;
  if (deposit && deposit.state === "HELD" && deposit.forRequest === w.requests.indexOf(r)) {
    deposit.state = "RETURNED";
    w.bankCash -= deposit.amount;
    w.cash[r.agent]! += deposit.amount;
  }
}

type Cmd = fc.AsyncCommand<World, World>;

class RequestSell implements Cmd {
  constructor(
    readonly agent: number,
    readonly amount: bigint,
  ) {}
  check = () => true;
  async run(w: World) {
    const before = await balances(w.agents[this.agent]!.userId);
    const available = before.FLOAT!.balance - before.FLOAT!.onHold;
    const done = await attempt(() =>
      w.agents[this.agent]!.api.agent.requestRebalance({
        kind: "SELL_FLOAT",
        amount: this.amount,
        idempotencyKey: key(),
      }),
    );
    if (done) {
      expect(this.amount, "a sale accepted beyond the available float").toBeLessThanOrEqual(
        available,
      );
      w.requests.push({
        id: done.rebalanceId,
        agent: this.agent,
        kind: "SELL_FLOAT",
        amount: this.amount,
        reference: null,
        deposit: null,
        status: "REQUESTED",
        firstApprover: null,
      });
    }
    await checkWorld(w);
  }
  toString = () => `sell(${this.agent}, ${this.amount})`;
}

class RequestBuy implements Cmd {
  /** restate: the agent names a reference it used before instead of a new deposit. */
  constructor(
    readonly agent: number,
    readonly amount: bigint,
    readonly restate: number | null,
  ) {}
  check = () => true;
  async run(w: World) {
    const old =
      this.restate === null ? undefined : w.references[this.restate % (w.references.length || 1)];
    const reference = old ?? `DEP-${key().slice(0, 13)}`;
    const earlier = w.deposits.get(reference);
    // A genuine deposit: a new reference, or one whose earlier deposit the bank gave back.
    const genuine = !earlier || earlier.state === "RETURNED";
    const amount = earlier ? earlier.amount : this.amount;
    if (genuine) {
      w.cash[this.agent]! -= amount;
      w.bankCash += amount;
      w.deposits.set(reference, {
        agent: this.agent,
        amount,
        state: "HELD",
        forRequest: w.requests.length,
      });
    }
    if (!old) w.references.push(reference);
    const done = await attempt(() =>
      w.agents[this.agent]!.api.agent.requestRebalance({
        kind: "BUY_FLOAT",
        amount,
        bankReference: reference,
        idempotencyKey: key(),
      }),
    );
    if (done) {
      w.requests.push({
        id: done.rebalanceId,
        agent: this.agent,
        kind: "BUY_FLOAT",
        amount,
        reference,
        deposit: genuine ? reference : null,
        status: "REQUESTED",
        firstApprover: null,
      });
    } else if (genuine) {
      // Refused at the counter of the app: the agent takes its deposit back from the bank.
      w.deposits.get(reference)!.state = "RETURNED";
      w.cash[this.agent]! += amount;
      w.bankCash -= amount;
    }
    await checkWorld(w);
  }
  toString = () => `buy(${this.agent}, ${this.amount}, restate ${this.restate})`;
}

class Decide implements Cmd {
  constructor(
    readonly pick: number,
    readonly operator: number,
    readonly approve: boolean,
  ) {}
  check = () => true;
  async run(w: World) {
    if (w.requests.length === 0) return;
    const r = w.requests[this.pick % w.requests.length]!;
    const done = await attempt(() =>
      w.operators[this.operator]!.api.admin.decideRebalance({
        rebalanceId: r.id,
        approve: this.approve,
        reason: "model",
        idempotencyKey: key(),
      }),
    );
    if (done) {
      expect(["REQUESTED", "AWAITING_SECOND"], "decided a closed request").toContain(r.status);
      if (done.status === "AWAITING_SECOND") {
        r.status = "AWAITING_SECOND";
        r.firstApprover = this.operator;
      } else if (done.status === "REJECTED") {
        closedUnapproved(w, r, "REJECTED");
      } else {
        if (r.amount > FOUR_EYES_ABOVE) {
          expect(r.firstApprover, "approved beyond the allowance by one operator").not.toBeNull();
          expect(r.firstApprover).not.toBe(this.operator);
        }
        r.status = "APPROVED";
        if (r.kind === "SELL_FLOAT") {
          // The operator's courier delivers the cash the float paid for.
          w.bankCash -= r.amount;
          w.cash[r.agent]! += r.amount;
        } else {
          const deposit = r.deposit ? w.deposits.get(r.deposit) : undefined;
          // The bank keeps the deposit; a restated reference brought no deposit to keep.
          if (deposit && deposit.state === "HELD") deposit.state = "KEPT";
        }
      }
    }
    await checkWorld(w);
  }
  toString = () => `decide(${this.pick}, op ${this.operator}, ${this.approve})`;
}

class Cancel implements Cmd {
  constructor(readonly pick: number) {}
  check = () => true;
  async run(w: World) {
    if (w.requests.length === 0) return;
    const r = w.requests[this.pick % w.requests.length]!;
    const done = await attempt(() =>
      w.agents[r.agent]!.api.agent.cancelRebalance({ rebalanceId: r.id, idempotencyKey: key() }),
    );
    if (done) {
      expect(["REQUESTED", "AWAITING_SECOND"], "cancelled a closed request").toContain(r.status);
      closedUnapproved(w, r, "CANCELLED");
    }
    await checkWorld(w);
  }
  toString = () => `cancel(${this.pick})`;
}

/** An honest counter order: cash crosses the counter as the screens say, for float. */
class Serve implements Cmd {
  constructor(
    readonly agent: number,
    readonly type: "CASH_IN" | "CASH_OUT",
    readonly amount: bigint,
  ) {}
  check = () => true;
  async run(w: World) {
    // The customer's own limits may refuse the order: then nothing crosses the counter.
    const order = await attempt(() => placeOrder(w.customer, this.type, this.amount));
    const served =
      order && (await attempt(() => serveOrder(w.agents[this.agent]!, w.customer, order)));
    if (served) w.cash[this.agent]! += this.type === "CASH_IN" ? this.amount : -this.amount;
    await checkWorld(w);
  }
  toString = () => `serve(${this.agent}, ${this.type}, ${this.amount})`;
}

const agent = fc.nat({ max: AGENT_FLOAT.length - 1 });
const amount = fc.constantFrom(...AMOUNTS);
const commands = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(agent, amount).map(([a, m]) => new RequestSell(a, m)) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(agent, amount, fc.option(fc.nat({ max: 5 }), { freq: 3 }))
      .map(([a, m, r]) => new RequestBuy(a, m, r)),
  },
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.nat({ max: 20 }), fc.nat({ max: 2 }), fc.boolean())
      .map(([p, o, ok]) => new Decide(p, o, ok)),
  },
  { weight: 1, arbitrary: fc.nat({ max: 20 }).map((p) => new Cancel(p)) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        agent,
        fc.constantFrom("CASH_IN" as const, "CASH_OUT" as const),
        fc.constantFrom(20_000n, 150_000n),
      )
      .map(([a, t, m]) => new Serve(a, t, m)),
  },
);

describe("rebalancing against a model of the world", () => {
  it(`agents and the platform keep their value, whatever the order of calls (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(commands, { minLength: Math.ceil(MAX_STEPS / 2), maxLength: MAX_STEPS }),
        async (steps) => {
          const agents = await Promise.all(
            AGENT_FLOAT.map((f, i) => newAgent(f, `Rebalance Shop ${i}`)),
          );
          const floatAccounts = await inTransaction((tx) =>
            tx.account.findMany({
              where: { userId: { in: agents.map((a) => a.userId) }, kind: "FLOAT" },
              select: { id: true },
            }),
          );
          const world: World = {
            agents,
            // Fresh operators each run: what one moved alone today counts toward four eyes.
            operators: await Promise.all([newAdmin(), newAdmin(), newAdmin()]),
            customer: await newCustomer(200_000n),
            start: AGENT_FLOAT.map((f) => f + AGENT_CASH),
            cash: AGENT_FLOAT.map(() => AGENT_CASH),
            bankCash: 0n,
            deposits: new Map(),
            requests: [],
            references: [],
            floatAccounts: floatAccounts.map((a) => a.id),
            platformStart: 0n,
          };
          world.platformStart = await platformMovements(world);
          await fc.asyncModelRun(() => ({ model: world, real: world }), steps);
          expect(await inTransaction((tx) => findInvariantViolations(tx))).toEqual([]);
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 600_000);
});
