import type { Role } from "@/generated/prisma/enums";
import { prismaOf, queryJson, type Runner } from "../db/sql";
import type { Tx } from "../db/transaction";

export interface UserRow {
  id: string;
  role: Role;
  phone: string;
  name: string;
  pinHash: string;
  status: "ACTIVE" | "LOCKED";
  kycTier: number;
  /** The language the person chose; null: never chosen. */
  locale: string | null;
}

export function findUserByPhone(db: Tx, phone: string): Promise<UserRow | null> {
  return db.user.findUnique({ where: { phone } });
}

export function findUserById(db: Runner, id: string): Promise<UserRow | null> {
  return prismaOf(db).user.findUnique({ where: { id } });
}

/** Remembers the language a person chose with the switcher. */
export async function setUserLocale(db: Runner, id: string, locale: string): Promise<void> {
  await prismaOf(db).user.update({ where: { id }, data: { locale } });
}

/**
 * Locks an operator's row for the rest of the transaction, so that one operator's money
 * movements take turns: each reads what the ones before it moved alone, even in a burst.
 * FOR NO KEY UPDATE leaves the key-share locks of foreign keys to users unblocked.
 */
export async function lockUserRow(db: Tx, id: string): Promise<void> {
  await db.$queryRaw`SELECT 1 FROM users WHERE id = ${id}::uuid FOR NO KEY UPDATE`;
}

/** What decides whether a session is still good: the account's status and when sessions were last ended. */
/**
 * Whether a session's account may act, asked on every call: one statement on its own (no
 * transaction), so the check costs one round trip and no BEGIN or COMMIT.
 */
export async function sessionStateOf(
  db: Runner,
  id: string,
): Promise<{ status: "ACTIVE" | "LOCKED"; sessionsValidFrom: Date | null } | null> {
  const r = await queryJson<{
    status: "ACTIVE" | "LOCKED";
    sessionsValidFrom: string | null;
  } | null>(
    db,
    // A suspended shop assistant is locked out as a locked account is (shop_assistants).
    `SELECT (SELECT jsonb_build_object(
               'status', CASE WHEN EXISTS (SELECT 1 FROM shop_assistants s
                                           WHERE s.user_id = u.id AND s.status = 'SUSPENDED')
                         THEN 'LOCKED' ELSE u.status::text END,
               'sessionsValidFrom', u.sessions_valid_from)
             FROM users u WHERE u.id = $1::uuid) AS r`,
    [id],
  );
  return (
    r && {
      status: r.status,
      sessionsValidFrom: r.sessionsValidFrom ? new Date(r.sessionsValidFrom) : null,
    }
  );
}

/**
 * Locks or unlocks an operator, never oneself, in one guarded update; locking also ends the
 * sessions the operator holds. Returns false when no such operator was in the other state.
 */
export async function setOperatorStatus(
  db: Tx,
  u: { id: string; locked: boolean; by: string },
): Promise<boolean> {
  const changed = await db.$executeRaw`
    UPDATE users SET
      status = CASE WHEN ${u.locked} THEN 'LOCKED'::"UserStatus" ELSE 'ACTIVE'::"UserStatus" END,
      sessions_valid_from = CASE WHEN ${u.locked} THEN now() ELSE sessions_valid_from END
    WHERE id = ${u.id}::uuid AND role = 'ADMIN' AND id <> ${u.by}::uuid
      AND status = CASE WHEN ${u.locked} THEN 'ACTIVE'::"UserStatus" ELSE 'LOCKED'::"UserStatus" END`;
  return changed === 1;
}

