import { describe, expect, it } from "vitest";
import { fromBase64Url, toBase64Url } from "./base64url";
import {
  DEV_RECEIPT_KEY,
  newReceiptKey,
  parseReceiptSecret,
  parseRetiredKeys,
  publicKeyOf,
  receiptKeyList,
} from "./receipt-keys";
import { type ReceiptFacts, signReceipt, verifyReceipt } from "./receipts";

const FACTS: ReceiptFacts = {
  orderId: "0b0f7a52-4c1e-4a36-9d7e-1f2a3b4c5d6e",
  reference: "PP-7K2M9Q",
  type: "CASH_OUT",
  amount: 200_000n,
  fee: 3_000n,
  currency: "KES",
  shopName: "Mama Njeri's Shop — Gikomba",
  agentId: "5e7c1c1a-8f61-4a0e-9a53-7f0b2d4e6a11",
  customerPhone: "+2547••••678",
  completedAt: new Date("2026-12-01T10:15:30.123Z"),
};

const live = newReceiptKey();
const signing = { kid: "k1", secret: parseReceiptSecret(live.secret), development: false };
const KEYS = receiptKeyList(signing, [], true);

/** The receipt with its payload's JSON changed by `edit`, the signature kept. */
function tampered(receipt: string, edit: (json: Record<string, string>) => void): string {
  const [prefix, kid, payload, sig] = receipt.split(".") as [string, string, string, string];
  const json = JSON.parse(new TextDecoder().decode(fromBase64Url(payload)));
  edit(json);
  const changed = toBase64Url(new TextEncoder().encode(JSON.stringify(json)));
  return [prefix, kid, changed, sig].join(".");
}

describe("signed receipts", () => {
  const receipt = signReceipt(FACTS, signing);

  it("a receipt the key signed verifies, with every fact back as it was", () => {
    expect(receipt.startsWith("PPR1.k1.")).toBe(true);
    expect(verifyReceipt(receipt, KEYS)).toEqual({
      genuine: true,
      facts: FACTS,
      kid: "k1",
      development: false,
    });
    // Whitespace around a pasted copy does not matter.
    expect(verifyReceipt(`  ${receipt}\n`, KEYS).genuine).toBe(true);
  });

  it("a changed amount, fee, shop or date is refused", () => {
    for (const edit of [
      (j: Record<string, string>) => {
        j.a = "2000000";
      },
      (j: Record<string, string>) => {
        j.f = "0";
      },
      (j: Record<string, string>) => {
        j.s = "Another Shop";
      },
      (j: Record<string, string>) => {
        j.at = "2026-12-02T10:15:30.123Z";
      },
    ]) {
      expect(verifyReceipt(tampered(receipt, edit), KEYS)).toEqual({
        genuine: false,
        reason: "signature",
      });
    }
  });

  it("a key id the verifier does not know is refused; swapping the kid breaks the signature", () => {
    const other = receiptKeyList(
      { kid: "k2", secret: parseReceiptSecret(newReceiptKey().secret), development: false },
      [],
      true,
    );
    expect(verifyReceipt(receipt, other)).toEqual({ genuine: false, reason: "unknownKey" });
    // Same public key under another name: the kid is signed too.
    const renamed = [{ ...KEYS[0]!, kid: "k9" }];
    expect(verifyReceipt(receipt.replace("PPR1.k1.", "PPR1.k9."), renamed)).toEqual({
      genuine: false,
      reason: "signature",
    });
  });

  it("a receipt signed by another key under the same kid is refused", () => {
    const forger = { kid: "k1", secret: parseReceiptSecret(newReceiptKey().secret) };
    expect(verifyReceipt(signReceipt(FACTS, forger), KEYS)).toEqual({
      genuine: false,
      reason: "signature",
    });
  });

  it("truncated, empty or foreign texts are refused, never thrown", () => {
    for (const cut of [receipt.length - 1, receipt.length - 10, receipt.lastIndexOf("."), 40, 5]) {
      expect(verifyReceipt(receipt.slice(0, cut), KEYS).genuine).toBe(false);
    }
    for (const text of [
      "",
      "PPR1",
      "PPR1.k1..",
      "PPR2.k1.a.b",
      "M-PESA Confirmed. Ksh2,000.00 received",
      `${receipt}.extra`,
      "PPR1.K1.abc.def",
      "x".repeat(5_000),
    ]) {
      expect(verifyReceipt(text, KEYS).genuine).toBe(false);
    }
  });

  it("the development key is trusted only outside production, and says so", () => {
    const dev = { kid: DEV_RECEIPT_KEY.kid, secret: parseReceiptSecret(DEV_RECEIPT_KEY.secret) };
    const devReceipt = signReceipt(FACTS, dev);
    expect(verifyReceipt(devReceipt, KEYS)).toEqual({ genuine: false, reason: "unknownKey" });
    const laptop = receiptKeyList(signing, [], false);
    expect(verifyReceipt(devReceipt, laptop)).toMatchObject({ genuine: true, development: true });
    expect(publicKeyOf(dev.secret)).toBe(DEV_RECEIPT_KEY.publicKey);
  });

  it("retired keys still verify what they signed before a rotation", () => {
    const next = {
      kid: "k2",
      secret: parseReceiptSecret(newReceiptKey().secret),
      development: false,
    };
    const rotated = receiptKeyList(next, parseRetiredKeys(`k1:${KEYS[0]!.publicKey}`), true);
    expect(verifyReceipt(receipt, rotated).genuine).toBe(true);
    expect(verifyReceipt(signReceipt(FACTS, next), rotated).genuine).toBe(true);
  });

  it("malformed key material is refused with a reason", () => {
    expect(() => parseReceiptSecret("short")).toThrow(/32 bytes|base64url/);
    expect(() => parseReceiptSecret("a+b/")).toThrow(/base64url/);
    expect(() => parseRetiredKeys("k1")).toThrow(/kid:publicKey/);
    expect(() => parseRetiredKeys("K1:abc")).toThrow(/kid:publicKey/);
    expect(() => parseRetiredKeys("k1:abcd")).toThrow(/32 bytes/);
  });

  it("base64url round-trips every length", () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      const text = toBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString("base64url"));
      expect(fromBase64Url(text)).toEqual(bytes);
    }
  });
});
