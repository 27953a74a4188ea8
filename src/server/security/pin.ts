import { createHmac } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { derivedKey } from "./keys";

// Argon2id with the library defaults (~70 ms here): slow enough to make offline guessing of
// a 4-6 digit PIN expensive per hash, fast enough for a sign-in. PIN attempts are also
// rate-limited online (see docs/decisions.md).
export function hashPin(pin: string): Promise<string> {
  return hash(pin);
}

export async function verifyPin(pinHash: string, pin: string): Promise<boolean> {
  try {
    return await verify(pinHash, pin);
  } catch {
    return false;
  }
}

/**
 * Tells two PINs apart without revealing them: an HMAC under a key derived from the server
 * secret. A plain hash of a 4-6 digit PIN could be reversed by trying them all; this cannot
 * be without the secret. Used where a request carrying a PIN must be recognised on replay.
 */
export function pinFingerprint(pin: string): string {
  return createHmac("sha256", derivedKey("pin-fingerprint-v1")).update(pin).digest("hex");
}
