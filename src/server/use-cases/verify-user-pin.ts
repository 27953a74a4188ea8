import { inTransaction } from "../db/transaction";
import { replacePinHash, type UserRow } from "../repositories/users";
import { hashPin, verifyPin } from "../security/pin";

/**
 * Checks a user's PIN, and when it is right but hashed under an old pepper (or none, from
 * before peppers), rehashes it under the current one: the only moment the server knows the
 * PIN. So a pepper rotation completes as people sign in, with no PIN reset.
 */
export async function verifyUserPin(
  user: Pick<UserRow, "id" | "pinHash">,
  pin: string,
): Promise<boolean> {
  const check = await verifyPin(user.pinHash, pin);
  if (check.stale) {
    const fresh = await hashPin(pin);
    await inTransaction((tx) => replacePinHash(tx, user.id, user.pinHash, fresh));
  }
  return check.ok;
}
