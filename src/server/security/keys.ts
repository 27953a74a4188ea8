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

export interface PinPepper {
  id: string;
  key: Buffer;
}

const PEPPER_ENTRY = /^([a-z0-9]{1,16}):(.{32,})$/;
let peppersFor: { source: string; peppers: PinPepper[] } | undefined;

/**
 * The keys that pepper PIN hashes, newest first: `PIN_PEPPERS="p2:<secret>,p1:<secret>"`.
 * A secret of its own rather than NEXTAUTH_SECRET: PIN hashes live for years, so their key
 * must be rotatable without touching sessions (and the session secret without touching
 * PINs). The first entry hashes new PINs; older ones still verify, and a PIN verified
 * under one is rehashed under the first (docs/security.md). Outside production, with no
 * PIN_PEPPERS, one key `dev` is derived from NEXTAUTH_SECRET so a laptop needs no setup;
 * production refuses to start without PIN_PEPPERS (src/server/config/environment.ts).
 */
export function pinPeppers(): PinPepper[] {
  const source = process.env.PIN_PEPPERS ?? "";
  if (peppersFor?.source === source) return peppersFor.peppers;
  let peppers: PinPepper[];
  if (source.trim() === "") {
    if (process.env.NODE_ENV === "production") throw new Error("PIN_PEPPERS is required");
    peppers = [{ id: "dev", key: derivedKey("pin-pepper-dev") }];
  } else {
    peppers = source.split(",").map((entry) => {
      const m = PEPPER_ENTRY.exec(entry.trim());
      if (!m) throw new Error("PIN_PEPPERS entries are id:secret (id a-z0-9, secret >= 32 chars)");
      // Each secret goes through HKDF too, so a secret of any shape becomes a 256-bit key.
      return {
        id: m[1]!,
        key: Buffer.from(hkdfSync("sha256", m[2]!, "proxypay", "pin-pepper", 32)),
      };
    });
    if (new Set(peppers.map((p) => p.id)).size !== peppers.length) {
      throw new Error("PIN_PEPPERS names a key id twice");
    }
  }
  peppersFor = { source, peppers };
  return peppers;
}
