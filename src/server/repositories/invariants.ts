import type { Tx } from "../db/transaction";
import { LIVE_SQL, UNEXECUTED_SQL } from "./orders";

export interface Violation {
  rule: string;
  detail: string;
}

const json = (row: unknown) =>
  JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? v.toString() : v));

/**
 * The ledger's invariants (docs/architecture.md, "The database"), each as one query that returns the rows
 * breaking it. Tests call this after every run; an empty list means the books are sound.
 */
const RULES: { rule: string; sql: string }[] = [
  {
    rule: "balances per currency sum to zero",
    sql: `SELECT currency, sum(balance) AS total FROM accounts GROUP BY currency HAVING sum(balance) <> 0`,
  },
  {
    rule: "every journal entry balances per currency",
    sql: `SELECT entry_id, currency, sum(amount) AS total FROM postings GROUP BY entry_id, currency HAVING sum(amount) <> 0`,
  },
  {
    rule: "every journal entry has two or more postings",
    sql: `SELECT e.id FROM journal_entries e LEFT JOIN postings p ON p.entry_id = e.id GROUP BY e.id HAVING count(p.id) < 2`,
  },
  {
    rule: "no customer or agent account below zero (holds included)",
    sql: `SELECT id, kind, balance, on_hold FROM accounts WHERE NOT allow_negative AND (balance < 0 OR balance - on_hold < 0 OR on_hold < 0)`,
  },
  {
    rule: "cached balance equals the sum of postings",
    sql: `SELECT a.id, a.balance, coalesce(p.total, 0) AS postings
          FROM accounts a LEFT JOIN (SELECT account_id, sum(amount) AS total FROM postings GROUP BY account_id) p
          ON p.account_id = a.id WHERE a.balance <> coalesce(p.total, 0)`,
  },
  {
    rule: "the last posting's balance_after equals the cached balance",
    sql: `SELECT a.id, a.balance, last.balance_after FROM accounts a
          JOIN LATERAL (SELECT balance_after FROM postings WHERE account_id = a.id ORDER BY id DESC LIMIT 1) last ON true
          WHERE last.balance_after <> a.balance`,
  },
  {
    rule: "on_hold equals the sum of active holds",
    sql: `SELECT a.id, a.on_hold, coalesce(h.total, 0) AS holds
          FROM accounts a LEFT JOIN (SELECT account_id, sum(amount) AS total FROM holds WHERE status = 'ACTIVE' GROUP BY account_id) h
          ON h.account_id = a.id WHERE a.on_hold <> coalesce(h.total, 0)`,
  },
  {
    rule: "completed orders have exactly one execution entry, others none",
    sql: `SELECT o.id, o.status, count(e.id) AS entries FROM orders o
          LEFT JOIN journal_entries e ON e.order_id = o.id AND e.kind IN ('CASH_IN', 'CASH_OUT')
          GROUP BY o.id, o.status
          HAVING (o.status IN ('COMPLETED', 'REVERSED') AND count(e.id) <> 1)
              OR (o.status NOT IN ('COMPLETED', 'REVERSED') AND count(e.id) <> 0)`,
  },
  {
    rule: "reversed orders have exactly one reversal entry mirroring the execution, others none",
    sql: `SELECT o.id, o.status, count(r.id) AS reversals FROM orders o
          LEFT JOIN journal_entries r ON r.order_id = o.id AND r.kind = 'REVERSAL'
          GROUP BY o.id, o.status
          HAVING (o.status = 'REVERSED') <> (count(r.id) = 1) OR count(r.id) > 1
          UNION ALL
          SELECT o.id, o.status, 0 FROM orders o
          JOIN journal_entries e ON e.order_id = o.id AND e.kind IN ('CASH_IN', 'CASH_OUT')
          JOIN journal_entries r ON r.order_id = o.id AND r.kind = 'REVERSAL'
          WHERE EXISTS (
            SELECT p.account_id, sum(p.amount) FROM postings p WHERE p.entry_id IN (e.id, r.id)
            GROUP BY p.account_id HAVING sum(p.amount) <> 0)`,
  },
  {
    rule: "cash-out holds follow the order: active while live, captured when completed, released otherwise",
    sql: `SELECT o.id, o.status, h.status AS hold FROM orders o LEFT JOIN holds h ON h.order_id = o.id
          WHERE o.type = 'CASH_OUT' AND NOT (
            (o.status IN (${LIVE_SQL}, 'APPROVED') AND h.status = 'ACTIVE')
            OR (o.status IN ('COMPLETED', 'REVERSED') AND h.status = 'CAPTURED')
            OR (o.status IN (${UNEXECUTED_SQL}) AND h.status = 'RELEASED'))
          UNION ALL
          SELECT o.id, o.status, h.status FROM orders o JOIN holds h ON h.order_id = o.id WHERE o.type = 'CASH_IN'`,
  },
  {
    rule: "an order's journal entry moves exactly its amounts between wallet and float",
    sql: `SELECT o.id FROM orders o
          JOIN journal_entries e ON e.order_id = o.id AND e.kind IN ('CASH_IN', 'CASH_OUT')
          JOIN postings p ON p.entry_id = e.id JOIN accounts a ON a.id = p.account_id
          GROUP BY o.id, o.type, o.amount, o.fee
          HAVING coalesce(sum(p.amount) FILTER (WHERE a.kind = 'WALLET'), 0)
                   <> CASE WHEN o.type = 'CASH_IN' THEN o.amount - o.fee ELSE -(o.amount + o.fee) END
              OR coalesce(sum(p.amount) FILTER (WHERE a.kind = 'FLOAT'), 0)
                   <> CASE WHEN o.type = 'CASH_IN' THEN -o.amount ELSE o.amount END`,
  },
  {
    // Shop assistants serve on the owner's float: whoever served, the money is the shop's.
    rule: "an order was served by its shop's owner or one of that shop's assistants",
    sql: `SELECT o.id, o.agent_id, o.served_by FROM orders o JOIN agents g ON g.id = o.agent_id
          WHERE o.served_by IS DISTINCT FROM g.user_id
            AND NOT EXISTS (SELECT 1 FROM shop_assistants s
                            WHERE s.user_id = o.served_by AND s.agent_id = o.agent_id)`,
  },
  {
    rule: "sell-float holds follow their request on the owner's float; purchases hold nothing",
    sql: `SELECT r.id, r.kind, r.status, h.status AS hold FROM rebalance_requests r
          JOIN agents ag ON ag.id = r.agent_id
          LEFT JOIN holds h ON h.rebalance_id = r.id
          LEFT JOIN accounts a ON a.id = h.account_id
          WHERE NOT (
            (r.kind = 'BUY_FLOAT' AND h.id IS NULL)
            OR (r.kind = 'SELL_FLOAT' AND h.amount = r.amount AND a.kind = 'FLOAT'
                AND a.user_id = ag.user_id AND (
                  (r.status IN ('REQUESTED', 'AWAITING_SECOND') AND h.status = 'ACTIVE')
                  OR (r.status = 'APPROVED' AND h.status = 'CAPTURED')
                  OR (r.status IN ('REJECTED', 'CANCELLED') AND h.status = 'RELEASED'))))`,
  },
  {
    rule: "an approved rebalance's entry moves exactly its amount onto or off the owner's float",
    sql: `SELECT r.id FROM rebalance_requests r
          JOIN agents ag ON ag.id = r.agent_id
          JOIN journal_entries e ON e.id = r.journal_entry_id
          JOIN postings p ON p.entry_id = e.id JOIN accounts a ON a.id = p.account_id
          GROUP BY r.id, r.kind, r.amount, e.kind, e.external_ref, r.bank_reference, ag.user_id
          HAVING e.kind <> CASE r.kind WHEN 'BUY_FLOAT' THEN 'FUND_FLOAT' ELSE 'DEFLOAT' END
              OR e.external_ref <> coalesce(r.bank_reference, 'rebalance-' || r.id)
              OR count(*) <> 2
              OR coalesce(sum(p.amount) FILTER (WHERE a.kind = 'FLOAT' AND a.user_id = ag.user_id), 0)
                   <> CASE r.kind WHEN 'BUY_FLOAT' THEN r.amount ELSE -r.amount END`,
  },
  {
    rule: "dispute holds follow their dispute: active for what an open one held, none once decided",
    sql: `SELECT d.id, d.status, d.held, h.status AS hold, h.amount FROM disputes d
          LEFT JOIN holds h ON h.dispute_id = d.id
          WHERE (d.status IN ('OPEN', 'UPHOLD_REQUESTED') AND d.held > 0
                 AND (h.id IS NULL OR h.status <> 'ACTIVE' OR h.amount <> d.held))
             OR (d.held = 0 AND h.id IS NOT NULL)
             OR (d.status IN ('UPHELD', 'REJECTED') AND h.status = 'ACTIVE')`,
  },
  {
    rule: "a dispute holds the accused side: the shop's float for a customer, the wallet for a shop",
    sql: `SELECT d.id, d.party, a.kind, a.user_id FROM disputes d
          JOIN holds h ON h.dispute_id = d.id JOIN accounts a ON a.id = h.account_id
          JOIN orders o ON o.id = d.order_id LEFT JOIN agents g ON g.id = o.agent_id
          WHERE NOT ((d.party = 'CUSTOMER' AND a.kind = 'FLOAT' AND a.user_id = g.user_id)
                  OR (d.party = 'SHOP' AND a.kind = 'WALLET' AND a.user_id = o.customer_id))`,
  },
];

export async function findInvariantViolations(db: Tx): Promise<Violation[]> {
  const violations: Violation[] = [];
  for (const { rule, sql } of RULES) {
    const rows = await db.$queryRawUnsafe<unknown[]>(sql);
    for (const row of rows) violations.push({ rule, detail: json(row) });
  }
  return violations;
}
