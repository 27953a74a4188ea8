import { createHash, createHmac } from "node:crypto";
import { derivedKey } from "./keys";

// A card's QR: "PC1" + 22 base64url characters of an HMAC of the card's random id under a
// key of its own, so the holder's app and an operator can print it again, while the
// database keeps only its SHA-256 (like order tokens, docs/security.md). A new card is a new
// id, hence a new secret; the old one then finds a REPLACED row and is refused by name.
export function cardSecret(cardId: string): string {
  const mac = createHmac("sha256", derivedKey("card-secret-v1")).update(cardId).digest();
  return `PC1${mac.subarray(0, 17).toString("base64url").slice(0, 22)}`;
}

export function hashCardSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
