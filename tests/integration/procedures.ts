import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { inTransaction } from "../../src/server/db/transaction";
import { insertUser } from "../../src/server/repositories/users";
import type { Actor } from "../../src/server/use-cases/actor";
import {
  callerFor,
  hashOf1234,
  key,
  newAgent,
  newAssistant,
  newCustomer,
  placeOrder,
  uniquePhone,
} from "./helpers";

// Every tRPC procedure called as every kind of caller. The table must name each procedure:
// adding one without deciding who may call it fails the first test.
export type Persona =
  | "anonymous"
  | "customer"
  | "otherCustomer"
  | "agent"
  | "suspendedAgent"
  | "assistant"
  | "suspendedAssistant"
  | "admin";
export const PERSONAS: Persona[] = [
  "anonymous",
  "customer",
  "otherCustomer",
  "agent",
  "suspendedAgent",
  "assistant",
  "suspendedAssistant",
  "admin",
];

export interface Fixture {
  agentId: string;
  /** The customer's wallet account, for statements. */
  accountId: bigint;
  customerId: string;
  /** A reversal requested by another operator, waiting for the admin persona's decision. */
  reversalId: string;
  /** Another operator (the maker of the reversal, money request and operator proposal). */
  makerId: string;
  /** A float funding beyond one operator's allowance, by the maker, waiting for a second. */
  moneyRequestId: string;
  /** An operator proposed by the maker, waiting for a second operator. */
  invitationId: string;
  /** A customer's open dispute on a declined cash-in. */
  disputeId: string;
  /** That declined cash-in: the customer may report a problem on it. */
  declinedId: string;
  orderId: string;
  /** A completed cash-in (with a reversal waiting): a new request reaches the insert. */
  completedId: string;
  cashOutId: string;
  token: string;
  /** The customer's personal QR card. */
  cardSecret: string;
  /** An active assistant of the agent persona's shop, for the owner to suspend. */
  assistantId: string;
  /** A suspended assistant of the agent persona's shop, for the owner to reactivate. */
  suspendedAssistantId: string;
  /** The agent persona's sale of float, waiting for an operator. */
  rebalanceId: string;
  /** The customer's reservation at the agent, waiting for the agent's answer. */
  reservationId: string;
}

export interface Rule {
  allow: Persona[];
  input: (f: Fixture) => unknown;
}

function moneyMove(f: Fixture) {
  return {
    agentId: f.agentId,
    amount: 1_000n,
    externalRef: `BANK-${key().slice(0, 8)}`,
    idempotencyKey: key(),
  };
}

const CUSTOMER_ONLY: Persona[] = ["customer"];
/** Public procedures: anyone, signed in or not (a suspended assistant too). */
const EVERYONE: Persona[] = [
  "anonymous",
  "customer",
  "otherCustomer",
  "agent",
  "suspendedAgent",
  "assistant",
  "suspendedAssistant",
  "admin",
];
/**
 * Counter work: the shop's owner and its active assistant (of the agent persona's shop). A
 * suspended assistant is refused on every call; a suspended shop's owner still reads its
 * overview and history (its assistants are the shop's: suspended with it, see the tests).
 */
const ANY_AGENT: Persona[] = ["agent", "suspendedAgent", "assistant"];
const AT_THE_COUNTER: Persona[] = ["agent", "assistant"];
/** Managing the shop's people: owners only (shopOwnerProcedure), never an assistant. */
const SHOP_OWNER: Persona[] = ["agent", "suspendedAgent"];

