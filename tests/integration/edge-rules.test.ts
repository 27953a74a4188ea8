import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { currentSettingsSchema, DEFAULT_SETTINGS } from "../../src/domain/settings";
import { INSTANT_MAX, INSTANT_MIN } from "../../src/server/api/inputs";
import { appRouter } from "../../src/server/api/root";
import { inTransaction } from "../../src/server/db/transaction";
import { BOUNDARY_DATES, inputSchema } from "./fuzz-values";
import { callHttp } from "./http";
import { type Fixture, MATRIX, personas } from "./procedures";

// Every CHECK constraint of the database has the same rule at the edge: a value the database
// would refuse must be refused by the procedure's zod input with a 400, never reach the
// database and come back as a 500. The table below names every CHECK of the migrated
// database; a migration that adds one without registering it here fails the first test.
// For rules an input can reach, values at every bound (min-1, min, max, max+1) are evaluated
// by PostgreSQL itself (the constraint's own expression) and by zod, and must agree; then
// they are sent to every procedure that writes the column.

type Bound =
  /** length() in code points, as PostgreSQL counts; `alphabet` is what the values are made of. */
  | { kind: "length"; min: number; max: number; alphabet?: string[] }
  | { kind: "integer"; min: number; max?: number; bigint?: boolean }
  | { kind: "pattern"; accepted: string[]; refused: string[] };

interface EdgeRule {
  /** Procedure inputs that write the column: procedure path and the field's key. */
  enforcedBy: { procedure: string; field: string }[];
  /** The database's rule, checked against the constraint itself. */
  db: Bound;
  /** When the edge is deliberately narrower than the database, its rule and why. */
  edge?: { bound: Bound; why: string };
}

/** No input reaches the column: the server computes it; the test names why. */
interface ServerRule {
  server: string;
}

const TEXT_ALPHABET = ["a", "𝓪"];
const LEDGER = "posted by ledger_post from domain-computed amounts; invariants.ts checks them";
const CHAIN = "written only by the audit chain's sealer, from hashes it computes; no input";
const STATE = "a guarded state transition sets these columns together; tested by the model test";

