import { hkdfSync } from "node:crypto";
import { type ServerEnv, serverEnv } from "../config/env";

const cache = new Map<string, Buffer>();

/**
 * A 256-bit key for one purpose, derived from the server secret: each use (order tokens,
 * PIN fingerprints) gets its own key, so one can never stand in for another.
 */
export function derivedKey(purpose: string): Buffer {
  let key = cache.get(purpose);
  if (!key) {
    const secret = serverEnv().NEXTAUTH_SECRET;
    if (!secret) throw new Error("NEXTAUTH_SECRET (>= 32 chars) is required");
    key = Buffer.from(hkdfSync("sha256", secret, "proxypay", purpose, 32));
    cache.set(purpose, key);
  }
  return key;
}

export interface PinPepper {
  id: string;
  key: Buffer;
}

let peppersFor: { env: ServerEnv; peppers: PinPepper[] } | undefined;

/**
 * The keys that pepper PIN hashes, newest first: `PIN_PEPPERS="p2:<secret>,p1:<secret>"`.
 * A secret of its own rather than NEXTAUTH_SECRET: PIN hashes live for years, so their key
 * must be rotatable without touching sessions (and the session secret without touching
 * PINs). The first entry hashes new PINs; older ones still verify, and a PIN verified
 * under one is rehashed under the first (docs/security.md). Outside production, with no
 * PIN_PEPPERS, one key `dev` is derived from NEXTAUTH_SECRET so a laptop needs no setup;
 * production refuses to start without PIN_PEPPERS (src/server/config/env.ts).
 */
export function pinPeppers(): PinPepper[] {
  const env = serverEnv();
  if (peppersFor?.env === env) return peppersFor.peppers;
  let peppers: PinPepper[];
  if (!env.PIN_PEPPERS) {
    if (env.production) throw new Error("PIN_PEPPERS is required");
    peppers = [{ id: "dev", key: derivedKey("pin-pepper-dev") }];
  } else {
    // The format (id:secret, ids unique) is checked by the schema (src/server/config/env.ts).
    // Each secret goes through HKDF too, so a secret of any shape becomes a 256-bit key.
    peppers = env.PIN_PEPPERS.map(({ id, secret }) => ({
      id,
      key: Buffer.from(hkdfSync("sha256", secret, "proxypay", "pin-pepper", 32)),
    }));
  }
  peppersFor = { env, peppers };
  return peppers;
}
