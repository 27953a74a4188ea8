import { ed25519 } from "@noble/curves/ed25519.js";
import { fromBase64Url, toBase64Url } from "./base64url";

/**
 * A receipt no one can fake: `PPR1.<kid>.<payload>.<signature>`, the completed order's facts
 * (payload, base64url JSON) signed with the platform's Ed25519 key named `kid`. What counter
 * fraud fakes is the picture of a payment (an SMS, an app screen); a receipt's signature can
 * only come from the server, and anyone checks it with the public keys alone, offline, in
 * the browser (docs/decisions.md, "Signed receipts").
 */
export const RECEIPT_PREFIX = "PPR1";

/** A key's name: short, lower-case, so it fits the QR and a log line. */
export const RECEIPT_KID_PATTERN = /^[a-z0-9][a-z0-9-]{0,23}$/;

/** The longest receipt text a verifier reads; a real one is about 450 characters. */
export const RECEIPT_MAX_LENGTH = 2_000;

export interface ReceiptFacts {
  orderId: string;
  reference: string;
  type: "CASH_IN" | "CASH_OUT";
  /** Minor units. */
  amount: bigint;
  fee: bigint;
  currency: string;
  shopName: string;
  agentId: string;
  /** Masked: the receipt is shown to whoever the customer hands it to. */
  customerPhone: string;
  completedAt: Date;
}

/** A public key a verifier trusts; `development` keys sign only outside production. */
export interface ReceiptPublicKey {
  kid: string;
  /** 32 bytes, base64url. */
  publicKey: string;
  development: boolean;
}

export type ReceiptCheck =
  | { genuine: true; facts: ReceiptFacts; kid: string; development: boolean }
  | { genuine: false; reason: "format" | "unknownKey" | "signature" };

/** The payload as signed: short keys keep the QR small; amounts as strings (bigint). */
interface PayloadJson {
  o: string;
  r: string;
  t: "CASH_IN" | "CASH_OUT";
  a: string;
  f: string;
  c: string;
  s: string;
  g: string;
  p: string;
  at: string;
}

const encoder = new TextEncoder();

function payloadOf(facts: ReceiptFacts): string {
  const json: PayloadJson = {
    o: facts.orderId,
    r: facts.reference,
    t: facts.type,
    a: facts.amount.toString(),
    f: facts.fee.toString(),
    c: facts.currency,
    s: facts.shopName,
    g: facts.agentId,
    p: facts.customerPhone,
    at: facts.completedAt.toISOString(),
  };
  return toBase64Url(encoder.encode(JSON.stringify(json)));
}

/** Signs the facts with a 32-byte Ed25519 secret key named `kid`. */
export function signReceipt(facts: ReceiptFacts, key: { kid: string; secret: Uint8Array }): string {
  if (!RECEIPT_KID_PATTERN.test(key.kid)) throw new RangeError(`bad receipt key id ${key.kid}`);
  // The signature covers the version and the key's name too: neither can be swapped.
  const signed = `${RECEIPT_PREFIX}.${key.kid}.${payloadOf(facts)}`;
  const signature = ed25519.sign(encoder.encode(signed), key.secret);
  return `${signed}.${toBase64Url(signature)}`;
}

const DIGITS = /^(0|[1-9]\d{0,18})$/;

/** The facts of a payload whose signature already verified; null if malformed anyway. */
function factsOf(payload: string): ReceiptFacts | null {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(fromBase64Url(payload)));
  } catch {
    return null;
  }
  if (!json || typeof json !== "object") return null;
  const j = json as Record<string, unknown>;
  const strings = ["o", "r", "t", "a", "f", "c", "s", "g", "p", "at"] as const;
  if (!strings.every((k) => typeof j[k] === "string")) return null;
  const p = j as unknown as PayloadJson;
  const completedAt = new Date(p.at);
  if (
    (p.t !== "CASH_IN" && p.t !== "CASH_OUT") ||
    !DIGITS.test(p.a) ||
    !DIGITS.test(p.f) ||
    Number.isNaN(completedAt.getTime())
  ) {
    return null;
  }
  return {
    orderId: p.o,
    reference: p.r,
    type: p.t,
    amount: BigInt(p.a),
    fee: BigInt(p.f),
    currency: p.c,
    shopName: p.s,
    agentId: p.g,
    customerPhone: p.p,
    completedAt,
  };
}

/**
 * Whether `text` is a receipt one of `keys` signed, and its facts if so. Pure: runs in the
 * browser with no connection. Anything else (a typo, a truncated copy, a changed amount, a
 * key the verifier does not trust) is not genuine.
 */
export function verifyReceipt(text: string, keys: readonly ReceiptPublicKey[]): ReceiptCheck {
  const trimmed = text.trim();
  if (trimmed.length > RECEIPT_MAX_LENGTH) return { genuine: false, reason: "format" };
  const parts = trimmed.split(".");
  if (parts.length !== 4 || parts[0] !== RECEIPT_PREFIX)
    return { genuine: false, reason: "format" };
  const [prefix, kid, payload, signature] = parts as [string, string, string, string];
  if (!RECEIPT_KID_PATTERN.test(kid)) return { genuine: false, reason: "format" };
  const key = keys.find((k) => k.kid === kid);
  if (!key) return { genuine: false, reason: "unknownKey" };
  let valid: boolean;
  try {
    valid = ed25519.verify(
      fromBase64Url(signature),
      encoder.encode(`${prefix}.${kid}.${payload}`),
      fromBase64Url(key.publicKey),
    );
  } catch {
    // A signature of the wrong length or a malformed encoding: not a receipt we made.
    valid = false;
  }
  if (!valid) return { genuine: false, reason: "signature" };
  const facts = factsOf(payload);
  // A payload the key signed but cannot be read is a bug of ours, never a customer's proof.
  if (!facts) return { genuine: false, reason: "format" };
  return { genuine: true, facts, kid, development: key.development };
}
