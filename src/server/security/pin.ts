import { hash, verify } from "@node-rs/argon2";

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
