import { type NextRequest, NextResponse } from "next/server";

/**
 * A fresh nonce per request, in a strict Content-Security-Policy: only scripts carrying it
 * (Next's own bootstrap and chunks, which Next tags when it finds the nonce in the request's
 * CSP header) and what they load ('strict-dynamic') may run, so an injected inline script
 * does not. Pages render per request for this (the root layout awaits connection()).
 */
export function proxy(request: NextRequest) {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const nonce = btoa(String.fromCharCode(...bytes));
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  if (servedOverHttps(request)) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

/** A year, this host only: subdomains may belong to other services of the deployer. */
const HSTS = "max-age=31536000";

/**
 * HTTPS is the deployment's public origin (NEXTAUTH_URL, which a production server must set
 * to https:// except on localhost) or TLS straight to this server. X-Forwarded-Proto is not
 * consulted: NEXTAUTH_URL already says what the public sees, and a browser ignores the header
 * on a plain-HTTP response anyway, so it is never wrong to send it when that URL is https.
 * Never for http://localhost: HSTS there would pin every local app to HTTPS.
 */
function servedOverHttps(request: NextRequest): boolean {
  return (
    (process.env.NEXTAUTH_URL ?? "").startsWith("https://") || request.nextUrl.protocol === "https:"
  );
}

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    // Dev mode's hot reload also needs eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React's style attributes (style={...}) cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

export const config = {
  // Everything but the build's static files, which are never HTML.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
