import { serverEnv } from "../config/env";

/** A year, this host only: subdomains may belong to other services of the deployer. */
const HSTS = "max-age=31536000";

/**
 * The Strict-Transport-Security value for a response to `url`, or null. HTTPS is the
 * deployment's public origin (NEXTAUTH_URL, which a production server must set to https://
 * except on localhost) or TLS straight to this server. X-Forwarded-Proto is not consulted:
 * NEXTAUTH_URL already says what the public sees, and a browser ignores the header on a
 * plain-HTTP response anyway, so it is never wrong to send it when that URL is https. Never
 * for http://localhost: HSTS there would pin every local app to HTTPS.
 */
export function strictTransportSecurity(url: string): string | null {
  const https = (serverEnv().NEXTAUTH_URL ?? "").startsWith("https://") || url.startsWith("https:");
  return https ? HSTS : null;
}
