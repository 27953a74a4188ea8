import {
  DISPUTE_DEFAULTS,
  type DisputeKind,
  type DisputeParty,
  type DisputeRules,
  type DisputeStatus,
} from "@/domain/disputes";
import type { OrderStatus } from "@/domain/order-state";
import type { Posting } from "@/domain/postings";
import type { OrderType } from "@/domain/pricing";
import type { Runner } from "../db/sql";
import { queryJson, sqlError } from "../db/sql";
import { metrics, secondsSince } from "../observability/metrics";
import { LIVE_SQL, type OrderRow, UNEXECUTED_SQL } from "./orders";

/** An order as order_json() writes it: amounts as text, times as ISO strings. */
interface OrderJson {
  id: string;
  reference: string;
  type: OrderType;
  status: OrderStatus;
  customerId: string;
  agentId: string | null;
  currency: string;
  amount: string;
  fee: string;
  commission: string | null;
  tokenHash: string;
  typedCode: string;
  configVersion: number;
  expiresAt: string;
  createdAt: string;
  claimedAt: string | null;
  approvedAt: string | null;
  completedAt: string | null;
  closedAt: string | null;
  closeReason: string | null;
  /** Absent from answers stored under idempotency keys before the shop_assistants migration. */
  servedBy?: string | null;
}

const dateOrNull = (v: string | null) => (v === null ? null : new Date(v));

export function orderFromJson(o: OrderJson): OrderRow {
  return {
    ...o,
    currency: o.currency,
    amount: BigInt(o.amount),
    fee: BigInt(o.fee),
    commission: o.commission === null ? null : BigInt(o.commission),
    expiresAt: new Date(o.expiresAt),
    createdAt: new Date(o.createdAt),
    claimedAt: dateOrNull(o.claimedAt),
    approvedAt: dateOrNull(o.approvedAt),
    completedAt: dateOrNull(o.completedAt),
    closedAt: dateOrNull(o.closedAt),
    servedBy: o.servedBy ?? null,
  };
}

/** A stored answer to an idempotency key, as the database keeps it. */
export interface StoredKey {
  operation: string;
  requestHash: string;
  response: unknown;
}

/** What a step wrote, as order_step returns it and the idempotency table keeps it. */
export interface StepDone {
  order: OrderRow;
  entryId: bigint | null;
  /** The balance right after the entry of the account the step asked about. */
  receiptBalance: bigint | null;
}

interface StepDoneJson {
  outcome: "done";
  order: OrderJson;
  entryId: string | null;
  receiptBalance: string | null;
}

export function stepDoneFromJson(r: StepDoneJson): StepDone {
  return {
    order: orderFromJson(r.order),
    entryId: r.entryId === null ? null : BigInt(r.entryId),
    receiptBalance: r.receiptBalance === null ? null : BigInt(r.receiptBalance),
  };
}

export type StepResult =
  | ({ outcome: "done" } & StepDone)
  | { outcome: "refused"; order: OrderRow | null; overdue: boolean }
  | ({ outcome: "replay" } & StoredKey)
  | { outcome: "short"; accountId: bigint };

/** One state change and everything it implies; see order_step in the fast_money_path migration. */
export interface OrderStep {
  orderId: string;
  from: readonly OrderStatus[];
  to: OrderStatus;
  /** People act only before expiry; the expiry sweep only after it; operators any time. */
  time: "before-expiry" | "after-expiry" | "any";
  actor: { userId: string; role: string; ip: string | null } | null;
  /** Only this agent may move the order; with `claim`, the agent who takes it. */
  agentId?: string;
  claim?: { commission: bigint; holdOpenSeconds: number };
  /** Outside a claim: what the agent earns now (a dispute's credit pays none). */
  commission?: bigint;
  approved?: boolean;
  closeReason?: string;
  detail?: string;
  releaseHold?: boolean;
  entry?: {
    kind: string;
    description: string;
    postings: readonly Posting[];
    captureHold?: boolean;
    createdBy?: string;
    /** Return this account's balance right after the entry (the receipt's figure). */
    receiptAccount?: bigint;
  };
  idempotency?: { key: string; operation: string; requestHash: string };
}

/**
 * The row-lock wait the money functions timed themselves and returned beside their answer
 * (migration lock_wait_timing); replays and early refusals carry none.
 */
