import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { closeContextsAfterEach, DEMO, rememberSecret, signIn } from "./support";

closeContextsAfterEach();

const PAGES = [
  "/",
  "/customer",
  "/customer/login",
  "/customer/signup",
  "/customer/new",
  "/agent",
  "/agent/login",
  "/agent/history",
  "/agent/drawer",
  "/admin",
  "/admin/login",
  "/admin/agents",
  "/admin/orders",
  "/admin/ledger",
  "/admin/settings",
  "/api/admin/statement?accountId=1",
  "/offline.html",
  "/customer/manifest.webmanifest",
  "/api/auth/csrf",
  "/api/trpc/customer.overview",
];

test("every page and API response carries the security headers and CSP", async ({ request }) => {
  for (const page of PAGES) {
    const response = await request.get(page, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["content-security-policy"], page).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], page).toContain("default-src 'self'");
    expect(headers["x-content-type-options"], page).toBe("nosniff");
    expect(headers["x-frame-options"], page).toBe("DENY");
    expect(headers["referrer-policy"], page).toBe("no-referrer");
    expect(headers["x-powered-by"], page).toBeUndefined();
  }
});

test("scripts run only with this response's nonce: no inline script is allowed", async ({
  request,
}) => {
  const nonces = new Set<string>();
  for (const page of ["/customer/login", "/agent/login", "/admin/login"]) {
    const response = await request.get(page);
    const csp = response.headers()["content-security-policy"] ?? "";
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
    expect(scriptSrc, page).toContain("'strict-dynamic'");
    expect(scriptSrc, page).not.toContain("'unsafe-inline'");
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
    expect(nonce, page).toBeTruthy();
    nonces.add(nonce!);
    // Every script Next wrote into the page carries it, or the browser would refuse it.
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length, page).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, page).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(3);
});

test("the session cookie is httpOnly and SameSite", async ({ page, context }) => {
  await signIn(page, "customer", DEMO.brian);
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeDefined();
  rememberSecret("session cookie", session?.value);
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
});

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

test("no server secret is in the files sent to browsers", () => {
  const secrets = [process.env.NEXTAUTH_SECRET, process.env.DATABASE_URL].filter(
    (s): s is string => typeof s === "string" && s.length > 8,
  );
  const password = process.env.DATABASE_URL ? new URL(process.env.DATABASE_URL).password : "";
  if (password.length >= 6) secrets.push(password);
  expect(secrets.length).toBeGreaterThan(0);
  const assets = [
    ...files(path.join(process.cwd(), ".next", "static")),
    ...files(path.join(process.cwd(), "public")),
  ];
  expect(assets.length).toBeGreaterThan(10);
  for (const file of assets) {
    const text = readFileSync(file, "latin1");
    for (const secret of secrets)
      expect(text.includes(secret), `${file} contains a secret`).toBe(false);
  }
});
