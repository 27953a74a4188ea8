import { randomUUID } from "node:crypto";
import {
  type DisputeKind,
  type DisputeParty,
  requireDisputable,
  requireUnderCap,
} from "@/domain/disputes";
import { DomainError } from "@/domain/errors";
import type { Tx } from "../db/transaction";
import { appendAudit } from "../repositories/audit";
import {
  disputesOpenedRecently,
  insertDispute,
  notifyOrderChanged,
  recordDisputeHold,
} from "../repositories/disputes";
import { holdForDispute } from "../repositories/ledger";
import { findOrder, lockOrderRow, type OrderRow } from "../repositories/orders";
import { currentSettings } from "../repositories/settings";
import { lockUserRow, shopOfUser } from "../repositories/users";
import type { Actor } from "./actor";
import { partiesOf } from "./execute-order";
import { idempotent } from "./idempotent";
import {
  type AgentOrderView,
  agentView,
  type CustomerOrderView,
  customerView,
  customerViewAtRest,
} from "./order-views";

interface Report {
  orderId: string;
  kind: DisputeKind;
  note: string;
  idempotencyKey: string;
}

/**
 * The customer reports that cash crossed the counter but the order did not give its value
 * (src/domain/disputes.ts says which reasons fit which order). The disputed amount is held
 * on the shop's float, as much as is still there, until operators decide.
 */
export function openDispute(actor: Actor, input: Report): Promise<CustomerOrderView> {
  const { idempotencyKey, ...payload } = input;
  return idempotent(
    actor,
    idempotencyKey,
    "order.dispute",
    payload,
    async (tx) => {
      await lockOrderRow(tx, input.orderId);
      const order = await findOrder(tx, input.orderId);
      if (!order || order.customerId !== actor.userId) {
        throw new DomainError("NOT_FOUND", "orderNotFound");
      }
      await open(tx, actor, order, { ...input, party: "CUSTOMER", opener: actor.userId });
      return customerView(tx, actor, order.id);
    },
    customerViewAtRest,
  );
}

/**
 * The shop reports a completed cash-in whose cash was fake or short. The caller's shop is
 * resolved through shopOfUser, and the shop's disputes count against its owner (one cap per
 * shop, however many people serve there). The amount is held on the customer's wallet, as
 * much as is still there, until operators decide.
 */
export function reportShopProblem(actor: Actor, input: Report): Promise<AgentOrderView> {
  const { idempotencyKey, ...payload } = input;
  return idempotent(actor, idempotencyKey, "agent.dispute", payload, async (tx) => {
    const shop = await shopOfUser(tx, actor.userId);
    if (!shop) throw new DomainError("FORBIDDEN", "notAnAgent");
    await lockOrderRow(tx, input.orderId);
    const order = await findOrder(tx, input.orderId);
    if (!order || order.agentId !== shop.id) {
      throw new DomainError("NOT_FOUND", "orderNotForShop");
    }
    await open(tx, actor, order, { ...input, party: "SHOP", opener: shop.userId });
    return agentView(tx, actor, order.id);
  });
}

/**
 * Opens the dispute under the rules, inside the caller's transaction, which already holds the
 * order's row lock (a reversal of the order waits for it and then sees the dispute).
 */
async function open(
  tx: Tx,
  actor: Actor,
  order: OrderRow,
  report: { kind: DisputeKind; note: string; party: DisputeParty; opener: string },
): Promise<void> {
  const { settings } = await currentSettings(tx);
  const rule = requireDisputable(
    {
      type: order.type,
      status: order.status,
      claimed: order.agentId !== null,
      endedAt: order.completedAt ?? order.closedAt,
    },
    report.party,
    report.kind,
    new Date(),
    settings.disputes.windowHours,
  );
  // One opener's reports take turns on their user row, so a burst counts exactly to the cap.
  await lockUserRow(tx, report.opener);
  requireUnderCap(await disputesOpenedRecently(tx, report.opener), settings.disputes.monthlyCap);
  const id = randomUUID();
  if (
    !(await insertDispute(tx, {
      id,
      orderId: order.id,
      kind: report.kind,
      party: report.party,
      openedBy: report.opener,
      note: report.note,
      disputed: order.amount,
    }))
  ) {
    throw new DomainError("CONFLICT", "disputeExists");
  }
  const { accounts } = await partiesOf(tx, order);
  // held = min(disputed, available), taken under the account's row lock (holdForDispute).
  const held = await holdForDispute(tx, {
    accountId: rule.held === "FLOAT" ? accounts.float : accounts.wallet,
    disputeId: id,
    amount: order.amount,
  });
  await recordDisputeHold(tx, id, held);
  await appendAudit(tx, {
    actorId: actor.userId,
    actorRole: actor.role,
    action: "dispute.open",
    entityType: "order",
    entityId: order.id,
    ip: actor.ip,
    after: { disputeId: id, kind: report.kind, party: report.party, held, note: report.note },
  });
  await notifyOrderChanged(tx, order.id);
}