const RULES: Record<string, EdgeRule | ServerRule> = {
  users_phone_check: {
    enforcedBy: [
      { procedure: "account.requestSignUpCode", field: "phone" },
      { procedure: "admin.onboardAgent", field: "ownerPhone" },
      { procedure: "agent.addAssistant", field: "phone" },
      { procedure: "admin.proposeOperator", field: "phone" },
    ],
    db: {
      kind: "pattern",
      accepted: ["+12345678", "+123456789012345", "+254712345678"],
      refused: ["+1234567", "+1234567890123456", "+01234567", "12345678", "+1234567a", "+١٢٣٤٥٦٧٨"],
    },
  },
  users_name_check: {
    enforcedBy: [
      { procedure: "account.signUp", field: "name" },
      { procedure: "admin.onboardAgent", field: "ownerName" },
      { procedure: "agent.addAssistant", field: "name" },
      { procedure: "admin.proposeOperator", field: "name" },
    ],
    db: { kind: "length", min: 1, max: 80 },
  },
  users_kyc_tier_check: {
    enforcedBy: [{ procedure: "admin.updateCustomer", field: "kycTier" }],
    db: { kind: "integer", min: 1, max: 3 },
  },
  users_locale_known: {
    enforcedBy: [{ procedure: "account.setLocale", field: "locale" }],
    db: {
      kind: "pattern",
      accepted: ["en", "sw", "fr", "zh"],
      refused: ["", "EN", "de", "en-KE", "english"],
    },
  },
  agents_shop_name_check: {
    enforcedBy: [{ procedure: "admin.onboardAgent", field: "shopName" }],
    db: { kind: "length", min: 1, max: 80 },
  },
  agents_commission_plan_code: {
    enforcedBy: [
      { procedure: "admin.onboardAgent", field: "commissionPlan" },
      { procedure: "admin.setAgentPlan", field: "plan" },
    ],
    db: {
      kind: "pattern",
      accepted: ["AB", "STANDARD", `A${"B".repeat(23)}`, "A_1"],
      refused: ["A", `A${"B".repeat(24)}`, "1AB", "standard", "AB-C", ""],
    },
  },
  orders_amount_check: {
    enforcedBy: [
      { procedure: "customer.createOrder", field: "amount" },
      { procedure: "customer.quote", field: "amount" },
    ],
    db: { kind: "integer", min: 1, bigint: true },
  },
  journal_entries_external_ref_check: {
    enforcedBy: [
      { procedure: "admin.fundFloat", field: "externalRef" },
      { procedure: "admin.defloat", field: "externalRef" },
      { procedure: "admin.payCommission", field: "externalRef" },
    ],
    db: { kind: "length", min: 1, max: 80, alphabet: ["A"] },
    edge: {
      bound: { kind: "length", min: 3, max: 80, alphabet: ["A"] },
      why: "a bank reference of one or two characters is a typo, not a reference",
    },
  },
  reversals_reason_check: {
    enforcedBy: [{ procedure: "admin.requestReversal", field: "reason" }],
    db: { kind: "length", min: 3, max: 500 },
  },
  disputes_note_check: {
    enforcedBy: [
      { procedure: "customer.reportProblem", field: "note" },
      { procedure: "agent.reportProblem", field: "note" },
    ],
    db: { kind: "length", min: 1, max: 500 },
  },
  disputes_decision_note_check: {
    enforcedBy: [{ procedure: "admin.decideDispute", field: "note" }],
    db: { kind: "length", min: 1, max: 500 },
  },

  accounts_currency_check: {
    server: "accounts are opened in the settings' currency, an enum of ISO codes (settings.ts)",
  },
  accounts_available_non_negative: { server: LEDGER },
  accounts_hold_non_negative: { server: LEDGER },
  accounts_owner_matches_kind: { server: "accounts are opened by the server, by kind" },
  accounts_platform_shard: { server: "platform sub-accounts are opened by the bootstrap only" },
  orders_fee_check: { server: "pricing computes the fee from non-negative settings" },
  orders_commission_check: { server: "pricing computes it from non-negative settings" },
  orders_typed_code_check: { server: "generated by codes.ts (nine digits with a check digit)" },
  orders_claimed_has_agent: { server: STATE },
  orders_commission_once_claimed: { server: STATE },
  postings_amount_check: { server: LEDGER },
  holds_amount_check: {
    server:
      "amount + fee of an order, what a dispute holds of the accused side's balance, or a sale of float",
  },
  holds_one_owner: {
    server: "a hold is placed for an order, a dispute or a sale of float by the server",
  },
  rate_limits_key_check: {
    server: "keys are built from a validated phone, an agent id or an IP cut to 64 characters",
  },
  rate_limits_failures_check: { server: "a counter the server increments and decrements" },
  reversals_decided: { server: STATE },
  reversals_four_eyes: { server: "the use case refuses the maker as checker first (four eyes)" },
  disputes_held_check: { server: "what was left of the accused side's balance, never negative" },
  disputes_disputed_check: { server: "the disputed order's amount, positive by orders' own CHECK" },
  disputes_held_within: {
    server: "least(disputed, available) under the account's row lock (holdForDispute)",
  },
  disputes_decided: { server: STATE },
  disputes_four_eyes: { server: "the use case refuses the maker as checker first (four eyes)" },
  disputes_requested: { server: STATE },
  customer_cards_status_check: { server: "set by the card use cases: issue, block, replace" },
  customer_cards_closed: { server: "closing a card sets its status and closed_at together" },
  customer_cards_block_reason_check: {
    enforcedBy: [{ procedure: "admin.blockCustomerCard", field: "reason" }],
    db: { kind: "length", min: 1, max: 200 },
  },

  operator_invitations_phone_check: {
    enforcedBy: [{ procedure: "admin.proposeOperator", field: "phone" }],
    db: {
      kind: "pattern",
      accepted: ["+12345678", "+123456789012345", "+254712345678"],
      refused: ["+1234567", "+1234567890123456", "+01234567", "12345678", "+1234567a"],
    },
  },
  operator_invitations_name_check: {
    enforcedBy: [{ procedure: "admin.proposeOperator", field: "name" }],
    db: { kind: "length", min: 1, max: 80 },
  },
  operator_invitations_four_eyes: {
    server: "the use case refuses the proposer as approver first (four eyes)",
  },
  operator_invitations_decided: { server: STATE },
  operator_invitations_activated: { server: STATE },
  operator_invitations_codes: { server: "the server draws the one-time codes and stores hashes" },
  operator_invitations_approved_code: {
    server: "the server draws the one-time codes and stores hashes",
  },
  money_requests_amount_check: {
    enforcedBy: [
      { procedure: "admin.fundFloat", field: "amount" },
      { procedure: "admin.defloat", field: "amount" },
      { procedure: "admin.payCommission", field: "amount" },
    ],
    db: { kind: "integer", min: 1, bigint: true },
  },
  money_requests_external_ref_check: {
    enforcedBy: [
      { procedure: "admin.fundFloat", field: "externalRef" },
      { procedure: "admin.defloat", field: "externalRef" },
      { procedure: "admin.payCommission", field: "externalRef" },
    ],
    db: { kind: "length", min: 1, max: 80, alphabet: ["A"] },
    edge: {
      bound: { kind: "length", min: 3, max: 80, alphabet: ["A"] },
      why: "a bank reference of one or two characters is a typo, not a reference",
    },
  },
  money_requests_decision_note_check: {
    enforcedBy: [{ procedure: "admin.decideMoneyRequest", field: "note" }],
    db: { kind: "length", min: 1, max: 500 },
  },
  money_requests_kind_check: {
    server: "the procedure (fundFloat, defloat, payCommission) names it",
  },
  money_requests_four_eyes: {
    server: "the use case refuses the maker as checker first (four eyes)",
  },
  money_requests_decided: { server: STATE },
  money_requests_posted: { server: STATE },
  rebalance_requests_amount_check: {
    enforcedBy: [{ procedure: "agent.requestRebalance", field: "amount" }],
    db: { kind: "integer", min: 1, bigint: true },
  },
  rebalance_requests_bank_reference_check: {
    enforcedBy: [{ procedure: "agent.requestRebalance", field: "bankReference" }],
    db: { kind: "length", min: 1, max: 80, alphabet: ["A"] },
    edge: {
      bound: { kind: "length", min: 3, max: 80, alphabet: ["A"] },
      why: "a bank reference of one or two characters is a typo, not a reference",
    },
  },
  rebalance_requests_decision_reason_check: {
    enforcedBy: [{ procedure: "admin.decideRebalance", field: "reason" }],
    db: { kind: "length", min: 1, max: 500 },
  },
  rebalance_requests_reference: {
    server: "the input's refinement: a reference with a purchase, none with a sale",
  },
  rebalance_requests_awaiting: { server: STATE },
  rebalance_requests_four_eyes: {
    server: "the use case refuses the first approver as second (four eyes)",
  },
  rebalance_requests_decided: { server: STATE },
  rebalance_requests_posted: { server: STATE },
  phone_codes_phone_check: {
    enforcedBy: [{ procedure: "account.requestSignUpCode", field: "phone" }],
    // The column only caps the length; the edge's phone rule is narrower, and both agree here.
    db: {
      kind: "pattern",
      accepted: ["+12345678", "+254712345678"],
      refused: ["+123456789012345678901", "+2547123456789012345678"],
    },
  },
  phone_codes_purpose_check: { server: "the use case names the purpose" },
  phone_codes_attempts_check: { server: "counted up by the server, from 0" },
  phone_codes_ticket_after_verify: { server: STATE },
  phone_codes_used_after_verify: { server: STATE },
  audit_chain_links_seq_check: { server: CHAIN },
  audit_chain_links_source_table_check: { server: CHAIN },
  audit_chain_links_row_hash_check: { server: CHAIN },
  audit_chain_links_prev_hash_check: { server: CHAIN },
  audit_chain_links_hash_follows: { server: CHAIN },
  audit_chain_heads_seq_check: { server: CHAIN },
  audit_chain_heads_hash_check: { server: CHAIN },
  shop_assistants_status_check: {
    server: "set by the staff use cases (add, suspend, reactivate), never from an input",
  },
  shop_assistants_suspended: { server: STATE },
  orders_served_once_claimed: { server: STATE },
  overcharge_reports_amount_asked_check: {
    enforcedBy: [{ procedure: "customer.reportOvercharge", field: "amountAsked" }],
    db: { kind: "integer", min: 1, bigint: true },
  },
  overcharge_reports_note_check: {
    enforcedBy: [{ procedure: "customer.reportOvercharge", field: "note" }],
    db: { kind: "length", min: 1, max: 500 },
  },
  overcharge_reports_currency_check: { server: "copied from the reported order's currency" },
  overcharge_reports_month_first_day: { server: "the month is computed by the insert itself" },
  overcharge_flags_month_first_day: { server: "copied from the report that raises the flag" },
  overcharge_flags_reports_check: { server: "counted by the insert that raises the flag" },
  agents_latitude_check: {
    enforcedBy: [{ procedure: "finder.setAgentLocation", field: "latitude" }],
    db: { kind: "integer", min: -90, max: 90 },
  },
  agents_longitude_check: {
    enforcedBy: [{ procedure: "finder.setAgentLocation", field: "longitude" }],
    db: { kind: "integer", min: -180, max: 180 },
  },
  agents_area_name_check: {
    enforcedBy: [{ procedure: "finder.setAgentLocation", field: "areaName" }],
    db: { kind: "length", min: 1, max: 80 },
  },
  agents_opening_hours_check: {
    server:
      "finder.updateMyShop's input is the domain's weekHours: seven days, each null or minutes",
  },
  agents_position_whole: {
    server: "finder.setAgentLocation requires latitude and longitude together",
  },
  reservations_amount_check: {
    enforcedBy: [{ procedure: "finder.reserve", field: "amount" }],
    db: { kind: "integer", min: 1, bigint: true },
  },
  reservations_status_check: { server: STATE },
  reservations_decided: { server: STATE },
  reservations_closed: { server: STATE },
  cash_drawer_days_opening_count_check: {
    enforcedBy: [{ procedure: "drawer.open", field: "total" }],
    db: { kind: "integer", min: 0, bigint: true },
  },
  cash_drawer_days_counted_check: {
    enforcedBy: [{ procedure: "drawer.close", field: "total" }],
    db: { kind: "integer", min: 0, bigint: true },
  },
  cash_drawer_days_closed: { server: STATE },
  cash_drawer_moves_kind_check: {
    server: "the procedure's enum is the same list (DRAWER_MOVE_KINDS)",
  },
  cash_drawer_moves_note_check: {
    enforcedBy: [{ procedure: "drawer.move", field: "note" }],
    db: { kind: "length", min: 1, max: 200 },
  },
  cash_drawer_moves_signed: {
    server: "people type a positive amount; signedMoveAmount signs it by the kind",
  },
  agents_low_float_threshold_check: {
    enforcedBy: [
      { procedure: "drawer.setThresholds", field: "lowFloat" },
      { procedure: "drawer.setAgentThresholds", field: "lowFloat" },
    ],
    db: { kind: "integer", min: 0, bigint: true },
  },
  agents_low_cash_threshold_check: {
    enforcedBy: [
      { procedure: "drawer.setThresholds", field: "lowCash" },
      { procedure: "drawer.setAgentThresholds", field: "lowCash" },
    ],
    db: { kind: "integer", min: 0, bigint: true },
  },
};

