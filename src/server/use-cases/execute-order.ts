import { DomainError, money } from "@/domain/errors";
import { type OrderAction, transitionFor } from "@/domain/order-state";
import type { ErrorKey } from "@/i18n/translate";
import type { Tx } from "../db/transaction";
import { accountsForOrder } from "../repositories/accounts";
import { applyOrderStep, type OrderStep, type StepDone } from "../repositories/order-steps";
import type { OrderRow } from "../repositories/orders";
import { executionPostingsOf } from "../repositories/reversals";
import { agentShop } from "../repositories/users";
import type { Actor } from "./actor";
import { executionEntry, shortOf } from "./order-step";

// The journal entries of the operators' remedies, built inside their transactions (the
// counter's commands read what they need in one statement instead: order-step.ts).

type Entry = NonNullable<OrderStep["entry"]>;
type Money = { entry: Entry; explainShort: (accountId: bigint) => DomainError };

/**
 * An operator's remedy moves the order inside the operator's transaction (a reversal, an
 * upheld dispute): at any time, with `money`'s entry. An account that cannot cover its part
 * is named; an order that moved meanwhile is refused with `changed`, and the transaction
 * rolls back with it.
 */
export async function operatorMove(
  tx: Tx,
  actor: Actor,
  order: OrderRow,
  action: OrderAction,
  money: Money,
  fields: { closeReason: string; detail: string; commission?: bigint },
  changed: ErrorKey,
): Promise<StepDone & { outcome: "done" }> {
  const t = transitionFor(order.type, action);
  const r = await applyOrderStep(tx, {
    orderId: order.id,
    from: t.from,
    to: t.to,
    time: "any",
    actor,
    ...fields,
    entry: money.entry,
  });
  if (r.outcome === "short") throw money.explainShort(r.accountId);
  if (r.outcome !== "done") throw new DomainError("CONFLICT", changed);
  return r;
}

/** A claimed order's shop and the accounts its money moves between (locked by nothing). */
export async function partiesOf(tx: Tx, order: OrderRow) {
  if (!order.agentId) throw new Error(`order ${order.id} has no agent`);
  const agent = (await agentShop(tx, order.agentId))!;
  const accounts = await accountsForOrder(
    tx,
    order.id,
    order.customerId,
    agent.userId,
    order.currency,
  );
  return { agent, accounts };
}

/** The entry that executes `order` with the given commission (a dispute's credit pays none). */
export async function executionEntryIn(
  tx: Tx,
  order: OrderRow,
  commission: bigint,
): Promise<Money> {
  const { agent, accounts } = await partiesOf(tx, order);
  return {
    entry: executionEntry(order, accounts, agent.shopName, "float", commission),
    explainShort: (accountId) => shortOf(accountId, accounts),
  };
}

/**
 * The execution entry again with opposite signs (a new entry; the original stays).
 * ledger_post refuses when a customer or agent account no longer holds its part (the money
 * has been spent); explainShort says which.
 */
export async function undoEntryIn(
  tx: Tx,
  order: OrderRow,
  reason: string,
  actorId: string,
): Promise<Money> {
  const original = await executionPostingsOf(tx, order.id);
  return {
    entry: {
      kind: "REVERSAL",
      description: `Reversal of ${order.reference}: ${reason}`,
      postings: original.map((p) => ({ accountId: p.account_id, amount: -p.amount })),
      createdBy: actorId,
    },
    explainShort: (accountId) => {
      const short = original.find((p) => p.account_id === accountId);
      return new DomainError("INSUFFICIENT_BALANCE", "cannotReverseShort", {
        account: short?.kind.toLowerCase() ?? "account",
        amount: money(short ? short.amount : 0n, order.currency),
      });
    },
  };
}