function observeLockWait(command: "order_step" | "order_create", r: object): void {
  const ms = (r as { lockWaitMs?: unknown }).lockWaitMs;
  if (typeof ms === "number") metrics().moneyLockWait.observe({ command }, ms / 1000);
}

const STEP_SQL = `SELECT order_step(
  p_order => $1::uuid, p_from => $2::text[], p_to => $3::"OrderStatus", p_time => $4::text,
  p_actor_id => $5::uuid, p_actor_role => $6::text, p_ip => $7::text, p_agent => $8::uuid,
  p_claim => $9::boolean, p_commission => $10::bigint, p_hold_open_seconds => $11::integer,
  p_approved => $12::boolean, p_close_reason => $13::text, p_detail => $14::text,
  p_release_hold => $15::boolean, p_entry_kind => $16::text, p_description => $17::text,
  p_accounts => $18::bigint[], p_amounts => $19::bigint[], p_capture_hold => $20::boolean,
  p_created_by => $21::uuid, p_receipt_account => $22::bigint, p_key => $23::text,
  p_operation => $24::text, p_request_hash => $25::text) AS r`;

/**
 * Applies one step in one statement (db null) or inside the caller's transaction. A journal
 * entry the money cannot cover comes back as "short" with nothing changed.
 */
export async function applyOrderStep(db: Runner, s: OrderStep): Promise<StepResult> {
  const values = [
    s.orderId,
    [...s.from],
    s.to,
    s.time,
    s.actor?.userId ?? null,
    s.actor?.role ?? "SYSTEM",
    s.actor?.ip ?? null,
    s.agentId ?? null,
    s.claim !== undefined,
    s.claim?.commission ?? s.commission ?? null,
    s.claim?.holdOpenSeconds ?? 0,
    s.approved ?? false,
    s.closeReason ?? null,
    s.detail ?? null,
    s.releaseHold ?? false,
    s.entry?.kind ?? null,
    s.entry?.description ?? null,
    s.entry ? s.entry.postings.map((p) => p.accountId) : null,
    s.entry ? s.entry.postings.map((p) => p.amount) : null,
    s.entry?.captureHold ?? false,
    s.entry?.createdBy ?? null,
    s.entry?.receiptAccount ?? null,
    s.idempotency?.key ?? null,
    s.idempotency?.operation ?? null,
    s.idempotency?.requestHash ?? null,
  ];
  let r:
    | StepDoneJson
    | { outcome: "refused"; order: OrderJson | null; overdue: boolean | null }
    | ({ outcome: "replay" } & StoredKey);
  const m = metrics();
  const start = performance.now();
  try {
    r = await queryJson(db, STEP_SQL, values);
  } catch (error) {
    const short = shortAccountOf(error);
    if (short !== null) {
      m.moneyWrite.observe({ command: "order_step", outcome: "short" }, secondsSince(start));
      return { outcome: "short", accountId: short };
    }
    m.moneyWrite.observe({ command: "order_step", outcome: "error" }, secondsSince(start));
    throw error;
  }
  m.moneyWrite.observe({ command: "order_step", outcome: r.outcome }, secondsSince(start));
  observeLockWait("order_step", r);
  switch (r.outcome) {
    case "done": {
      const done = stepDoneFromJson(r);
      // Counted where the one write reports success: a replayed key moved nothing.
      m.orderTransitions.inc({ type: done.order.type, to: done.order.status });
      if (s.entry && done.entryId !== null) m.ledgerPosts.inc({ kind: s.entry.kind });
      return { outcome: "done", ...done };
    }
    case "refused":
      return {
        outcome: "refused",
        order: r.order ? orderFromJson(r.order) : null,
        overdue: r.overdue ?? false,
      };
    case "replay":
      return r;
  }
}

/** order_step raises PP201 naming the account that cannot cover the entry. */
function shortAccountOf(error: unknown): bigint | null {
  const e = sqlError(error);
  if (e?.code !== "PP201") return null;
  const text = e.message;
  const match = /order_step: account (\d+) cannot cover the entry/.exec(text);
  return match ? BigInt(match[1]!) : null;
}

