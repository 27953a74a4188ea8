import type { Tx } from "../db/transaction";

export async function insertPhoneCode(
  db: Tx,
  c: { id: string; phone: string; codeHash: string; ttlSeconds: number },
): Promise<Date> {
  const rows = await db.$queryRaw<{ expires_at: Date }[]>`
    INSERT INTO phone_codes (id, phone, purpose, code_hash, expires_at)
    VALUES (${c.id}::uuid, ${c.phone}, 'SIGN_UP', ${c.codeHash},
            now() + make_interval(secs => ${c.ttlSeconds}))
    RETURNING expires_at`;
  return rows[0]!.expires_at;
}

/**
 * Spends one guess on a live code and returns what to check it against, or null when the
 * code is unknown, expired, already right, or out of guesses. One UPDATE: concurrent
 * guesses queue on the row and each re-reads `attempts`, so no more than `maxAttempts`
 * guesses are ever checked, however many arrive at once.
 */
export async function spendCodeAttempt(
  db: Tx,
  id: string,
  maxAttempts: number,
): Promise<{ codeHash: string; attempts: number } | null> {
  const rows = await db.$queryRaw<{ code_hash: string; attempts: number }[]>`
    UPDATE phone_codes SET attempts = attempts + 1
    WHERE id = ${id}::uuid AND purpose = 'SIGN_UP' AND verified_at IS NULL
      AND attempts < ${maxAttempts} AND expires_at > now()
    RETURNING code_hash, attempts`;
  const row = rows[0];
  return row ? { codeHash: row.code_hash, attempts: row.attempts } : null;
}

/** Marks a code right (spent) and stores its ticket's hash; false if it was spent already. */
export async function markCodeVerified(db: Tx, id: string, ticketHash: string): Promise<boolean> {
  const changed = await db.$executeRaw`
    UPDATE phone_codes SET verified_at = now(), ticket_hash = ${ticketHash}
    WHERE id = ${id}::uuid AND verified_at IS NULL`;
  return changed === 1;
}

/** Spends a sign-up ticket once, within its time; returns the phone it proves, or null. */
export async function spendTicket(
  db: Tx,
  ticketHash: string,
  ttlSeconds: number,
): Promise<string | null> {
  const rows = await db.$queryRaw<{ phone: string }[]>`
    UPDATE phone_codes SET used_at = now()
    WHERE ticket_hash = ${ticketHash} AND used_at IS NULL
      AND verified_at > now() - make_interval(secs => ${ttlSeconds})
    RETURNING phone`;
  return rows[0]?.phone ?? null;
}

/** Codes a day past their expiry are of no use to anyone. */
export async function purgeOldPhoneCodes(db: Tx): Promise<void> {
  await db.$executeRaw`DELETE FROM phone_codes WHERE expires_at < now() - interval '1 day'`;
}
