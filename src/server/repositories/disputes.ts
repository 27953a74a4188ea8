import {
  CAP_PERIOD_DAYS,
  type DisputeKind,
  type DisputeParty,
  type DisputeStatus,
} from "@/domain/disputes";
import type { Tx } from "../db/transaction";
import { keysetBefore } from "./keyset";
import { ORDER_CHANNEL, ORDER_HEADLINE } from "./orders";

/** Opens a dispute unless the order already has one; false when it has. */
export async function insertDispute(
  db: Tx,
  d: {
    id: string;
    orderId: string;
    kind: DisputeKind;
    party: DisputeParty;
    openedBy: string;
    note: string;
    disputed: bigint;
  },
): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO disputes (id, order_id, kind, party, opened_by, note, disputed, held)
    VALUES (${d.id}::uuid, ${d.orderId}::uuid, ${d.kind}::"DisputeKind",
            ${d.party}::"DisputeParty", ${d.openedBy}::uuid, ${d.note}, ${d.disputed}, 0)
    ON CONFLICT (order_id) DO NOTHING`;
  return inserted === 1;
}

/**
 * How many disputes `openedBy` opened in the cap's period. The caller holds the lock on the
 * opener's user row, so a burst of reports counts one after the other.
 */
export async function disputesOpenedRecently(db: Tx, openedBy: string): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM disputes
    WHERE opened_by = ${openedBy}::uuid
      AND opened_at > now() - make_interval(days => ${CAP_PERIOD_DAYS})`;
  return rows[0]?.n ?? 0;
}

/** The order's dispute while it is open (OPEN or UPHOLD_REQUESTED), or null. */
export function openDisputeOfOrder(db: Tx, orderId: string) {
  return db.dispute.findFirst({
    where: { orderId, status: { in: ["OPEN", "UPHOLD_REQUESTED"] } },
    select: { id: true },
  });
}

export async function recordDisputeHold(db: Tx, id: string, held: bigint): Promise<void> {
  await db.$executeRaw`UPDATE disputes SET held = ${held} WHERE id = ${id}::uuid`;
}

export function findDispute(db: Tx, id: string) {
  return db.dispute.findUnique({ where: { id } });
}

export function disputeOfOrder(db: Tx, orderId: string) {
  return db.dispute.findUnique({ where: { orderId } });
}

/**
 * The first operator asks to uphold: OPEN -> UPHOLD_REQUESTED. Guarded, so two operators
 * pressing at once cannot both become the requester.
 */
export async function requestUphold(db: Tx, id: string, by: string): Promise<boolean> {
  const changed = await db.$executeRaw`
    UPDATE disputes SET status = 'UPHOLD_REQUESTED', uphold_requested_by = ${by}::uuid,
                        uphold_requested_at = now()
    WHERE id = ${id}::uuid AND status = 'OPEN'`;
  return changed === 1;
}

/**
 * Closes a dispute. Upholding needs a pending request by someone else (four eyes, also a
 * CHECK in the database); rejecting a pending request too, so the requester cannot undo a
 * colleague's view alone. Exactly one concurrent decider gets true.
 */
export async function closeDispute(
  db: Tx,
  d: { id: string; to: Extract<DisputeStatus, "UPHELD" | "REJECTED">; by: string; note: string },
): Promise<boolean> {
  const changed = await db.$executeRaw`
    UPDATE disputes SET status = ${d.to}::"DisputeStatus", decided_by = ${d.by}::uuid,
                        decided_at = now(), decision_note = ${d.note}
    WHERE id = ${d.id}::uuid
      AND (status = 'UPHOLD_REQUESTED' AND uphold_requested_by <> ${d.by}::uuid
           OR (status = 'OPEN' AND ${d.to} = 'REJECTED'))`;
  return changed === 1;
}

/** Wakes the screens watching the order (both parties see the dispute's progress). */
export async function notifyOrderChanged(db: Tx, orderId: string): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${ORDER_CHANNEL}, ${orderId})`;
}

/** One page of open (or of decided) disputes, newest first, by keyset. */
export function disputesPage(
  db: Tx,
  filter: { open: boolean; limit: number; before?: { openedAt: Date; id: string } | undefined },
) {
  const statuses: DisputeStatus[] = filter.open
    ? ["OPEN", "UPHOLD_REQUESTED"]
    : ["UPHELD", "REJECTED"];
  return db.dispute.findMany({
    where: {
      status: { in: statuses },
      ...(filter.before
        ? keysetBefore("openedAt", { at: filter.before.openedAt, id: filter.before.id })
        : {}),
    },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take: filter.limit,
    include: {
      order: {
        select: {
          ...ORDER_HEADLINE,
          customer: { select: { name: true, phone: true } },
          agent: { select: { id: true, shopName: true } },
        },
      },
    },
  });
}

/**
 * What operators weigh a dispute on: the order's events in order (who moved it, when), the
 * shop that served it, and every hold on the order's value (a cash-out's reservation, the
 * dispute's hold) with the account it sits on.
 */
export function disputeEvidenceOf(db: Tx, id: string) {
  const hold = {
    select: {
      amount: true,
      status: true,
      createdAt: true,
      resolvedAt: true,
      account: { select: { kind: true } },
    },
  } as const;
  return db.dispute.findUnique({
    where: { id },
    select: {
      id: true,
      party: true,
      kind: true,
      disputed: true,
      held: true,
      openedBy: true,
      openedAt: true,
      hold,
      order: {
        select: {
          ...ORDER_HEADLINE,
          createdAt: true,
          claimedAt: true,
          completedAt: true,
          closedAt: true,
          agent: { select: { shopName: true, userId: true } },
          events: { orderBy: { id: "asc" } },
          hold,
        },
      },
    },
  });
}
