import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { PHONE_PATTERN } from "@/domain/codes";
import { PIN_PER_IP, PIN_PER_PHONE, PIN_TRUSTED_DEVICES } from "@/domain/rate-limits";
import type { Role } from "@/generated/prisma/enums";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/locales";
import { type ErrorKey, hasWording, renderError } from "@/i18n/translate";
import { requestLocale } from "../api/request-locale";
import { serverEnv } from "../config/env";
import { inTransaction } from "../db/transaction";
import { log } from "../observability/log";
import { findUserByPhone } from "../repositories/users";
import { clientIp } from "../security/client-ip";
import {
  DEVICE_COOKIE_MAX_AGE_SECONDS,
  deviceCookieName,
  issueDeviceCookie,
  readCookie,
  trustedDeviceId,
} from "../security/device-cookie";
import { verifyPin } from "../security/pin";
import { callerStatus } from "../use-cases/caller-status";
import {
  admitAttempt,
  forgetFailures,
  takeBackAttempt,
  trustedPinKey,
} from "../use-cases/failure-limits";
import { verifyUserPin } from "../use-cases/verify-user-pin";

export const AUDIENCE_ROLE = { customer: "CUSTOMER", agent: "AGENT", admin: "ADMIN" } as const;
export type Audience = keyof typeof AUDIENCE_ROLE;
/** Who signs in where: shop assistants use the agent app (/agent/login) as owners do. */
const AUDIENCE_ROLES: Record<Audience, readonly Role[]> = {
  customer: ["CUSTOMER"],
  agent: ["AGENT", "ASSISTANT"],
  admin: ["ADMIN"],
};

// next-auth hands authorize() the whole form body (csrfToken, callbackUrl, json, ...), so
// this object strips unknown keys instead of refusing them.
const signInInput = z.object({
  phone: z.string().trim().regex(PHONE_PATTERN),
  pin: z.string().min(1).max(128),
  audience: z.enum(["customer", "agent", "admin"]),
});

// A hash of a random PIN: verifying against it when the phone is unknown makes a wrong
// phone take as long as a wrong PIN, so timing does not reveal who has an account.
let decoyHash: Promise<string> | undefined;
async function decoy(): Promise<string> {
  decoyHash ??= import("../security/pin").then((m) => m.hashPin("decoy-pin-never-used"));
  return decoyHash;
}

const WRONG_CREDENTIALS = "access.wrongCredentials";
const LOCKED = "tooMany.pins";

/** A sign-in refusal: its message is what the form shows, so it is in the form's language. */
function refusal(locale: Locale, key: ErrorKey, params?: Record<string, string>): Error {
  return new Error(renderError(locale, key, params));
}

/**
 * Checks phone + PIN for one audience; the message is what the sign-in form shows. Every
 * attempt is counted before the PIN is checked and refused once over its limit, so a burst
 * of guesses verifies no more PINs than the limit (unknown phone numbers count too, so
 * probing for accounts costs the same). Which budget it counts on depends on the device:
 * - a device this user signed in on before (a valid trusted-device cookie for this user)
 *   spends the owner's own budget, `pin:trusted:<user>`, which no stranger can reach;
 * - any other device spends the phone number's shared budget and its IP's.
 * So a stranger hammering a number from many addresses locks only strangers out, and the
 * owner keeps signing in from their own phone (docs/decisions.md). The right PIN forgives
 * the mistakes of the budget it used (and takes its attempt back from the IP), and returns
 * a renewed device cookie for the caller to set. Refusals are worded in `locale` (the
 * request's: the device's cookie, else the browser's languages).
 */