interface Constraint {
  name: string;
  table: string;
  expr: string;
  columns: string[];
  types: string[];
}

async function checkConstraints(): Promise<Constraint[]> {
  return inTransaction(
    (tx) => tx.$queryRaw<Constraint[]>`
      SELECT c.conname AS name, c.conrelid::regclass::text AS table,
             pg_get_expr(c.conbin, c.conrelid) AS expr,
             array_agg(a.attname::text ORDER BY a.attnum) AS columns,
             array_agg(format_type(a.atttypid, a.atttypmod) ORDER BY a.attnum) AS types
      FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
      WHERE c.contype = 'c' AND c.connamespace = 'public'::regnamespace
      GROUP BY c.oid, c.conname, c.conrelid, c.conbin`,
  );
}

/** PostgreSQL's own verdict: the constraint's expression evaluated on the value. */
async function dbAccepts(c: Constraint, value: unknown): Promise<boolean> {
  const [column] = c.columns;
  const [type] = c.types;
  const [row] = await inTransaction((tx) =>
    tx.$queryRawUnsafe<{ ok: boolean }[]>(
      `SELECT coalesce((${c.expr}), true) AS ok FROM (SELECT $1::${type} AS "${column}") AS probe`,
      value,
    ),
  );
  return row!.ok;
}

