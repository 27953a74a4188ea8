import { decode } from "next-auth/jwt";
import type { Role } from "@/generated/prisma/enums";
import { serverEnv } from "../config/env";
import { readCookie } from "../security/device-cookie";
import { secureCookies, sessionCookie } from "./options";

/** Who a request's session cookie says is calling, before the account is checked. */
export interface SessionClaim {
  userId: string;
  role: Role;
  /** When the session signed in (ms); sessions ended after it are refused. */
  signedInAt: number;
  /** The account's remembered language when it signed in (null: never chosen). */
  locale: string | null;
}

/**
 * Reads the session cookie of an API call: one decryption, no database. getServerSession
 * would also re-encrypt the token and set the cookie again on every call, and run the jwt
 * callback's account check, which the procedure then repeats; API calls need neither. The
 * account as it is now (locked, removed, signed out everywhere) is checked once, by
 * refuseCaller, with `signedInAt`. Page loads and the client's session refresh still go
 * through next-auth, which keeps the cookie rolling.
 */
export function sessionOfRequest(req: Request): Promise<SessionClaim | null> {
  return sessionOfCookies(req.headers.get("cookie"));
}

/** The same, from a Cookie header (pages read it through next/headers). */
export async function sessionOfCookies(cookieHeader: string | null): Promise<SessionClaim | null> {
  const raw = readCookie(cookieHeader, sessionCookie(secureCookies).name);
  const secret = serverEnv().NEXTAUTH_SECRET;
  if (!raw || !secret) return null;
  try {
    const token = await decode({ token: raw, secret });
    if (!token?.uid || !token.role) return null;
    return {
      userId: token.uid,
      role: token.role,
      signedInAt: token.signedInAt ?? 0,
      locale: token.locale ?? null,
    };
  } catch {
    // Expired, tampered with or sealed with another secret: no session.
    return null;
  }
}
