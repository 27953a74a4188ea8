import { hkdfSync } from "node:crypto";

const cache = new Map<string, Buffer>();

/**
 * A 256-bit key for one purpose, derived from the server secret: each use (order tokens,
 * PIN fingerprints) gets its own key, so one can never stand in for another.
 */
export function derivedKey(purpose: string): Buffer {
  let key = cache.get(purpose);
  if (!key) {
    const secret = process.env.NEXTAUTH_SECRET;
    if (!secret || secret.length < 32) throw new Error("NEXTAUTH_SECRET (>= 32 chars) is required");
    key = Buffer.from(hkdfSync("sha256", secret, "proxypay", purpose, 32));
    cache.set(purpose, key);
  }
  return key;
}
