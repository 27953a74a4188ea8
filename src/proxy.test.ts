import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { config, proxy } from "./proxy";
import { resetServerEnv } from "./server/config/env";
import { strictTransportSecurity } from "./server/security/hsts";

const saved = process.env.NEXTAUTH_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = saved;
  resetServerEnv();
});

function hsts(url: string, headers: Record<string, string> = {}): string | null {
  return proxy(new NextRequest(url, { headers })).headers.get("Strict-Transport-Security");
}

describe("Strict-Transport-Security", () => {
  it("is sent when the public origin is HTTPS, behind a TLS-terminating proxy too", () => {
    process.env.NEXTAUTH_URL = "https://pay.example.com";
    resetServerEnv();
    // The proxy speaks plain HTTP to the app; the browser spoke HTTPS to the proxy.
    expect(hsts("http://10.0.0.5:3000/customer", { "x-forwarded-proto": "https" })).toBe(
      "max-age=31536000",
    );
    expect(hsts("http://10.0.0.5:3000/admin")).toBe("max-age=31536000");
  });

  it("is sent by the API's own handler, which the proxy does not run for", async () => {
    // Next reads the matcher as a path pattern; this one is also a plain regular expression.
    const matcher = new RegExp(`^${config.matcher[0]}$`);
    expect(matcher.test("/api/trpc/customer.home")).toBe(false);
    expect(matcher.test("/customer")).toBe(true);
    process.env.NEXTAUTH_URL = "https://pay.example.com";
    resetServerEnv();
    expect(strictTransportSecurity("http://10.0.0.5:3000/api/trpc/customer.home")).toBe(
      "max-age=31536000",
    );
  });

  it("is sent when TLS reaches this server directly", () => {
    process.env.NEXTAUTH_URL = "http://localhost:3000";
    resetServerEnv();
    expect(hsts("https://pay.example.com/agent")).toBe("max-age=31536000");
  });

  it("is not sent for a plain-HTTP localhost origin, whatever a client claims", () => {
    process.env.NEXTAUTH_URL = "http://localhost:3000";
    resetServerEnv();
    expect(hsts("http://localhost:3000/customer")).toBeNull();
    expect(hsts("http://localhost:3000/customer", { "x-forwarded-proto": "https" })).toBeNull();
  });
});
