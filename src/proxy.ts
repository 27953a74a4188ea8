import { type NextRequest, NextResponse } from "next/server";
import { strictTransportSecurity } from "./server/security/hsts";

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
  const hsts = strictTransportSecurity(request.url);
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

function contentSecurityPolicy(nonce: string): string {
  // Next inlines NODE_ENV at build time, as it does for the browser; the server's other
  // variables come from src/server/config/env.ts.
  // biome-ignore lint/style/noProcessEnv: NODE_ENV, a build-time constant.
  const dev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    // Dev mode's hot reload also needs eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React's style attributes (style={...}) cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    // The agent finder's map tiles come from OpenStreetMap (images only; nothing else may).
    "img-src 'self' data: blob: https://tile.openstreetmap.org",
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
  // Everything but the build's static files, which are never HTML, and the API, whose JSON
  // needs no script policy: running this for every API call cost about a third of a cheap
  // call's time (docs/performance.md). The API's handler sends HSTS itself (api/http.ts).
  // Health checks and metrics are answered by probes and scrapers, never rendered either.
  matcher: ["/((?!_next/static|_next/image|api/trpc|api/health|api/metrics).*)"],
};
