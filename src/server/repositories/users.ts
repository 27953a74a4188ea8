import type { Role } from "@/generated/prisma/enums";
import type { Tx } from "../db/transaction";

export interface UserRow {
  id: string;
  role: Role;
  phone: string;
  name: string;
  pinHash: string;
  status: "ACTIVE" | "LOCKED";
  kycTier: number;
}

export function findUserByPhone(db: Tx, phone: string): Promise<UserRow | null> {
  return db.user.findUnique({ where: { phone } });
}

export function findUserById(db: Tx, id: string): Promise<UserRow | null> {
  return db.user.findUnique({ where: { id } });
}

/** Inserts a user unless the phone is taken; returns null when it is. */
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
}

export function findAgentByUserId(db: Tx, userId: string): Promise<AgentRow | null> {
  return db.agent.findUnique({
    where: { userId },
    select: { id: true, userId: true, shopName: true, status: true, suspendedReason: true },
  });
}

export function insertAgent(
  db: Tx,
  agent: { id: string; userId: string; shopName: string; locationText: string },
) {
  return db.agent.create({ data: agent });
}
