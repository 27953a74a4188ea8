import { ed25519 } from "@noble/curves/ed25519.js";
import { fromBase64Url, toBase64Url } from "./base64url";
import { RECEIPT_KID_PATTERN, type ReceiptPublicKey } from "./receipts";

/**
 * The development key: fixed and published here, so a laptop or a test run signs receipts
 * with no setup. Anyone can sign with it, so a production server never signs or trusts it
 * (src/server/security/receipt-key.ts) and the verify page marks receipts it signed as
 * development receipts wherever it is trusted.
 */
export const DEV_RECEIPT_KEY = {
  kid: "dev-1",
  // sha256("proxypay development receipt key dev-1")
  secret: "gbPOQ4c3emrJJoLzpxeU7Onx61_3zNEuvTwleiE1oqM",
  publicKey: "sj80s5y0e25mHTjf9UF2-bLSPVYixiwrYKy6wn5sUeA",
} as const;

export interface ReceiptSigningKey {
  kid: string;
  secret: Uint8Array;
  development: boolean;
}

/** A 32-byte Ed25519 secret key from its base64url form; throws naming what is wrong. */
export function parseReceiptSecret(text: string): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(text.trim());
  } catch {
    throw new RangeError("must be base64url");
  }
  if (bytes.length !== 32) throw new RangeError("must be 32 bytes (43 base64url characters)");
  return bytes;
}

/** `kid:publicKey,kid:publicKey`: keys that signed receipts before the current one. */
export function parseRetiredKeys(text: string): ReceiptPublicKey[] {
  const keys: ReceiptPublicKey[] = [];
  for (const entry of text.split(",")) {
    const [kid, publicKey, ...rest] = entry.trim().split(":");
    if (!kid || !publicKey || rest.length > 0 || !RECEIPT_KID_PATTERN.test(kid)) {
      throw new RangeError("entries are kid:publicKey (kid a-z0-9-)");
    }
    let bytes: Uint8Array;
    try {
      bytes = fromBase64Url(publicKey);
    } catch {
      throw new RangeError(`${kid}'s public key must be base64url`);
    }
    if (bytes.length !== 32) throw new RangeError(`${kid}'s public key must be 32 bytes`);
    keys.push({ kid, publicKey, development: false });
  }
  return keys;
}

export function publicKeyOf(secret: Uint8Array): string {
  return toBase64Url(ed25519.getPublicKey(secret));
}

/** A fresh key pair (npm run receipts:keygen). */
export function newReceiptKey(): { secret: string; publicKey: string } {
  const secret = ed25519.utils.randomSecretKey();
  return { secret: toBase64Url(secret), publicKey: publicKeyOf(secret) };
}

/**
 * The keys a verifier trusts: the signing key's public half, the retired keys (receipts
 * signed before a rotation stay genuine) and, outside production only, the development key.
 */
export function receiptKeyList(
  signing: ReceiptSigningKey,
  retired: readonly ReceiptPublicKey[],
  production: boolean,
): ReceiptPublicKey[] {
  const keys: ReceiptPublicKey[] = [
    { kid: signing.kid, publicKey: publicKeyOf(signing.secret), development: signing.development },
    ...retired.filter((k) => k.kid !== signing.kid),
  ];
  if (!production && !keys.some((k) => k.kid === DEV_RECEIPT_KEY.kid)) {
    keys.push({
      kid: DEV_RECEIPT_KEY.kid,
      publicKey: DEV_RECEIPT_KEY.publicKey,
      development: true,
    });
  }
  return keys;
}