/** Values at every bound of a rule, each with whether the rule accepts it. */
function atBounds(bound: Bound): { value: unknown; accepted: boolean }[] {
  if (bound.kind === "pattern") {
    return [
      ...bound.accepted.map((value) => ({ value, accepted: true })),
      ...bound.refused.map((value) => ({ value, accepted: false })),
    ];
  }
  if (bound.kind === "integer") {
    const values = [bound.min - 1, bound.min, bound.min + 1];
    if (bound.max !== undefined) values.push(bound.max - 1, bound.max, bound.max + 1);
    return values.map((n) => ({
      value: bound.bigint ? BigInt(n) : n,
      accepted: n >= bound.min && (bound.max === undefined || n <= bound.max),
    }));
  }
  const out: { value: unknown; accepted: boolean }[] = [];
  for (const char of bound.alphabet ?? TEXT_ALPHABET) {
    for (const n of [bound.min - 1, bound.min, bound.max, bound.max + 1]) {
      if (n < 0) continue;
      // Letters, not spaces: trimming would change the length.
      out.push({ value: char.repeat(n), accepted: n >= bound.min && n <= bound.max });
    }
  }
  return out;
}

function edgeAccepts(bound: Bound, value: unknown): boolean {
  if (bound.kind === "pattern") return bound.accepted.includes(value as string);
  if (bound.kind === "integer") {
    const n = Number(value);
    return n >= bound.min && (bound.max === undefined || n <= bound.max);
  }
  const length = [...(value as string)].length;
  const alphabet = bound.alphabet ?? TEXT_ALPHABET;
  return (
    length >= bound.min &&
    length <= bound.max &&
    [...(value as string)].every((ch) => alphabet.includes(ch))
  );
}