/** Everything a counter command needs to decide, read in one statement. */
export interface OrderContext {
  order: OrderRow | null;
  /** The caller's agent record, when the caller is an agent. */
  agent: {
    id: string;
    status: "ACTIVE" | "SUSPENDED";
    suspendedReason: string | null;
    shopName: string;
    commissionPlan: string;
    /** The shop's owner (false: an assistant, who never sees commission). */
    isOwner: boolean;
  } | null;
  /** The shop that claimed the order, if any. */
  orderAgent: { userId: string; shopName: string } | null;
  customerPhone: string | null;
  /** The name of the person (owner or assistant) whose scan claimed the order. */
  servedByName: string | null;
  /** The caller's own name (who serves an order this call claims). */
  callerName: string | null;
  /** The accounts the order's execution touches (platform ones: the order's shard). */
  accounts: Partial<
    Record<"wallet" | "float" | "commission" | "feeRevenue" | "commissionExpense", bigint>
  >;
  /** The caller's float available in the order's currency (agents). */
  callerFloatAvailable: bigint | null;
  /** The caller's earlier answer under this idempotency key. */
  replay: StoredKey | null;
  /** Wallet and float balances right after the order's execution entry (receipts). */
  executed: { wallet: bigint | null; float: bigint | null };
  dispute: {
    kind: DisputeKind;
    party: DisputeParty;
    status: DisputeStatus;
    openedAt: Date;
    held: bigint;
    decisionNote: string | null;
  } | null;
  /** The disputes settings in force (the newest version): what the screens offer and say. */
  disputeRules: DisputeRules;
}

interface ContextJson {
  order: OrderJson | null;
  agent: OrderContext["agent"];
  orderAgent: OrderContext["orderAgent"];
  customerPhone: string | null;
  servedByName: string | null;
  callerName: string | null;
  accounts: Record<string, string> | null;
  callerFloatAvailable: string | null;
  replay: StoredKey | null;
  executed: { WALLET?: string; FLOAT?: string } | null;
  dispute:
    | (Omit<NonNullable<OrderContext["dispute"]>, "openedAt" | "held"> & {
        openedAt: string;
        held: string;
      })
    | null;
  disputeRules: DisputeRules | null;
}

const ACCOUNT_NAMES: Record<string, keyof OrderContext["accounts"]> = {
  WALLET: "wallet",
  FLOAT: "float",
  COMMISSION: "commission",
  FEE_REVENUE: "feeRevenue",
  COMMISSION_EXPENSE: "commissionExpense",
};

function contextSql(orderBy: "id" | "token_hash"): string {
  return `WITH o AS (SELECT * FROM orders WHERE ${orderBy === "id" ? "id = $2::uuid" : "token_hash = $2"}),
  oa AS (SELECT a.* FROM o JOIN agents a ON a.id = o.agent_id)
  SELECT jsonb_build_object(
    'order', (SELECT order_json(o) FROM o),
    'agent', (SELECT jsonb_build_object('id', g.id, 'status', g.status,
                'suspendedReason', g.suspended_reason, 'shopName', g.shop_name,
                'commissionPlan', g.commission_plan, 'isOwner', g.user_id = $1::uuid)
              FROM agents g WHERE g.id = shop_of_user($1::uuid)),
    'orderAgent', (SELECT jsonb_build_object('userId', oa.user_id, 'shopName', oa.shop_name) FROM oa),
    'customerPhone', (SELECT u.phone FROM o JOIN users u ON u.id = o.customer_id),
    'servedByName', (SELECT u.name FROM o JOIN users u ON u.id = o.served_by),
    'callerName', (SELECT u.name FROM users u WHERE u.id = $1::uuid),
    'accounts', (SELECT jsonb_object_agg(ac.kind, ac.id::text) FROM o, accounts ac
                 WHERE ac.currency = o.currency AND (
                   (ac.user_id = o.customer_id AND ac.kind = 'WALLET')
                   OR (ac.user_id = (SELECT user_id FROM oa) AND ac.kind IN ('FLOAT', 'COMMISSION'))
                   -- The platform's sub-account this order posts to (fast_money_path migration).
                   OR (ac.user_id IS NULL AND ac.kind IN ('FEE_REVENUE', 'COMMISSION_EXPENSE')
                       AND ac.shard = order_shard(o.id)))),
    'callerFloatAvailable', (SELECT (ac.balance - ac.on_hold)::text FROM o, accounts ac
                             WHERE ac.user_id = (SELECT g.user_id FROM agents g
                                                 WHERE g.id = shop_of_user($1::uuid))
                               AND ac.kind = 'FLOAT'
                               AND ac.currency = o.currency),
    'replay', (SELECT jsonb_build_object('operation', k.operation, 'requestHash', k.request_hash,
                 'response', k.response)
               FROM idempotency_keys k WHERE k.user_id = $1::uuid AND k.key = $3::text),
    'executed', (SELECT jsonb_object_agg(a.kind, p.balance_after::text)
                 FROM o JOIN journal_entries e ON e.order_id = o.id AND e.kind IN ('CASH_IN', 'CASH_OUT')
                 JOIN postings p ON p.entry_id = e.id
                 JOIN accounts a ON a.id = p.account_id AND a.kind IN ('WALLET', 'FLOAT')),
    'disputeRules', (SELECT settings->'disputes' FROM config_versions ORDER BY version DESC LIMIT 1),
    'dispute', (SELECT jsonb_build_object('kind', d.kind, 'party', d.party, 'status', d.status,
                  'openedAt', d.opened_at, 'held', d.held::text, 'decisionNote', d.decision_note)
                FROM o JOIN disputes d ON d.order_id = o.id)
  ) AS r`;
}