/** Inserts a user unless the phone is taken; returns false when it is. */
export async function insertUser(
  db: Tx,
  user: { id: string; role: Role; phone: string; name: string; pinHash: string },
): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO users (id, role, phone, name, pin_hash)
    VALUES (${user.id}::uuid, ${user.role}::"Role", ${user.phone}, ${user.name}, ${user.pinHash})
    ON CONFLICT (phone) DO NOTHING`;
  return inserted === 1;
}

export interface AgentRow {
  id: string;
  userId: string;
  shopName: string;
  status: "ACTIVE" | "SUSPENDED";
  suspendedReason: string | null;
  commissionPlan: string;
}

export function findAgentByUserId(db: Tx, userId: string): Promise<AgentRow | null> {
  return db.agent.findUnique({
    where: { userId },
    select: {
      id: true,
      userId: true,
      shopName: true,
      status: true,
      suspendedReason: true,
      commissionPlan: true,
    },
  });
}

/**
 * The shop a signed-in agent-side user serves at, or null. Every agent-side use case resolves
 * its caller through this one function: the float and commission accounts belong to the
 * shop's owner (`userId`), never to the caller as such, so a shop assistant serves on the
 * owner's float. `isOwner` tells the owner, who alone may move float, see commission or
 * manage people. An assistant resolves only while ACTIVE; the SQL twin is shop_of_user()
 * (migration shop_assistants), used by the counter's one-statement reads.
 */
export interface ShopRow extends AgentRow {
  isOwner: boolean;
}

export async function shopOfUser(db: Tx, userId: string): Promise<ShopRow | null> {
  const agent = await findAgentByUserId(db, userId);
  if (agent) return { ...agent, isOwner: true };
  const [served] = await db.$queryRaw<AgentRow[]>`
    SELECT a.id, a.user_id AS "userId", a.shop_name AS "shopName", a.status::text AS status,
           a.suspended_reason AS "suspendedReason", a.commission_plan AS "commissionPlan"
    FROM shop_assistants s JOIN agents a ON a.id = s.agent_id
    WHERE s.user_id = ${userId}::uuid AND s.status = 'ACTIVE'`;
  return served ? { ...served, isOwner: false } : null;
}

export function insertAgent(
  db: Tx,
  agent: {
    id: string;
    userId: string;
    shopName: string;
    locationText: string;
    /** Left out: the STANDARD plan (the column's default). */
    commissionPlan?: string;
  },
) {
  return db.agent.create({ data: agent });
}

/** Moves an agent to another plan; returns the plan it was on, or null if no such agent. */
export async function changeAgentPlan(
  db: Tx,
  agentId: string,
  plan: string,
): Promise<string | null> {
  const rows = await db.$queryRaw<{ before: string }[]>`
    UPDATE agents a SET commission_plan = ${plan}
    FROM (SELECT id, commission_plan FROM agents WHERE id = ${agentId}::uuid FOR UPDATE) old
    WHERE a.id = old.id
    RETURNING old.commission_plan AS before`;
  return rows[0]?.before ?? null;
}

/**
 * Replaces a PIN hash by one of the same PIN under the current pepper, only if it is still
 * the hash that was verified: a PIN changed meanwhile is never overwritten by the old one.
 */
export async function replacePinHash(
  db: Tx,
  userId: string,
  from: string,
  to: string,
): Promise<boolean> {
  const changed = await db.$executeRaw`
    UPDATE users SET pin_hash = ${to} WHERE id = ${userId}::uuid AND pin_hash = ${from}`;
  return changed === 1;
}

/** Everyone who can act as an operator, oldest first. */
export function operators(db: Tx, limit: number) {
  return db.user.findMany({
    where: { role: "ADMIN" },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true, name: true, phone: true, status: true, createdAt: true },
  });
}

export function agentStatusOf(db: Tx, agentId: string) {
  return db.agent.findUnique({
    where: { id: agentId },
    select: { status: true, suspendedReason: true },
  });
}

export async function setAgentStatusRow(
  db: Tx,
  agentId: string,
  to: { status: "ACTIVE" | "SUSPENDED"; suspendedReason: string | null },
): Promise<void> {
  await db.agent.update({ where: { id: agentId }, data: to });
}

/** An agent's shop name and login, by agent id. */
export function agentShop(db: Tx, agentId: string) {
  return db.agent.findUnique({
    where: { id: agentId },
    select: { id: true, shopName: true, userId: true },
  });
}