function fieldSchema(procedure: string, field: string): z.ZodType {
  let s = inputSchema(procedure) as unknown as { _zod: { def: Record<string, unknown> } };
  const shape = s._zod.def.shape as Record<string, z.ZodType> | undefined;
  if (!shape?.[field]) throw new Error(`${procedure} has no input field ${field}`);
  s = shape[field] as unknown as typeof s;
  return s as unknown as z.ZodType;
}

let constraints: Constraint[];
let who: Awaited<ReturnType<typeof personas>>;

beforeAll(async () => {
  constraints = await checkConstraints();
  who = await personas();
});

describe("edge rules: every CHECK constraint is enforced at the edge", () => {
  it("every CHECK of the migrated database is registered here, and nothing else", () => {
    const names = constraints.map((c) => c.name).sort();
    expect(names.length).toBeGreaterThan(20);
    const unregistered = names.filter((n) => !(n in RULES));
    expect(
      unregistered,
      "CHECK constraints without an edge rule: add the same rule to the procedure's zod input " +
        "and register the constraint in RULES (or say why no input reaches it)",
    ).toEqual([]);
    expect(Object.keys(RULES).filter((n) => !names.includes(n))).toEqual([]);
  });

  for (const [name, rule] of Object.entries(RULES)) {
    if ("server" in rule) continue;
    describe(name, () => {
      const values = () => [...atBounds(rule.db), ...(rule.edge ? atBounds(rule.edge.bound) : [])];

      it("PostgreSQL refuses exactly outside the registered bounds", async () => {
        const c = constraints.find((x) => x.name === name)!;
        expect(c.columns, "edge rules are about one column").toHaveLength(1);
        const seen = [];
        for (const { value, accepted } of atBounds(rule.db)) {
          seen.push({ value, db: await dbAccepts(c, value), registered: accepted });
        }
        expect(seen.filter((s) => s.db !== s.registered)).toEqual([]);
      });

      it("zod refuses what PostgreSQL refuses, and exactly the edge's rule", async () => {
        const c = constraints.find((x) => x.name === name)!;
        const disagreements: string[] = [];
        for (const { procedure, field } of rule.enforcedBy) {
          const schema = fieldSchema(procedure, field);
          for (const { value } of values()) {
            const parsed = schema.safeParse(value);
            // What the database would be handed: zod's output (trimmed), not the raw value.
            const dbOk = parsed.success ? await dbAccepts(c, parsed.data) : false;
            const edgeOk = edgeAccepts(rule.edge?.bound ?? rule.db, value);
            if ((parsed.success && !dbOk) || parsed.success !== edgeOk) {
              disagreements.push(
                `${procedure}.${field} ${String(value).slice(0, 20)}(${String(value).length}): zod ${parsed.success}, database ${await dbAccepts(c, value)}`,
              );
            }
          }
        }
        expect(disagreements).toEqual([]);
      });

      it("every procedure that writes the column answers 400, never 500, at the bounds", async () => {
        const wrong: string[] = [];
        for (const { procedure, field } of rule.enforcedBy) {
          const matrix = MATRIX[procedure]!;
          for (const { value } of values()) {
            const input = { ...(matrix.input(who.fixture as Fixture) as object), [field]: value };
            const outcome = await callHttp(who[matrix.allow[0]!], procedure, input);
            const edgeOk = edgeAccepts(rule.edge?.bound ?? rule.db, value);
            if (outcome.status >= 500 || (!edgeOk && outcome.status !== 400)) {
              wrong.push(`${procedure} ${field}=${String(value).slice(0, 20)}: ${outcome.status}`);
            }
          }
        }
        expect(wrong).toEqual([]);
      });
    });
  }
});

