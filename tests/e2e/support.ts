import { execFileSync } from "node:child_process";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  type Browser,
  chromium,
  expect,
  type Locator,
  type Page,
  type TestInfo,
  test,
} from "@playwright/test";
import pg from "pg";
import { formatMinor, parseMajor } from "../../src/domain/money";

export const PHONE = { width: 390, height: 844 };
export const TABLET = { width: 1024, height: 768 };

export const DEMO = {
  amina: { phone: "+254711000001", pin: "1234" },
  brian: { phone: "+254711000002", pin: "5678" },
  wanjiru: { phone: "+254700000101", pin: "1111", shop: "Wanjiru General Store" },
  otieno: { phone: "+254700000102", pin: "2222", shop: "Otieno Mobile Point" },
};

/**
 * Where the server's console SMS sender also writes the messages it prints (OTP_OUTBOX_FILE,
 * set for the e2e server in playwright.config.ts): the test reads the sign-up code here, as a
 * developer reads it in the server log. No HTTP route exposes codes.
 */
export const OTP_OUTBOX = path.join(
  os.tmpdir(),
  `proxypay-e2e-otp-${process.env.E2E_PORT ?? 3100}.jsonl`,
);

/**
 * The production server's stdout and stderr during the run (playwright.config.ts tees them
 * here), and every secret the tests saw pass (order tokens, typed codes, SMS codes, invitation
 * codes, session cookies). The global teardown (tests/e2e/log-secrets.ts) fails the run if
 * any of them, or a demo PIN or password, appears in the log.
 */
export const SERVER_LOG = path.join(
  os.tmpdir(),
  `proxypay-e2e-server-${process.env.E2E_PORT ?? 3100}.log`,
);
export const SEEN_SECRETS = path.join(
  os.tmpdir(),
  `proxypay-e2e-secrets-${process.env.E2E_PORT ?? 3100}.jsonl`,
);

/** The e2e server's METRICS_TOKEN (a test value: the server lives for one run). */
export const E2E_METRICS_TOKEN = "e2e-metrics-token-not-a-secret-0001";

/** Records a secret the test saw, for the log check. */
export function rememberSecret(kind: string, value: string | null | undefined): void {
  if (!value) return;
  appendFileSync(SEEN_SECRETS, `${JSON.stringify({ kind, value })}\n`);
}

/** The 6-digit code in the newest SMS the server sent to this number. */
export async function smsCodeTo(phone: string): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(() => {
      if (!existsSync(OTP_OUTBOX)) return undefined;
      const lines = readFileSync(OTP_OUTBOX, "utf8").trim().split("\n");
      const mine = lines.map((l) => JSON.parse(l) as { phone: string; message: string });
      code = /\b(\d{6})\b/.exec(mine.findLast((m) => m.phone === phone)?.message ?? "")?.[1];
      return code;
    })
    .toMatch(/^\d{6}$/);
  rememberSecret("sms code", code);
  return code!;
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Browsers started by launchWithCamera during the current test; closed after it. */
const cameraBrowsers = new Set<Browser>();

/**
 * Contexts made with browser.newContext() outlive their test unless closed; left open, their
 * pages keep streaming and polling and load the machine the next camera test runs on.
 * When a test fails, every page it opened (the phone, the tablet in its camera browser) is
 * attached as a screenshot first: Playwright's own failure screenshot shows only `page`.
 */
export function closeContextsAfterEach(): void {
  test.afterEach(async ({ browser, context }, testInfo) => {
    const browsers = [browser, ...cameraBrowsers];
    cameraBrowsers.clear();
    if (testInfo.status !== testInfo.expectedStatus) {
      const pages = browsers.flatMap((b) => b.contexts().flatMap((c) => c.pages()));
      for (const [index, page] of pages.entries()) {
        const body = await page.screenshot({ fullPage: true }).catch(() => null);
        if (body) await testInfo.attach(`page-${index + 1}`, { body, contentType: "image/png" });
      }
    }
    // The test's own `context` fixture is Playwright's to close (it stops its trace first).
    await Promise.all([
      ...browser
        .contexts()
        .filter((c) => c !== context)
        .map((c) => c.close()),
      ...browsers.slice(1).map((b) => b.close()),
    ]);
  });
}

/** Decoding a camera frame can take a while on a loaded 2-core machine; the test waits. */
export const CAMERA_TIMEOUT = 60_000;

export async function signIn(
  page: Page,
  audience: "customer" | "agent",
  who: { phone: string; pin: string },
) {
  await page.goto(`/${audience}/login`);
  await page.getByLabel("Phone number").fill(who.phone);
  await page.getByLabel("PIN").fill(who.pin);
  rememberSecret("PIN", who.pin);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(new RegExp(`/${audience}$`));
}

/**
 * Turns the QR the customer's page drew into a camera feed: a screenshot of the QR element,
 * scaled and padded by ffmpeg into a Y4M file that Chromium's fake camera plays.
 */
