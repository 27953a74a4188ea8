// How many failures each guessable door tolerates before it locks, and for how long. Every
// attempt is counted before the secret is checked (a success takes it back), so at most
// `limit` secrets are checked per window, even when the attempts arrive all at once.
// A 4-digit PIN has 10,000 values and a typed code 10^8 per live order; these limits make
// online guessing hopeless while a person who mistypes a few times is not locked out.
export interface FailurePolicy {
  /** Attempts admitted per window; the next one locks the key. */
  limit: number;
  windowSeconds: number;
  lockSeconds: number;
}

export const PIN_PER_PHONE: FailurePolicy = {
  limit: 5,
  windowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
};
/**
 * The owner's own budget: PIN attempts from a device where this user signed in before (a
 * trusted-device cookie) and PIN approvals inside a session. A stranger cannot spend it,
 * so locking the phone number's shared budget never locks the owner out of their phone;
 * a thief holding the phone still gets no more than this.
 */
export const PIN_TRUSTED_DEVICES: FailurePolicy = {
  limit: 5,
  windowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
};
export const PIN_PER_IP: FailurePolicy = {
  limit: 30,
  windowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
};
/**
 * PINs typed on an agent's tablet for personal QR cards, over all cards that tablet scans:
 * each card's holder budget (PIN_TRUSTED_DEVICES) stops guessing one card, this stops a shop
 * working through a pile of found cards. A right PIN takes its attempt back.
 */
export const CARD_PIN_PER_AGENT: FailurePolicy = {
  limit: 10,
  windowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
};
export const TYPED_CODE_PER_AGENT: FailurePolicy = {
  limit: 10,
  windowSeconds: 10 * 60,
  lockSeconds: 10 * 60,
};

/**
 * The counters of the two budgets above are the SHOP's (its agent id), not the login's: a
 * shop's owner and each of its assistants type on the same budget, so adding assistants
 * never multiplies how many codes or card PINs one shop may try.
 */
export const typedCodeKey = (agentId: string) => `code:shop:${agentId}`;
export const cardPinKey = (agentId: string) => `pin:card:shop:${agentId}`;

/** The minutes to say in "Try again in 12 minutes", rounded up so the wait is never shorter than said. */
export function retryAfterMinutes(lockedUntil: Date, now: Date): number {
  return Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
}
