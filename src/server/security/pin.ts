import { createHmac } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { derivedKey, type PinPepper, pinPeppers } from "./keys";

// Argon2id with the library defaults (~70 ms here) over an HMAC of the PIN under a server
// key (the pepper). Argon2 alone makes each guess cost 70 ms, but a 4-digit PIN has only
// 10,000 values: a stolen table falls in minutes. With the pepper, the hashes are useless
// without a key that is not in the database. PIN attempts are also rate-limited online
// (see docs/decisions.md). Stored form: "<pepper id>$" + the argon2 string, e.g.
// "p1$$argon2id$v=19$...". A bare argon2 string is a hash from before peppers (legacy).

const PEPPERED = /^([a-z0-9]{1,16})\$(\$argon2.*)$/;

function peppered(pepper: PinPepper, pin: string): string {
  return createHmac("sha256", pepper.key).update(pin).digest("base64");
}

export async function hashPin(pin: string): Promise<string> {
  const current = pinPeppers()[0]!;
  return `${current.id}$${await hash(peppered(current, pin))}`;
}

export interface PinCheck {
  ok: boolean;
  /** Right PIN, but hashed without the current pepper: rehash it now that we know it. */
  stale: boolean;
}

export async function verifyPin(stored: string, pin: string): Promise<PinCheck> {
  const peppers = pinPeppers();
  const m = PEPPERED.exec(stored);
  let ok: boolean;
  let stale: boolean;
  try {
    if (m) {
      const pepper = peppers.find((p) => p.id === m[1]);
      // A retired key id cannot verify: its users reset their PIN with support.
      if (!pepper) return { ok: false, stale: false };
      ok = await verify(m[2]!, peppered(pepper, pin));
      stale = pepper !== peppers[0];
    } else {
      ok = await verify(stored, pin);
      stale = true;
    }
  } catch {
    return { ok: false, stale: false };
  }
  return { ok, stale: ok && stale };
}

/**
 * Tells two PINs apart without revealing them: an HMAC under a key derived from the server
 * secret. A plain hash of a 4-6 digit PIN could be reversed by trying them all; this cannot
 * be without the secret. Used where a request carrying a PIN must be recognised on replay.
 */
export function pinFingerprint(pin: string): string {
  return createHmac("sha256", derivedKey("pin-fingerprint-v1")).update(pin).digest("hex");
}
