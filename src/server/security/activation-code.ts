import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * A one-time activation code: 16 base32 characters (80 random bits) in groups of four. It
 * is shown once and only its SHA-256 is stored; 80 bits need no slow hash, and attempts are
 * rate-limited per phone and per IP besides.
 */
export function newActivationCode(): string {
  const bytes = randomBytes(16);
  let code = "";
  for (let i = 0; i < 16; i++) code += ALPHABET[bytes[i]! & 31];
  return code.match(/.{4}/g)!.join("-");
}

/** The stored form: case, spaces and dashes do not matter, and O/I/L read as 0/1/1. */
export function activationCodeHash(code: string): string {
  const normal = code.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  return createHash("sha256").update(`operator-activation-v1:${normal}`).digest("hex");
}

export function sameHash(a: string | null, b: string): boolean {
  if (a === null || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
