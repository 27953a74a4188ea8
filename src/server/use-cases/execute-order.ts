import { DomainError } from "@/domain/errors";
import { formatMinor } from "@/domain/money";
import { executionPostings } from "@/domain/postings";
import type { Tx } from "../db/transaction";
import { accountsForOrder } from "../repositories/accounts";
import { postEntry } from "../repositories/ledger";
import { agentOfOrder, type OrderRow } from "../repositories/orders";
import { executionPostingsOf } from "../repositories/reversals";

/**
 * Posts the one journal entry that executes an order (its amounts, and the commission
 * `order.commission` says), capturing a cash-out's hold. Called right after the guarded
 * transition to COMPLETED in the same transaction: if the money is not there, ledger_post
 * refuses and the caller's whole transaction, state change included, rolls back.
 * Returns the entry and the agent's float account, for the receipt.
 */
export async function executeOrder(
  tx: Tx,
  order: OrderRow,
): Promise<{ entryId: bigint; floatAccount: bigint }> {
  if (!order.agentId || order.commission === null) {
    // The database refuses a claimed order without both; a missing one is a broken
    // invariant: refuse to pay rather than pay the agent nothing.
    throw new Error(`order ${order.id} has no agent or commission`);
  }
  const agent = (await agentOfOrder(tx, order.agentId))!;
  const accounts = await accountsForOrder(tx, order.customerId, agent.userId, order.currency);
  const posted = await postEntry(tx, {
    kind: order.type,
    orderId: order.id,
    description: `${order.type === "CASH_IN" ? "Cash-in" : "Cash-out"} ${order.reference} at ${agent.shopName}`,
    postings: executionPostings(order.type, { ...order, commission: order.commission }, accounts),
    captureHold: order.type === "CASH_OUT",
  });
  if ("shortAccountId" in posted) {
    if (posted.shortAccountId === accounts.float) {
      throw new DomainError(
        "INSUFFICIENT_FLOAT",
        "The agent's float is not enough for this cash-in. Top up the float, then confirm again",
      );
    }
    throw new DomainError("INSUFFICIENT_BALANCE", "The customer's wallet cannot cover this order");
  }
  return { entryId: posted.entryId, floatAccount: accounts.float };
}

/**
 * Posts the execution entry again with opposite signs (a new entry; the original stays).
 * ledger_post refuses when a customer or agent account no longer holds its part (the money
 * has been spent); then the caller's transaction rolls back and nothing changes.
 */
export async function undoExecution(
  tx: Tx,
  order: OrderRow,
  reason: string,
  actorId: string,
): Promise<bigint> {
  const original = await executionPostingsOf(tx, order.id);
  const posted = await postEntry(tx, {
    kind: "REVERSAL",
    orderId: order.id,
    description: `Reversal of ${order.reference}: ${reason}`,
    postings: original.map((p) => ({ accountId: p.account_id, amount: -p.amount })),
    createdBy: actorId,
  });
  if ("shortAccountId" in posted) {
    const short = original.find((p) => p.account_id === posted.shortAccountId);
    throw new DomainError(
      "INSUFFICIENT_BALANCE",
      `Cannot reverse: the ${short?.kind.toLowerCase() ?? "account"} no longer holds ${formatMinor(short ? short.amount : 0n, order.currency)}`,
    );
  }
  return posted.entryId;
}