export async function qrAsCameraFeed(qr: Locator, pngPath: string): Promise<string> {
  // The drawn code itself (square, quiet zone included), not its padded box: stretching a
  // non-square picture into the square frame below distorts the modules.
  await qr.locator("svg").screenshot({ path: pngPath });
  const y4m = pngPath.replace(/\.png$/, ".y4m");
  execFileSync("ffmpeg", [
    "-y",
    "-loglevel",
    "error",
    "-loop",
    "1",
    "-i",
    pngPath,
    "-t",
    "1",
    "-r",
    "10",
    "-vf",
    "scale=360:360:flags=neighbor,pad=640:480:(ow-iw)/2:(oh-ih)/2:white,format=yuv420p",
    "-f",
    "yuv4mpegpipe",
    y4m,
  ]);
  return y4m;
}

/**
 * A separate Chromium whose camera shows the given picture (fixed at launch). It is closed
 * after the test by closeContextsAfterEach.
 */
export async function launchWithCamera(y4mPath: string): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      ...CHROMIUM_ARGS,
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-video-capture=${y4mPath}`,
    ],
  });
  cameraBrowsers.add(browser);
  return browser;
}

/**
 * The agent's tablet pointed at a QR another page drew: a Chromium whose camera shows that
 * QR (`png` names the picture in the test's output), the agent signed in on `baseURL` (the
 * project's by default), the float noted, "Scan QR code" pressed. `onPage` sees the page
 * before anything loads in it (to record its responses, say).
 */
export async function tabletScanning(
  qr: Locator,
  testInfo: TestInfo,
  png: string,
  who: { phone: string; pin: string },
  options: { baseURL?: string; onPage?: (page: Page) => void } = {},
): Promise<{ agent: Page; floatBefore: bigint }> {
  const feed = await qrAsCameraFeed(qr, testInfo.outputPath(png));
  const browser = await launchWithCamera(feed);
  const context = await browser.newContext({
    viewport: TABLET,
    baseURL: options.baseURL ?? testInfo.project.use.baseURL,
  });
  const agent = await context.newPage();
  options.onPage?.(agent);
  await signIn(agent, "agent", who);
  const floatBefore = await floatBalance(agent);
  await agent.getByRole("button", { name: "Scan QR code" }).click();
  return { agent, floatBefore };
}

/**
 * The agent's float balance as the tablet shows it: the card's figure is what is available,
 * and when some of the float is held (a customer's open report) the line under it gives the
 * balance, which is what the receipt's "New float" continues from.
 */
export async function floatBalance(agent: Page): Promise<bigint> {
  const card = agent.getByTestId("float-card");
  await expect(card).toContainText("KES");
  const held = card.getByTestId("float-held");
  return (await held.count()) > 0 ? readMoney(held.locator(".amount").nth(1)) : readMoney(card);
}

/** One statement on the test database, outside the app (test set-up and clean-up only). */
async function onTestDatabase(sql: string, values: unknown[]): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql, values);
  } finally {
    await client.end();
  }
}

/** Test-only time travel: moves an order's expiry into the past. */
export async function expireOrderNow(orderId: string): Promise<void> {
  await onTestDatabase("UPDATE orders SET expires_at = now() - interval '1 second' WHERE id = $1", [
    orderId,
  ]);
}

/**
 * After each test of a spec that switches language, these accounts go back to "the browser
 * decides", whatever happened in the test: every later spec signs them in to English.
 */
export function forgetLanguageAfterEach(...phones: string[]): void {
  test.afterEach(async () => {
    await onTestDatabase("UPDATE users SET locale = NULL WHERE phone = ANY($1)", [phones]);
  });
}

/** The first amount shown in an element ("KES 1,234.50"), in minor units. */
export async function readMoney(locator: Locator): Promise<bigint> {
  await expect(locator).toContainText("KES");
  const text = (await locator.textContent()) ?? "";
  const match = /KES ([\d,]+\.\d{2})/.exec(text);
  if (!match?.[1]) throw new Error(`no amount in: ${text}`);
  return parseMajor(match[1], "KES");
}

export function kes(minor: bigint): string {
  return formatMinor(minor, "KES");
}

/** From the wallet home: creates an order and waits for its QR. Returns the order id. */
export async function createOrder(
  page: Page,
  type: "Cash in" | "Cash out",
  amount: string,
): Promise<string> {
  await page.getByRole("link", { name: type, exact: true }).click();
  await page.getByLabel("Amount (KES)").fill(amount);
  const created = page.waitForResponse((r) => r.url().includes("customer.createOrder"));
  await page.getByRole("button", { name: "Create order" }).click();
  // The QR's token and the typed code travel in this answer: the log must never hold them.
  const body = await (await created).text();
  rememberSecret("order token", /"token":"([^"]+)"/.exec(body)?.[1]);
  rememberSecret("typed code", /"typedCode":"([^"]+)"/.exec(body)?.[1]);
  await page.waitForURL(/\/customer\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("order-qr")).toBeVisible();
  return page.url().split("/").pop()!;
}