describe("edge rules of PostgreSQL's types", () => {
  const dateFields: { procedure: string; field: string; schema: z.ZodType }[] = [];
  function collectDates(procedure: string, schema: z.ZodType | undefined, path: string): void {
    if (!schema) return;
    const d = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (d.type === "date") dateFields.push({ procedure, field: path, schema });
    const inner = (d.innerType ?? (d.type === "pipe" ? d.in : undefined)) as z.ZodType | undefined;
    if (inner) collectDates(procedure, inner, path);
    for (const [k, v] of Object.entries((d.shape ?? {}) as Record<string, z.ZodType>)) {
      collectDates(procedure, v, `${path}.${k}`);
    }
    for (const option of (d.options ?? []) as z.ZodType[]) collectDates(procedure, option, path);
  }
  for (const procedure of Object.keys(appRouter._def.procedures)) {
    collectDates(procedure, inputSchema(procedure), procedure);
  }

  it("finds the date inputs (cursors and filters)", () => {
    expect(dateFields.length).toBeGreaterThanOrEqual(8);
  });

  it("every date input takes only instants both PostgreSQL and JavaScript hold exactly", async () => {
    // The instant range itself: PostgreSQL stores and returns both ends unchanged.
    for (const d of [INSTANT_MIN, INSTANT_MAX]) {
      const [row] = await inTransaction(
        (tx) => tx.$queryRaw<{ back: Date }[]>`SELECT ${d}::timestamptz AS back`,
      );
      expect(row!.back.getTime()).toBe(d.getTime());
    }
    const wrong: string[] = [];
    for (const { field, schema } of dateFields) {
      for (const d of BOUNDARY_DATES) {
        const inside = d.getTime() >= INSTANT_MIN.getTime() && d.getTime() <= INSTANT_MAX.getTime();
        if (schema.safeParse(d).success !== inside) wrong.push(`${field} ${String(d)}`);
      }
      for (const d of [INSTANT_MIN, INSTANT_MAX]) {
        if (!schema.safeParse(d).success) wrong.push(`${field} refuses ${d.toISOString()}`);
      }
      for (const d of [INSTANT_MIN.getTime() - 1, INSTANT_MAX.getTime() + 1]) {
        if (schema.safeParse(new Date(d)).success) wrong.push(`${field} takes ${d}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("list cursors and filters at year 0 and -271821 are a 400, never a 500", async () => {
    const old = [new Date("0000-01-01T00:00:00Z"), new Date(-8.64e15)];
    const calls: [string, (d: Date) => unknown][] = [
      ["customer.activity", (d) => ({ before: { createdAt: d, id: who.fixture.orderId } })],
      ["agent.history", (d) => ({ before: { createdAt: d, id: who.fixture.orderId } })],
      ["admin.agents", (d) => ({ before: { createdAt: d, id: who.fixture.agentId } })],
      ["admin.orders", (d) => ({ from: d })],
      ["admin.orders", (d) => ({ before: { createdAt: d, id: who.fixture.orderId } })],
      ["admin.customers", (d) => ({ before: { createdAt: d, id: who.fixture.customerId } })],
      ["admin.audit", (d) => ({ to: d })],
      ["admin.disputes", (d) => ({ before: { openedAt: d, id: who.fixture.disputeId } })],
      ["admin.reversals", (d) => ({ before: { requestedAt: d, id: who.fixture.reversalId } })],
    ];
    const wrong: string[] = [];
    for (const [path, input] of calls) {
      for (const d of old) {
        const outcome = await callHttp(who[MATRIX[path]!.allow[0]!], path, input(d));
        if (outcome.status !== 400) wrong.push(`${path} ${d.toISOString()}: ${outcome.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("plan names PostgreSQL's jsonb refuses are refused by the settings schema", async () => {
    const names = [
      "A\u0000B",
      "Gold\uD800",
      "\uDC00Gold",
      "Go\u202Eld",
      "\u2066Gold\u2069",
      "G\u200Bold",
    ];
    const wrong: string[] = [];
    for (const name of names) {
      const settings = {
        ...DEFAULT_SETTINGS,
        commissionPlans: {
          ...DEFAULT_SETTINGS.commissionPlans,
          STANDARD: { ...DEFAULT_SETTINGS.commissionPlans.STANDARD!, name },
        },
      };
      if (currentSettingsSchema.safeParse(settings).success) wrong.push(JSON.stringify(name));
      // The live version, so a name the schema let through would reach the jsonb column.
      const current = await inTransaction((tx) =>
        tx.configVersion.findFirstOrThrow({ orderBy: { version: "desc" } }),
      );
      const outcome = await callHttp(who.admin, "admin.updateSettings", {
        basedOnVersion: current.version,
        settings,
      });
      if (outcome.status !== 400) wrong.push(`${JSON.stringify(name)}: ${outcome.status}`);
    }
    expect(wrong).toEqual([]);
  });
});
