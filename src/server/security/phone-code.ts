import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { CODE_DIGITS } from "@/domain/phone-codes";
import { derivedKey } from "./keys";

export function newPhoneCode(): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, "0");
}

/**
 * A code at rest: HMAC of (code id, code) under a server key. A plain hash of 6 digits is
 * reversed by trying all 10^6; without the key nothing can be tried, and the id makes two
 * equal codes hash differently.
 */
export function phoneCodeHash(id: string, code: string): string {
  return createHmac("sha256", derivedKey("phone-code-v1")).update(`${id}:${code}`).digest("hex");
}

export function phoneCodeMatches(stored: string, id: string, code: string): boolean {
  const expected = Buffer.from(phoneCodeHash(id, code), "hex");
  const given = Buffer.from(stored, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** 256 random bits that carry a proven phone number from the code step to the PIN step. */
export function newSignUpTicket(): string {
  return randomBytes(32).toString("base64url");
}

/** A ticket at rest: SHA-256 is enough for 256 random bits. */
export function ticketHash(ticket: string): string {
  return createHash("sha256").update(ticket).digest("hex");
}