export const MATRIX: Record<string, Rule> = {
  "account.requestSignUpCode": {
    allow: EVERYONE,
    input: () => ({ phone: uniquePhone() }),
  },
  // Public: a wrong code or a spent ticket is a refusal (4xx), never UNAUTHORIZED.
  "account.verifySignUpCode": {
    allow: EVERYONE,
    input: () => ({ codeId: key(), code: "123456" }),
  },
  "account.signUp": {
    allow: EVERYONE,
    input: () => ({ ticket: "A".repeat(43), pin: "1234", name: "Matrix" }),
  },
  // Every signed-in person remembers their language (the switcher on every screen).
  "account.setLocale": {
    allow: ["customer", "otherCustomer", "agent", "suspendedAgent", "assistant", "admin"],
    input: () => ({ locale: "en" }),
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
  // Public: the new operator is not signed in. Wrong codes are a 400, never a denial.
  "account.activateOperator": {
    allow: EVERYONE,
    input: () => ({
      phone: uniquePhone(),
      proposerCode: "AAAA-AAAA-AAAA-AAAA",
      approverCode: "BBBB-BBBB-BBBB-BBBB",
      password: "correct horse battery",
    }),
  },
  "customer.cancelOrder": {
    allow: CUSTOMER_ONLY,
    input: (f) => ({ orderId: f.orderId, idempotencyKey: key() }),
  },
  "customer.reportProblem": {
    allow: CUSTOMER_ONLY,
    input: (f) => ({
      orderId: f.declinedId,
      kind: "CASH_NOT_CREDITED",
      note: "matrix check",
      idempotencyKey: key(),
    }),
  },
  "customer.card": { allow: ["customer", "otherCustomer"], input: () => undefined },
  "customer.issueCard": { allow: ["customer", "otherCustomer"], input: () => undefined },
  // Only the card holder has a card to block; the other customer is told there is none.
  "customer.blockCard": { allow: CUSTOMER_ONLY, input: () => undefined },
  "customer.answerApproval": {
    allow: CUSTOMER_ONLY,
    input: (f) => ({ orderId: f.cashOutId, approve: false, idempotencyKey: key() }),
  },
  "agent.overview": { allow: ANY_AGENT, input: () => undefined },
  "agent.history": { allow: ANY_AGENT, input: () => ({ limit: 5 }) },
  // The assistant serves the same shop: the shop's orders are theirs to see and serve.
  "agent.order": { allow: AT_THE_COUNTER, input: (f) => ({ orderId: f.cashOutId }) },
  "agent.claim": { allow: AT_THE_COUNTER, input: (f) => ({ token: f.token }) },
  // Any agent in good standing may look a card up; the holder's PIN is what moves money.
  "agent.scanCard": { allow: AT_THE_COUNTER, input: (f) => ({ secret: f.cardSecret }) },
  // A wrong PIN reaches the PIN check (a refusal, not a denial) and moves nothing.
  "agent.cardOrder": {
    allow: AT_THE_COUNTER,
    input: (f) => ({
      secret: f.cardSecret,
      type: "CASH_OUT",
      amount: 10_000n,
      currency: "KES",
      pin: "9999",
      idempotencyKey: key(),
    }),
  },
  "agent.confirm": {
    allow: AT_THE_COUNTER,
    input: (f) => ({ orderId: f.cashOutId, idempotencyKey: key() }),
  },
  "agent.decline": {
    allow: AT_THE_COUNTER,
    input: (f) => ({ orderId: f.cashOutId, reason: "matrix", idempotencyKey: key() }),
  },
  "agent.staff": { allow: SHOP_OWNER, input: () => undefined },
  // A refused add (the shop full, the phone taken) is a 4xx that changes nothing.
  "agent.addAssistant": {
    allow: SHOP_OWNER,
    input: () => ({ name: "Matrix Assistant", phone: uniquePhone(), pin: "1234" }),
  },
  // The input names the agent persona's assistant: another shop's owner is told there is no
  // such assistant (NOT_FOUND, a denial), as with another shop's order.
  "agent.suspendAssistant": {
    allow: ["agent"],
    input: (f) => ({ userId: f.assistantId }),
  },
  "agent.reactivateAssistant": {
    allow: ["agent"],
    input: (f) => ({ userId: f.suspendedAssistantId }),
  },
  // The shop's money beyond serving: its owner (shopOwnerProcedure). A suspended shop still
  // sees and may cancel its own requests (another shop's is not found) but asks for nothing new.
  "agent.rebalances": { allow: SHOP_OWNER, input: () => undefined },
  "agent.requestRebalance": {
    allow: ["agent"],
    input: () => ({ kind: "SELL_FLOAT", amount: 1_000n, idempotencyKey: key() }),
  },
  "agent.cancelRebalance": {
    allow: ["agent"],
    input: (f) => ({ rebalanceId: f.rebalanceId, idempotencyKey: key() }),
  },
  // The shop that served a completed cash-in may report its cash fake or short; another
  // shop is told there is no such order for it.
  "agent.reportProblem": {
    allow: AT_THE_COUNTER,
    input: (f) => ({
      orderId: f.completedId,
      kind: "WRONG_AMOUNT",
      note: "matrix check",
      idempotencyKey: key(),
    }),
  },
  // Both parties of an order watch it: its customer and the agent who scanned it.
  "admin.agents": { allow: ["admin"], input: () => ({ limit: 5 }) },
  "admin.onboardAgent": {
    allow: ["admin"],
    input: () => ({
      shopName: "Matrix Shop",
      ownerName: "Matrix Owner",
      ownerPhone: uniquePhone(),
      pin: "1234",
      locationText: "Matrix Street",
      commissionPlan: "STANDARD",
      idempotencyKey: key(),
    }),
  },
  "admin.setAgentPlan": {
    allow: ["admin"],
    input: (f) => ({ agentId: f.agentId, plan: "STANDARD" }),
  },
  "admin.suspendAgent": {
    allow: ["admin"],
    input: (f) => ({ agentId: f.agentId, reason: "matrix" }),
  },
  "admin.reactivateAgent": { allow: ["admin"], input: (f) => ({ agentId: f.agentId }) },
  "admin.fundFloat": { allow: ["admin"], input: (f) => moneyMove(f) },
  "admin.defloat": { allow: ["admin"], input: (f) => moneyMove(f) },
  "admin.payCommission": { allow: ["admin"], input: (f) => moneyMove(f) },
  "admin.moneyRequests": { allow: ["admin"], input: () => ({ status: "REQUESTED" }) },
  "admin.decideMoneyRequest": {
    allow: ["admin"],
    input: (f) => ({ requestId: f.moneyRequestId, approve: false, idempotencyKey: key() }),
  },
  "admin.rebalances": { allow: ["admin"], input: () => ({ waiting: true }) },
  "admin.rebalanceFlows": { allow: ["admin"], input: (f) => ({ agentId: f.agentId }) },
  "admin.decideRebalance": {
    allow: ["admin"],
    input: (f) => ({
      rebalanceId: f.rebalanceId,
      approve: false,
      reason: "matrix check",
      idempotencyKey: key(),
    }),
  },
  "admin.orders": { allow: ["admin"], input: () => ({ limit: 5, status: "COMPLETED" }) },
  "admin.order": { allow: ["admin"], input: (f) => ({ orderId: f.orderId }) },
  "admin.reversals": { allow: ["admin"], input: () => ({ status: "REQUESTED" }) },
  "admin.requestReversal": {
    allow: ["admin"],
    input: (f) => ({ orderId: f.completedId, reason: "matrix check", idempotencyKey: key() }),
  },
  "admin.decideReversal": {
    allow: ["admin"],
    input: (f) => ({ reversalId: f.reversalId, approve: false, idempotencyKey: key() }),
  },
  "admin.disputes": { allow: ["admin"], input: () => ({ open: true }) },
  "admin.disputeEvidence": { allow: ["admin"], input: (f) => ({ disputeId: f.disputeId }) },
  "admin.decideDispute": {
    allow: ["admin"],
    input: (f) => ({
      disputeId: f.disputeId,
      decision: "REJECT",
      note: "matrix check",
      idempotencyKey: key(),
    }),
  },
  "admin.customers": { allow: ["admin"], input: () => ({ limit: 5 }) },
  "admin.customer": { allow: ["admin"], input: (f) => ({ userId: f.customerId }) },
  "admin.operators": { allow: ["admin"], input: () => undefined },
  "admin.customerCard": { allow: ["admin"], input: (f) => ({ userId: f.customerId }) },
  "admin.issueCustomerCard": { allow: ["admin"], input: (f) => ({ userId: f.customerId }) },
  "admin.blockCustomerCard": {
    allow: ["admin"],
    input: (f) => ({ userId: f.customerId, reason: "matrix: reported lost" }),
  },
  "admin.updateCustomer": {
    allow: ["admin"],
    input: (f) => ({ userId: f.customerId, kycTier: 2 }),
  },
  "admin.settings": { allow: ["admin"], input: () => ({ limit: 2 }) },
  "admin.updateSettings": {
    // basedOnVersion 1,000,000 never matches: a real, validated update that is refused as stale,
    // so the matrix does not change the settings every other test runs on.
    allow: ["admin"],
    input: () => ({ basedOnVersion: 1_000_000, settings: DEFAULT_SETTINGS }),
  },
  "admin.audit": { allow: ["admin"], input: () => ({ limit: 5, entityType: "order" }) },
  "admin.overview": { allow: ["admin"], input: () => undefined },
  "admin.cyclingPairs": { allow: ["admin"], input: () => undefined },
  "admin.auditChain": { allow: ["admin"], input: () => undefined },
  "admin.accounts": { allow: ["admin"], input: () => ({ kind: "SETTLEMENT" }) },
  "admin.statement": { allow: ["admin"], input: (f) => ({ accountId: f.accountId, limit: 5 }) },
  "admin.journal": { allow: ["admin"], input: () => ({ limit: 5 }) },
  "admin.operatorInvitations": { allow: ["admin"], input: () => ({ limit: 5 }) },
  "admin.proposeOperator": {
    allow: ["admin"],
    input: () => ({ phone: uniquePhone(), name: "Matrix Operator" }),
  },
  "admin.decideOperator": {
    allow: ["admin"],
    input: (f) => ({ invitationId: f.invitationId, approve: false }),
  },
  "admin.lockOperator": {
    allow: ["admin"],
    input: (f) => ({ userId: f.makerId, reason: "matrix check" }),
  },
  // The maker is active: allowed callers are refused as "not locked", others are denied.
  "admin.unlockOperator": { allow: ["admin"], input: (f) => ({ userId: f.makerId }) },
  "admin.trialBalance": { allow: ["admin"], input: () => undefined },
  "admin.reconcile": { allow: ["admin"], input: () => undefined },
  // Both parties of an order watch it: its customer and the agent who scanned it.
  "live.order": {
    allow: ["customer", "agent", "assistant"],
    input: (f) => ({ orderId: f.cashOutId }),
  },
  // A completed order's receipt: its customer and the shop that completed it.
  "customer.receipt": { allow: CUSTOMER_ONLY, input: (f) => ({ orderId: f.completedId }) },
  "agent.receipt": { allow: AT_THE_COUNTER, input: (f) => ({ orderId: f.completedId }) },
  "customer.reportOvercharge": {
    allow: CUSTOMER_ONLY,
    input: (f) => ({
      orderId: f.completedId,
      amountAsked: 5_000n,
      note: "matrix check",
      idempotencyKey: key(),
    }),
  },
  "admin.overchargeReports": { allow: ["admin"], input: () => ({ limit: 5 }) },
  // The finder: customers search and reserve, the shop answers, its owner sets its hours,
  // an operator places it on the map. The customer already holds a reservation: reserving
  // again is a refusal (one open per customer), not a denial.
  "finder.search": {
    allow: ["customer", "otherCustomer"],
    input: () => ({ type: "CASH_IN", amount: 10_000n, currency: "KES", area: "Matrix" }),
  },
  "finder.reserve": {
    allow: ["customer", "otherCustomer"],
    input: (f) => ({
      agentId: f.agentId,
      type: "CASH_IN",
      amount: 10_000n,
      currency: "KES",
      idempotencyKey: key(),
    }),
  },
  "finder.myReservation": { allow: ["customer", "otherCustomer"], input: () => undefined },
  "finder.cancel": {
    allow: CUSTOMER_ONLY,
    input: (f) => ({ reservationId: f.reservationId, idempotencyKey: key() }),
  },
  "finder.reservations": { allow: ANY_AGENT, input: () => undefined },
  // Another shop's reservation is not found; a suspended shop may not promise money.
  "finder.accept": {
    allow: AT_THE_COUNTER,
    input: (f) => ({ reservationId: f.reservationId, idempotencyKey: key() }),
  },
  "finder.decline": {
    allow: AT_THE_COUNTER,
    input: (f) => ({ reservationId: f.reservationId, idempotencyKey: key() }),
  },
  "finder.myShop": { allow: SHOP_OWNER, input: () => undefined },
  "finder.updateMyShop": {
    allow: SHOP_OWNER,
    input: () => ({ openingHours: [null, null, null, null, null, null, null] }),
  },
  "finder.setAgentLocation": {
    allow: ["admin"],
    input: (f) => ({ agentId: f.agentId, latitude: -1.29, longitude: 36.82, areaName: "Matrix" }),
  },
  // The drawer is the shop's own cash record: a suspended shop still counts its cash. Without
  // an open day a move or close is a refusal (409), not a denial.
  "drawer.state": { allow: ANY_AGENT, input: () => undefined },
  "drawer.logbook": { allow: ANY_AGENT, input: () => undefined },
  "drawer.open": { allow: ANY_AGENT, input: () => ({ total: 100_000n, idempotencyKey: key() }) },
  "drawer.move": {
    allow: ANY_AGENT,
    input: () => ({
      kind: "CASH_DELIVERED",
      amount: 1_000n,
      note: "matrix",
      idempotencyKey: key(),
    }),
  },
  "drawer.close": { allow: ANY_AGENT, input: () => ({ total: 100_000n, idempotencyKey: key() }) },
  // Owner-only (shopOwnerProcedure).
  "drawer.setThresholds": { allow: SHOP_OWNER, input: () => ({ lowFloat: null, lowCash: null }) },
  "drawer.agentDays": { allow: ["admin"], input: (f) => ({ agentId: f.agentId }) },
  "drawer.setAgentThresholds": {
    allow: ["admin"],
    input: (f) => ({ agentId: f.agentId, lowFloat: null, lowCash: null }),
  },
};

export async function personas(): Promise<
  Record<Persona, Actor | null> & { phones: Record<Persona, string | null>; fixture: Fixture }
> {
  const customer = await newCustomer(1_000_000n);
  const other = await newCustomer(1_000_000n);
  const agent = await newAgent(10_000_000n);
  const suspended = await newAgent(10_000_000n);
  // The agent persona's assistants: one serving, one suspended, and one of each as targets.
  const assistant = await newAssistant(agent, "Matrix Assistant");
  const suspendedAssistant = await newAssistant(agent, "Matrix Suspended");
  const target = await newAssistant(agent, "Matrix Target");
  const suspendedTarget = await newAssistant(agent, "Matrix Suspended Target");
  for (const a of [suspendedAssistant, suspendedTarget]) {
    await agent.api.agent.suspendAssistant({ userId: a.userId });
  }
  await inTransaction((tx) =>
    tx.agent.update({
      where: { id: suspended.agentId },
      data: { status: "SUSPENDED", suspendedReason: "matrix" },
    }),
  );
  const adminId = crypto.randomUUID();
  const adminPhone = uniquePhone();
  const adminHash = await hashOf1234();
  await inTransaction((tx) =>
    insertUser(tx, {
      id: adminId,
      role: "ADMIN",
      phone: adminPhone,
      name: "Admin",
      // A real hash: the HTTP fuzzer signs this operator in over next-auth.
      pinHash: adminHash,
    }),
  );
  const card = await customer.api.customer.issueCard();
  const order = await placeOrder(customer, "CASH_IN", 10_000n);
  const cashOut = await placeOrder(customer, "CASH_OUT", 10_000n);
  // The agent has claimed the cash-out, so agent-side calls reach their real checks.
  await agent.api.agent.claim({ token: cashOut.token! });
  const spare = await placeOrder(customer, "CASH_IN", 10_000n);
  const done = await placeOrder(customer, "CASH_IN", 10_000n);
  await agent.api.agent.claim({ token: done.token! });
  await agent.api.agent.confirm({ orderId: done.id, idempotencyKey: key() });
  // Two cash-ins the agent declined after the scan: one already reported (the open dispute
  // operators decide on), one the customer may still report.
  const declined: string[] = [];
  for (let i = 0; i < 2; i++) {
    const o = await placeOrder(customer, "CASH_IN", 10_000n);
    await agent.api.agent.claim({ token: o.token! });
    await agent.api.agent.decline({ orderId: o.id, reason: "matrix", idempotencyKey: key() });
    declined.push(o.id);
  }
  await customer.api.customer.reportProblem({
    orderId: declined[0]!,
    kind: "CASH_NOT_CREDITED",
    note: "matrix fixture",
    idempotencyKey: key(),
  });
  const disputeId = (
    await inTransaction((tx) => tx.dispute.findUniqueOrThrow({ where: { orderId: declined[0]! } }))
  ).id;
  const makerId = crypto.randomUUID();
  await inTransaction((tx) =>
    insertUser(tx, {
      id: makerId,
      role: "ADMIN",
      phone: uniquePhone(),
      name: "Maker",
      pinHash: "x",
    }),
  );
  const { reversalId } = await callerFor({
    userId: makerId,
    role: "ADMIN",
    ip: null,
  }).admin.requestReversal({
    orderId: done.id,
    reason: "matrix fixture",
    idempotencyKey: key(),
  });
  const maker = callerFor({ userId: makerId, role: "ADMIN", ip: null });
  // Twice the default allowance of one operator alone: waits for a second operator.
  const pending = await maker.admin.fundFloat({
    agentId: agent.agentId,
    amount: 20_000_000n,
    externalRef: `BANK-${key().slice(0, 8)}`,
    idempotencyKey: key(),
  });
  if (pending.status !== "PENDING_APPROVAL") throw new Error("expected a pending funding");
  const reservation = await customer.api.finder.reserve({
    agentId: agent.agentId,
    type: "CASH_IN",
    amount: 10_000n,
    currency: "KES",
    idempotencyKey: key(),
  });
  const { invitationId } = await maker.admin.proposeOperator({
    phone: uniquePhone(),
    name: "Matrix Proposal",
  });
  const { rebalanceId } = await agent.api.agent.requestRebalance({
    kind: "SELL_FLOAT",
    amount: 1_000n,
    idempotencyKey: key(),
  });
  return {
    anonymous: null,
    customer: customer.actor,
    otherCustomer: other.actor,
    agent: agent.actor,
    suspendedAgent: suspended.actor,
    assistant: assistant.actor,
    suspendedAssistant: suspendedAssistant.actor,
    admin: { userId: adminId, role: "ADMIN", ip: null },
    /** Who signs in as each persona over HTTP; every PIN (the operator's password) is 1234. */
    phones: {
      anonymous: null,
      customer: customer.phone,
      otherCustomer: other.phone,
      agent: agent.phone,
      suspendedAgent: suspended.phone,
      assistant: assistant.phone,
      // Cannot sign in at all (that is the suspension): over HTTP it is anonymous.
      suspendedAssistant: null,
      admin: adminPhone,
    } as Record<Persona, string | null>,
    fixture: {
      cardSecret: card.active!.secret,
      assistantId: target.userId,
      suspendedAssistantId: suspendedTarget.userId,
      reservationId: reservation.id,
      agentId: agent.agentId,
      accountId: (
        await inTransaction((tx) =>
          tx.account.findFirstOrThrow({ where: { userId: customer.userId } }),
        )
      ).id,
      customerId: customer.userId,
      reversalId,
      makerId,
      moneyRequestId: pending.requestId,
      invitationId,
      disputeId,
      declinedId: declined[1]!,
      orderId: order.id,
      completedId: done.id,
      cashOutId: cashOut.id,
      token: spare.token!,
      rebalanceId,
    },
  };
}
