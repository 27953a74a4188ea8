import { createHash, createHmac, randomInt } from "node:crypto";
import { withCheckDigit } from "@/domain/codes";
import { derivedKey } from "./keys";

// The QR carries "PP1" + 22 base64url characters (132 bits). The token is an HMAC of the
// order's random id under a key derived from the server secret, so the customer's phone
// can be given it again after a reload, while the database keeps only its SHA-256: a copy
// of the database alone cannot produce a scannable token.
const TOKEN_PREFIX = "PP1";
const TOKEN_PATTERN = /^PP1[A-Za-z0-9_-]{22}$/;

export function orderToken(orderId: string): string {
  const mac = createHmac("sha256", derivedKey("order-token-v1")).update(orderId).digest();
  return TOKEN_PREFIX + mac.subarray(0, 17).toString("base64url").slice(0, 22);
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function looksLikeToken(text: string): boolean {
  return TOKEN_PATTERN.test(text);
}

export function newTypedCode(): string {
  return withCheckDigit(String(randomInt(0, 100_000_000)).padStart(8, "0"));
}

const REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Human reference for receipts and support calls: "PP-" + 10 Crockford base32 chars. */
export function newReference(): string {
  let out = "PP-";
  for (let i = 0; i < 10; i++) out += REFERENCE_ALPHABET[randomInt(0, 32)];
  return out;
}