const CONTEXT_BY_ID = contextSql("id");
const CONTEXT_BY_TOKEN = contextSql("token_hash");

/** One read, no transaction: what the caller may do to the order is decided from it. */
export async function orderContext(
  db: Runner,
  q: { userId: string; orderId?: string; tokenHash?: string; key?: string },
): Promise<OrderContext> {
  const r = await queryJson<ContextJson>(
    db,
    q.tokenHash !== undefined ? CONTEXT_BY_TOKEN : CONTEXT_BY_ID,
    [q.userId, q.tokenHash ?? q.orderId ?? null, q.key ?? null],
  );
  const accounts: OrderContext["accounts"] = {};
  for (const [kind, id] of Object.entries(r.accounts ?? {})) {
    const name = ACCOUNT_NAMES[kind];
    if (name) accounts[name] = BigInt(id);
  }
  return {
    order: r.order ? orderFromJson(r.order) : null,
    agent: r.agent,
    orderAgent: r.orderAgent,
    customerPhone: r.customerPhone,
    servedByName: r.servedByName,
    callerName: r.callerName,
    accounts,
    callerFloatAvailable: r.callerFloatAvailable === null ? null : BigInt(r.callerFloatAvailable),
    replay: r.replay,
    executed: {
      wallet: r.executed?.WALLET ? BigInt(r.executed.WALLET) : null,
      float: r.executed?.FLOAT ? BigInt(r.executed.FLOAT) : null,
    },
    dispute: r.dispute
      ? { ...r.dispute, openedAt: new Date(r.dispute.openedAt), held: BigInt(r.dispute.held) }
      : null,
    // Versions saved before the disputes group read as its defaults (src/domain/settings.ts).
    disputeRules: r.disputeRules ?? DISPUTE_DEFAULTS,
  };
}

/** What a customer's new order is decided from, read in one statement. */
export interface CreateContext {
  user: { status: "ACTIVE" | "LOCKED"; kycTier: number } | null;
  settingsVersion: number;
  wallet: {
    accountId: bigint;
    balance: bigint;
    onHold: bigint;
    /** Sum of the customer's orders in 24 hours that did not fail. */
    usedToday: bigint;
    /** What pending cash-ins would still add to the wallet. */
    pendingCashIn: bigint;
  } | null;
  replay: StoredKey | null;
}

const CREATE_CONTEXT_SQL = `SELECT jsonb_build_object(
  'user', (SELECT jsonb_build_object('status', status, 'kycTier', kyc_tier) FROM users WHERE id = $1::uuid),
  'settingsVersion', (SELECT max(version) FROM config_versions),
  'wallet', (SELECT jsonb_build_object('accountId', a.id::text, 'balance', a.balance::text,
               'onHold', a.on_hold::text, 'usedToday', u.used::text, 'pendingCashIn', u.pending_in::text)
             FROM accounts a CROSS JOIN (
               SELECT
                 coalesce(sum(amount) FILTER (WHERE status NOT IN (${UNEXECUTED_SQL})), 0)::bigint AS used,
                 coalesce(sum(amount - fee) FILTER (WHERE type = 'CASH_IN' AND status IN (${LIVE_SQL})), 0)::bigint AS pending_in
               FROM orders
               WHERE customer_id = $1::uuid AND currency = $2::text
                 AND created_at > now() - interval '24 hours') u
             WHERE a.user_id = $1::uuid AND a.kind = 'WALLET' AND a.currency = $2::text),
  'replay', (SELECT jsonb_build_object('operation', k.operation, 'requestHash', k.request_hash,
               'response', k.response)
             FROM idempotency_keys k WHERE k.user_id = $1::uuid AND k.key = $3::text)
) AS r`;

