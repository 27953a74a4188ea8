import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { derivedKey } from "./keys";

// A trusted-device cookie (OWASP's "device cookie" answer to lockout abuse): a successful
// sign-in leaves a signed note on the device, "user U signed in here". Wrong PINs from a
// device without it count against the phone number's shared budget, which a stranger can
// exhaust; attempts from a device with it count against the owner's own budget, which a
// stranger cannot touch. So hammering a phone number from anywhere never locks its owner
// out of the phone they already use. Signed with a server key (no table to keep), bound to
// the user's id, and valid for 180 days from the last successful sign-in (each one renews it).

export const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;
const VERSION = "d1";

/** `__Host-` makes the browser refuse it unless Secure, path=/ and host-only. */
export function deviceCookieName(secure: boolean): string {
  return secure ? "__Host-pp-device" : "pp-device";
}

function mac(body: string, userId: string): Buffer {
  return createHmac("sha256", derivedKey("device-cookie-v1")).update(`${body}|${userId}`).digest();
}

/** A fresh cookie value for this device (a new device id when the device had none). */
export function issueDeviceCookie(userId: string, deviceId: string = randomUUID()): string {
  const issued = Math.floor(Date.now() / 1000);
  const body = `${VERSION}.${deviceId}.${issued}`;
  return `${body}.${mac(body, userId).toString("base64url")}`;
}

/** The device id when the cookie is ours, unexpired and was issued to this user; else null. */
export function trustedDeviceId(value: string | null | undefined, userId: string): string | null {
  if (!value || value.length > 200) return null;
  const parts = value.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  const [version, deviceId, issued, tag] = parts as [string, string, string, string];
  const issuedAt = Number(issued);
  const age = Date.now() / 1000 - issuedAt;
  if (!Number.isInteger(issuedAt) || age < -60 || age > DEVICE_COOKIE_MAX_AGE_SECONDS) return null;
  const expected = mac(`${version}.${deviceId}.${issued}`, userId);
  const given = Buffer.from(tag, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return deviceId;
}

/** One cookie's value from a Cookie header. */
export function readCookie(header: unknown, name: string): string | null {
  if (typeof header !== "string") return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
