import type { Tx } from "../db/transaction";

export interface InvitationRow {
  id: string;
  phone: string;
  name: string;
  status: "PROPOSED" | "APPROVED" | "REJECTED" | "EXPIRED" | "ACTIVATED";
  proposedBy: string;
  decidedBy: string | null;
  makerCodeHash: string | null;
  checkerCodeHash: string | null;
  expiresAt: Date;
}

const COLUMNS = `id::text, phone, name, status::text AS status, proposed_by::text AS "proposedBy",
  decided_by::text AS "decidedBy", maker_code_hash AS "makerCodeHash",
  checker_code_hash AS "checkerCodeHash", expires_at AS "expiresAt"`;

/** Open invitations of a phone whose time is up stop blocking a new proposal. */
export async function expireInvitationsOf(db: Tx, phone: string): Promise<void> {
  await db.$executeRaw`
    UPDATE operator_invitations SET status = 'EXPIRED', maker_code_hash = NULL, checker_code_hash = NULL
    WHERE phone = ${phone} AND status IN ('PROPOSED', 'APPROVED') AND expires_at <= now()`;
}

/** Inserts a proposal unless one is already open for the phone. */
export async function insertInvitation(
  db: Tx,
  i: {
    id: string;
    phone: string;
    name: string;
    proposedBy: string;
    makerCodeHash: string;
    expiresAt: Date;
  },
): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO operator_invitations (id, phone, name, proposed_by, maker_code_hash, expires_at)
    VALUES (${i.id}::uuid, ${i.phone}, ${i.name}, ${i.proposedBy}::uuid, ${i.makerCodeHash}, ${i.expiresAt})
    ON CONFLICT (phone) WHERE status IN ('PROPOSED', 'APPROVED') DO NOTHING`;
  return inserted === 1;
}

/** Reads an invitation and locks it, so decisions and activations on it take turns. */
export async function lockInvitation(db: Tx, id: string): Promise<InvitationRow | null> {
  const rows = await db.$queryRawUnsafe<InvitationRow[]>(
    `SELECT ${COLUMNS} FROM operator_invitations WHERE id = $1::uuid FOR UPDATE`,
    id,
  );
  return rows[0] ?? null;
}

/** The approved invitation of a phone, locked: an activation uses its codes once. */
export async function lockApprovedInvitationOf(
  db: Tx,
  phone: string,
): Promise<InvitationRow | null> {
  const rows = await db.$queryRawUnsafe<InvitationRow[]>(
    `SELECT ${COLUMNS} FROM operator_invitations WHERE phone = $1 AND status = 'APPROVED' FOR UPDATE`,
    phone,
  );
  return rows[0] ?? null;
}

/** The guarded decision on a proposal; approval stores the approver's code and a new expiry. */
export async function decideInvitation(
  db: Tx,
  d: {
    id: string;
    approve: boolean;
    decidedBy: string;
    checkerCodeHash: string | null;
    expiresAt: Date | null;
  },
): Promise<boolean> {
  const changed = await db.$executeRaw`
    UPDATE operator_invitations SET
      status = CASE WHEN ${d.approve} THEN 'APPROVED'::"OperatorInvitationStatus" ELSE 'REJECTED'::"OperatorInvitationStatus" END,
      decided_by = ${d.decidedBy}::uuid, decided_at = now(),
      checker_code_hash = ${d.checkerCodeHash},
      maker_code_hash = CASE WHEN ${d.approve} THEN maker_code_hash ELSE NULL END,
      expires_at = coalesce(${d.expiresAt}::timestamptz, expires_at)
    WHERE id = ${d.id}::uuid AND status = 'PROPOSED' AND expires_at > now()
      AND proposed_by <> ${d.decidedBy}::uuid`;
  return changed === 1;
}

/** Single use: the codes are cleared as the account is linked. */
export async function markActivated(db: Tx, id: string, userId: string): Promise<boolean> {
  const changed = await db.$executeRaw`
    UPDATE operator_invitations SET status = 'ACTIVATED', user_id = ${userId}::uuid,
      activated_at = now(), maker_code_hash = NULL, checker_code_hash = NULL
    WHERE id = ${id}::uuid AND status = 'APPROVED' AND expires_at > now()`;
  return changed === 1;
}

/** Recent invitations, newest first (operators are few; so are invitations). */
export function recentInvitations(db: Tx, limit: number) {
  return db.operatorInvitation.findMany({
    orderBy: [{ proposedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      phone: true,
      name: true,
      status: true,
      proposedBy: true,
      proposedAt: true,
      decidedBy: true,
      decidedAt: true,
      expiresAt: true,
      activatedAt: true,
    },
  });
}