export async function createOrderContext(
  db: Runner,
  q: { userId: string; currency: string; key: string },
): Promise<CreateContext> {
  const r = await queryJson<{
    user: CreateContext["user"];
    settingsVersion: number | null;
    wallet: Record<keyof NonNullable<CreateContext["wallet"]>, string> | null;
    replay: StoredKey | null;
  }>(db, CREATE_CONTEXT_SQL, [q.userId, q.currency, q.key]);
  if (r.settingsVersion === null) throw new Error("no configuration: run the migrations");
  const w = r.wallet;
  return {
    user: r.user,
    settingsVersion: r.settingsVersion,
    wallet: w
      ? {
          accountId: BigInt(w.accountId),
          balance: BigInt(w.balance),
          onHold: BigInt(w.onHold),
          usedToday: BigInt(w.usedToday),
          pendingCashIn: BigInt(w.pendingCashIn),
        }
      : null,
    replay: r.replay,
  };
}

export interface NewOrderRow {
  id: string;
  reference: string;
  type: OrderType;
  customerId: string;
  currency: string;
  amount: bigint;
  fee: bigint;
  tokenHash: string;
  /** Candidate typed codes, tried in turn until one is free among live orders. */
  codes: string[];
  settingsVersion: number;
  ttlSeconds: number;
  /** What the decision assumed; the write re-checks it under the customer's row lock. */
  kycTier: number;
  perDay: bigint;
  /** Cash-ins: the wallet's cap, including pending cash-ins. */
  maxBalance: bigint | null;
  walletDelta: bigint;
  /** Cash-outs: the amount to reserve (amount + fee). */
  hold: bigint | null;
  ip: string | null;
  idempotency: { key: string; operation: string; requestHash: string };
}

export type CreateResult =
  | ({ outcome: "done" } & StepDone)
  | ({ outcome: "replay" } & StoredKey)
  | { outcome: "gone" | "locked" | "stale" | "short" | "no_code" };

/** order_create in one statement; see the fast_money_path migration. */
export async function insertOrderChecked(db: Runner, o: NewOrderRow): Promise<CreateResult> {
  let r:
    | StepDoneJson
    | ({ outcome: "replay" } & StoredKey)
    | { outcome: Exclude<CreateResult["outcome"], "done" | "replay"> };
  const m = metrics();
  const start = performance.now();
  try {
    r = await queryJson(
      db,
      `SELECT order_create($1::uuid, $2::text, $3::"OrderType", $4::uuid, $5::text, $6::bigint,
        $7::bigint, $8::text, $9::text[], $10::integer, $11::integer, $12::integer, $13::bigint,
        $14::bigint, $15::bigint, $16::bigint, $17::text, $18::text, $19::text, $20::text) AS r`,
      [
        o.id,
        o.reference,
        o.type,
        o.customerId,
        o.currency,
        o.amount,
        o.fee,
        o.tokenHash,
        o.codes,
        o.settingsVersion,
        o.ttlSeconds,
        o.kycTier,
        o.perDay,
        o.maxBalance,
        o.walletDelta,
        o.hold,
        o.ip,
        o.idempotency.key,
        o.idempotency.operation,
        o.idempotency.requestHash,
      ],
    );
  } catch (error) {
    const short = sqlError(error)?.code === "PP203";
    m.moneyWrite.observe(
      { command: "order_create", outcome: short ? "short" : "error" },
      secondsSince(start),
    );
    if (short) return { outcome: "short" };
    throw error;
  }
  m.moneyWrite.observe({ command: "order_create", outcome: r.outcome }, secondsSince(start));
  observeLockWait("order_create", r);
  if (r.outcome === "done") {
    const done = stepDoneFromJson(r);
    m.orderTransitions.inc({ type: done.order.type, to: done.order.status });
    return { outcome: "done", ...done };
  }
  return r;
}
