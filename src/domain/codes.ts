import { DomainError } from "./errors";

/**
 * A phone number in international form (E.164): "+", a country code that does not start with
 * 0, 8 to 15 digits in all. The database's users_phone_check says the same.
 */
export const PHONE_PATTERN = /^\+[1-9]\d{7,14}$/;

// The typed fallback code: 8 random digits plus a Luhn check digit, shown as "1234 5678 9".
// The check digit lets the agent's tablet catch a mistyped digit before asking the server.

export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function withCheckDigit(body: string): string {
  if (!/^\d{8}$/.test(body)) throw new RangeError("typed code body must be 8 digits");
  return body + String(luhnCheckDigit(body));
}

/** Normalises what the agent typed and verifies the check digit. */
export function parseTypedCode(input: string): string {
  const digits = input.replace(/[\s-]/g, "");
  if (!/^\d{9}$/.test(digits)) {
    throw new DomainError("WRONG_CODE", "codeNineDigits");
  }
  if (withCheckDigit(digits.slice(0, 8)) !== digits) {
    throw new DomainError("WRONG_CODE", "codeCheckDigit");
  }
  return digits;
}

export function formatTypedCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4, 8)} ${code.slice(8)}`;
}

/** Shows enough of a phone number to recognise it, not enough to call it: +2547•••••001. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return phone;
  return `${phone.slice(0, 5)}${"•".repeat(phone.length - 8)}${phone.slice(-3)}`;
}
