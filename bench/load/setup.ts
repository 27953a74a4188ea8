// The people of the run, made through the app's own procedures over HTTP:
// - operators: README's demo operators One (maker) and Two (checker), signed in;
// - agents: onboarded by operator One (admin.onboardAgent); floats funded by operator One
//   (admin.fundFloat) and, above the four-eyes allowance, approved by operator Two
//   (admin.decideMoneyRequest), as the maker-checker rule asks;
// - customers: the sign-up flow (account.requestSignUpCode -> the code the server's console
//   sender appended to OTP_OUTBOX_FILE -> account.verifySignUpCode -> account.signUp), then
//   sign-in; operator One puts them on KYC tier 3 (admin.updateCustomer) so that daily limits
//   do not end the run, and each makes one cash-in so that cash-outs have a balance.
// Every device has its own address (X-Forwarded-For), so per-IP limits on codes and
// sign-ins apply to each phone as they would in the field.

import { randomUUID } from "node:crypto";
import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { type Agent, type Customer, runOrder } from "./flows";
import { type HttpTarget, Session } from "./http";

export const OPERATORS = {
  maker: { phone: "+254700000001", password: "admin-demo-2026" },
  checker: { phone: "+254700000002", password: "checker-demo-2026" },
};

export interface World {
  maker: Session;
  checker: Session;
  spreadAgents: Agent[];
  hotAgent: Agent;
  customers: Customer[];
  setupSeconds: number;
  floatRequestsApproved: number;
}

export interface SetupOptions {
  agents: number;
  customers: number;
  /** Float per spread agent and for the hot agent, minor units. */
  spreadFloat: bigint;
  hotFloat: bigint;
  /** Each customer's first cash-in, so that cash-outs have money to take out. */
  prefund: bigint;
  outboxFile: string;
  parallel: number;
  log: (message: string) => void;
}

/** Reads the console sender's outbox as it grows: phone -> newest code. */
class Outbox {
  private offset = 0;
  private partial = "";
  private readonly codes = new Map<string, string>();

  constructor(private readonly file: string) {}

  private poll(): void {
    if (!existsSync(this.file)) return;
    const size = statSync(this.file).size;
    if (size <= this.offset) return;
    const fd = openSync(this.file, "r");
    try {
      const buf = Buffer.alloc(size - this.offset);
      readSync(fd, buf, 0, buf.length, this.offset);
      this.offset = size;
      const text = this.partial + buf.toString("utf8");
      const lines = text.split("\n");
      this.partial = lines.pop() ?? "";
      for (const line of lines) {
        if (!line) continue;
        const sms = JSON.parse(line) as { phone: string; message: string };
        const code = /\b(\d{6})\b/.exec(sms.message)?.[1];
        if (code) this.codes.set(sms.phone, code);
      }
    } finally {
      closeSync(fd);
    }
  }

  async codeFor(phone: string): Promise<string> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      this.poll();
      const code = this.codes.get(phone);
      if (code) {
        this.codes.delete(phone);
        return code;
      }
      if (Date.now() > deadline) throw new Error(`no sign-up code reached ${phone}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

/** Runs `work` over the items, `parallel` at a time. */
export async function inParallel<T, R>(
  items: T[],
  parallel: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]!, i);
      }
    }),
  );
  return results;
}

const key = () => randomUUID();

/** A device address: 10.<group>.<i / 250>.<i % 250 + 1>. */
export function deviceIp(group: number, i: number): string {
  return `10.${group}.${Math.floor(i / 250)}.${(i % 250) + 1}`;
}

function pinFor(i: number): string {
  return String(1000 + ((i * 7919 + 4271) % 9000));
}

async function onboardAgent(
  target: HttpTarget,
  world: Pick<World, "maker" | "checker">,
  i: number,
  float: bigint,
  hot: boolean,
): Promise<{ agent: Agent; approved: boolean }> {
  const phone = `+25479${String(i).padStart(7, "0")}`;
  const pin = pinFor(i + 500_000);
  const { agentId } = await world.maker.call("admin.onboardAgent", {
    shopName: hot ? "Bench Hot Shop" : `Bench Shop ${i}`,
    ownerName: `Bench Agent ${i}`,
    ownerPhone: phone,
    pin,
    locationText: "Load test, Nairobi",
    commissionPlan: "STANDARD",
    idempotencyKey: key(),
  });
  const funded = await world.maker.call("admin.fundFloat", {
    agentId,
    amount: float,
    externalRef: `BENCH-FLOAT-${i}`,
    idempotencyKey: key(),
  });
  let approved = false;
  if (funded.status === "PENDING_APPROVAL") {
    // Above what one operator may move alone: the second operator approves.
    await world.checker.call("admin.decideMoneyRequest", {
      requestId: funded.requestId,
      approve: true,
      note: "Load test float",
      idempotencyKey: key(),
    });
    approved = true;
  }
  const session = new Session(target, deviceIp(2, i));
  await session.signIn(phone, pin, "agent");
  return { agent: { session, phone, agentId }, approved };
}

async function signUpCustomer(
  target: HttpTarget,
  maker: Session,
  outbox: Outbox,
  i: number,
): Promise<Customer> {
  const phone = `+25478${String(i).padStart(7, "0")}`;
  const pin = pinFor(i);
  const session = new Session(target, deviceIp(1, i));
  const { codeId } = await session.call("account.requestSignUpCode", { phone });
  const code = await outbox.codeFor(phone);
  const { ticket } = await session.call("account.verifySignUpCode", { codeId, code });
  const { userId } = await session.call("account.signUp", { ticket, pin, name: `Bench ${i}` });
  await session.signIn(phone, pin, "customer");
  await maker.call("admin.updateCustomer", { userId, kycTier: 3 });
  return { session, phone, pin, userId };
}

export async function buildWorld(target: HttpTarget, o: SetupOptions): Promise<World> {
  const started = performance.now();
  const maker = new Session(target, deviceIp(3, 1));
  const checker = new Session(target, deviceIp(3, 2));
  await maker.signIn(OPERATORS.maker.phone, OPERATORS.maker.password, "admin");
  await checker.signIn(OPERATORS.checker.phone, OPERATORS.checker.password, "admin");
  const ops = { maker, checker };

  o.log(`onboarding ${o.agents} agents + 1 hot agent, funding floats (maker-checker)`);
  const onboarded = await inParallel(
    Array.from({ length: o.agents + 1 }, (_, i) => i),
    o.parallel,
    (i) =>
      onboardAgent(target, ops, i, i === o.agents ? o.hotFloat : o.spreadFloat, i === o.agents),
  );
  const spreadAgents = onboarded.slice(0, o.agents).map((r) => r.agent);
  const hotAgent = onboarded[o.agents]!.agent;

  o.log(`signing up ${o.customers} customers (SMS code flow) and funding their wallets`);
  const outbox = new Outbox(o.outboxFile);
  const customers = await inParallel(
    Array.from({ length: o.customers }, (_, i) => i),
    o.parallel,
    async (i) => {
      const customer = await signUpCustomer(target, maker, outbox, i);
      const agent = spreadAgents[i % spreadAgents.length]!;
      const prefund = await runOrder("CASH_IN", customer, agent, false, o.prefund);
      if (!prefund.ok) {
        throw new Error(
          `prefund of ${customer.phone} failed: ${prefund.failedCall}: ${prefund.error}`,
        );
      }
      return customer;
    },
  );
  return {
    maker,
    checker,
    spreadAgents,
    hotAgent,
    customers,
    setupSeconds: (performance.now() - started) / 1000,
    floatRequestsApproved: onboarded.filter((r) => r.approved).length,
  };
}