export async function authorizeCredentials(
  raw: unknown,
  ip: string | null = null,
  deviceCookie: string | null = null,
  locale: Locale = DEFAULT_LOCALE,
) {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) throw refusal(locale, WRONG_CREDENTIALS);
  const { phone, pin, audience } = parsed.data;
  // Looked up before the attempt is counted (no secret is checked by a lookup) to know
  // whose device cookie this would have to be.
  const user = await inTransaction((tx) => findUserByPhone(tx, phone));
  const deviceId = user ? trustedDeviceId(deviceCookie, user.id) : null;
  const phoneKey = `pin:phone:${phone}`;
  const ipKey = ip ? `pin:ip:${ip}` : null;
  const ownKey = user && deviceId ? trustedPinKey(user.id) : null;
  await admitAttempt(
    ownKey
      ? [{ key: ownKey, policy: PIN_TRUSTED_DEVICES }]
      : [
          { key: phoneKey, policy: PIN_PER_PHONE },
          ...(ipKey ? [{ key: ipKey, policy: PIN_PER_IP }] : []),
        ],
    LOCKED,
  ).catch((error: unknown) => {
    throw hasWording(error) ? new Error(error.messageIn(locale)) : error;
  });
  const ok = user ? await verifyUserPin(user, pin) : (await verifyPin(await decoy(), pin)).ok;
  if (!user || !ok) throw refusal(locale, WRONG_CREDENTIALS);
  if (ownKey) {
    await forgetFailures(ownKey);
  } else {
    await forgetFailures(phoneKey);
    if (ipKey) await takeBackAttempt(ipKey);
  }
  if (!AUDIENCE_ROLES[audience].includes(user.role)) {
    const home = Object.entries(AUDIENCE_ROLES).find(([, roles]) => roles.includes(user.role))?.[0];
    throw refusal(locale, "access.wrongApp", { home: home ?? "" });
  }
  if (user.status === "LOCKED") throw refusal(locale, "access.locked");
  // A suspended shop assistant's account is not locked as such; callerStatus reads the shop's word.
  if (user.role === "ASSISTANT" && (await callerStatus(user.id)) === "LOCKED") {
    throw refusal(locale, "access.locked");
  }
  return {
    id: user.id,
    name: user.name,
    role: user.role as Role,
    locale: user.locale,
    deviceCookie: issueDeviceCookie(user.id, deviceId ?? undefined),
  };
}

/**
 * The session cookie: httpOnly (no script can read it), SameSite=Lax (not sent on
 * cross-site POSTs), and Secure with the __Secure- prefix whenever the app is served over
 * HTTPS, which production must be.
 */
export function sessionCookie(secure: boolean) {
  return {
    name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}

const SESSION_ENDED = "session ended: account locked, removed or signed out everywhere";

export const secureCookies = (serverEnv().NEXTAUTH_URL ?? "").startsWith("https://");

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  useSecureCookies: secureCookies,
  cookies: { sessionToken: sessionCookie(secureCookies) },
  pages: { signIn: "/" },
  logger: {
    // An ended session is the lock working, not an error worth a stack trace per request.
    error(code, metadata) {
      const message =
        metadata instanceof Error
          ? metadata.message
          : (metadata as { message?: unknown } | undefined)?.message;
      if (code === "JWT_SESSION_ERROR" && message === SESSION_ENDED) return;
      // Only the message: next-auth's metadata can hold the request it was handling.
      log().error({ nextAuthCode: code, err: { message: String(message) } }, "next-auth error");
    },
    warn(code) {
      log().warn({ nextAuthCode: code }, "next-auth warning");
    },
    debug() {},
  },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Phone and PIN",
      credentials: {
        phone: { label: "Phone", type: "tel" },
        pin: { label: "PIN", type: "password" },
        audience: { label: "Audience", type: "text" },
      },
      authorize: async (credentials, req) => {
        const cookieName = deviceCookieName(secureCookies);
        const user = await authorizeCredentials(
          credentials,
          clientIp(req.headers),
          readCookie(req.headers?.cookie, cookieName),
          // No account is known yet: the device's choice, else the browser's languages.
          requestLocale(req.headers),
        );
        // Route handlers may set cookies through next/headers; Next adds them to the
        // response next-auth builds. Imported here so tests need no Next request scope. A
        // cookie that cannot be set costs the owner only the trust, never the sign-in.
        try {
          const { cookies } = await import("next/headers");
          (await cookies()).set(cookieName, user.deviceCookie, {
            httpOnly: true,
            sameSite: "lax",
            secure: secureCookies,
            path: "/",
            maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
          });
        } catch (error) {
          log().error({ err: error }, "device cookie not set");
        }
        // The account's remembered language travels in the token (jwt callback): a new
        // device without the language cookie starts in it after sign-in.
        return { id: user.id, name: user.name, role: user.role, locale: user.locale };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.signedInAt = Date.now();
        token.locale = user.locale ?? null;
        return token;
      }
      // Every read of the session asks about the account as it is now: a locked or removed
      // account, or one whose sessions were ended after this sign-in, loses its session here
      // (next-auth answers "no session" and clears the cookie when this callback throws).
      const status = await callerStatus(token.uid, token.signedInAt ?? 0);
      if (status !== "ACTIVE") throw new Error(SESSION_ENDED);
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.uid, role: token.role, name: token.name ?? "" };
      return session;
    },
  },
};
