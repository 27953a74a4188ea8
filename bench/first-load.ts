// First load as a real browser sees it (Playwright driving Debian's Chromium, as the e2e tests
// do): how much JavaScript each audience's landing route transfers, and how long a cold
// /customer takes to become usable on a slow 3G line. Prints figures; asserts nothing.
//
//   npm run bench:first-load                  (builds if needed, fresh demo database, serves)
//   BASE_URL=http://localhost:3000 tsx bench/first-load.ts     (a server already running)
//
// Environment: BASE_URL (required when run directly), RUNS (slow-3G loads per page, median
// reported; 3 by default), CHROMIUM_PATH (default /usr/bin/chromium).
//
// JavaScript bytes are what went over the wire for script resources (CDP Network
// loadingFinished.encodedDataLength: the compressed body plus the response headers), with
// the HTTP cache disabled, counted until the page has been quiet for a moment after its main
// action became usable, so chunks loaded on demand after hydration count too. Chromium asks
// for brotli, which the server sends where it has it; the same scripts are also fetched
// again as gzip, the size a gzip-only client (and the budget) counts.
// "Usable" means the page's main action (Cash in on the wallet, Sign in on the sign-in page,
// Scan QR code at the counter) is visible and hydrated: React has attached its props to the
// element, so a tap runs the app's handler instead of doing nothing or reloading the page.
import http from "node:http";
import https from "node:https";
import { pathToFileURL } from "node:url";
import {
  type Browser,
  type BrowserContext,
  type CDPSession,
  chromium,
  type Page,
} from "@playwright/test";
import { emulateNetwork } from "../tests/support/network";

export interface FirstLoadResult {
  baseUrl: string;
  /** JavaScript transferred by each audience's landing route, signed in, cache disabled. */
  routes: RouteJs[];
  /** Cold loads on slow 3G (400 kbit/s each way, 400 ms round trip, cache disabled). */
  slow3g: Slow3gLoad[];
}

export interface RouteJs {
  audience: "customer" | "agent";
  path: string;
  /** Script responses (each chunk once). */
  scripts: number;
  /**
   * Bytes on the wire for those scripts, headers included, as this browser got them (brotli
   * where the server offers it, gzip otherwise).
   */
  jsTransferBytes: number;
  /** The same scripts' bodies as gzip (asked again with Accept-Encoding: gzip). */
  jsGzipBytes: number;
  /** Everything the page transferred (document, CSS, scripts, API calls). */
  totalTransferBytes: number;
  scriptUrls: string[];
  /**
   * For the agent: the extra JavaScript loaded when the scanner opens (the camera decoder),
   * which the landing figure leaves out.
   */
  onDemand?: { action: string; scripts: number; jsTransferBytes: number; jsGzipBytes: number };
}

export interface Slow3gLoad {
  path: string;
  who: "signed-in customer" | "new visitor";
  /** The action that must be usable: its accessible text. */
  mainAction: string;
  /** Median over the runs: navigation start until the main action is visible and hydrated. */
  usableMs: number;
  runsMs: number[];
  /** Median DOMContentLoaded and load event, same clock. */
  domContentLoadedMs: number;
  loadMs: number;
  /** Median bytes transferred by then (all resources) and by scripts. */
  transferBytes: number;
  jsTransferBytes: number;
  requests: number;
}

const DEMO_CUSTOMER = { phone: "+254711000001", pin: "1234", audience: "customer" } as const;
const DEMO_AGENT = { phone: "+254700000101", pin: "1111", audience: "agent" } as const;

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // The agent's scanner opens a camera: a fake one, allowed without a prompt.
  "--use-fake-ui-for-media-stream",
  "--use-fake-device-for-media-stream",
];

interface Credentials {
  phone: string;
  pin: string;
  audience: "customer" | "agent";
}

/** Signs the context in through next-auth's own endpoints (the cookies land in its jar). */
async function signIn(context: BrowserContext, baseUrl: string, who: Credentials): Promise<void> {
  const csrf = await context.request.get(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await context.request.post(`${baseUrl}/api/auth/callback/credentials`, {
    form: { csrfToken, phone: who.phone, pin: who.pin, audience: who.audience, json: "true" },
  });
  const body = (await response.json().catch(() => ({}))) as { url?: string };
  const cookies = await context.cookies(baseUrl);
  if (!response.ok() || !cookies.some((c) => c.name.endsWith("next-auth.session-token"))) {
    throw new Error(`sign-in as ${who.phone} failed: HTTP ${response.status()} ${body.url ?? ""}`);
  }
}

/** Per-request bookkeeping from CDP Network events. */
class NetworkLog {
  private readonly types = new Map<string, string>();
  private readonly urls = new Map<string, string>();
  private readonly finished = new Map<string, number>();

  constructor(cdp: CDPSession) {
    cdp.on("Network.requestWillBeSent", (e) => {
      this.urls.set(e.requestId, e.request.url);
      if (e.type) this.types.set(e.requestId, e.type);
    });
    cdp.on("Network.responseReceived", (e) => {
      this.types.set(e.requestId, e.type);
    });
    cdp.on("Network.loadingFinished", (e) => {
      this.finished.set(e.requestId, e.encodedDataLength);
    });
  }

  /** Marks what happened so far, to count what comes after it. */
  mark(): Set<string> {
    return new Set(this.finished.keys());
  }

  totals(since?: Set<string>) {
    let scripts = 0;
    let jsTransferBytes = 0;
    let totalTransferBytes = 0;
    let requests = 0;
    for (const [id, bytes] of this.finished) {
      if (since?.has(id)) continue;
      requests++;
      totalTransferBytes += bytes;
      if (this.types.get(id) === "Script") {
        scripts++;
        jsTransferBytes += bytes;
      }
    }
    return { scripts, jsTransferBytes, totalTransferBytes, requests };
  }

  scriptUrls(since?: Set<string>): string[] {
    return [...this.finished.keys()]
      .filter((id) => !since?.has(id) && this.types.get(id) === "Script")
      .map((id) => this.urls.get(id) ?? id);
  }
}

interface MainAction {
  /** Tag of the element: a link or a button. */
  tag: "a" | "button";
  text: string;
}

const MAIN_ACTION: Record<string, MainAction> = {
  "/customer": { tag: "a", text: "Cash in" },
  "/customer/login": { tag: "button", text: "Sign in" },
  "/agent": { tag: "button", text: "Scan QR code" },
};

/**
 * Page-side check, as source text: tsx compiles this file with esbuild's keepNames, whose
 * helpers would not exist in the page if a compiled function were sent there. True once the
 * action is visible, enabled and hydrated (React puts __reactProps$… on an element when it
 * hydrates it).
 */
const IS_USABLE = `(action) => {
  const element = [...document.querySelectorAll(action.tag)].find(
    (e) => (e.textContent || "").trim() === action.text,
  );
  if (!element) return false;
  const box = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  const visible =
    box.width > 0 && box.height > 0 && style.visibility !== "hidden" && style.opacity !== "0";
  const hydrated = Object.keys(element).some((k) => k.startsWith("__reactProps$"));
  return visible && hydrated && !element.disabled;
}`;

/**
 * Installed in every document before its own scripts: checks on every animation frame and
 * keeps performance.now() (ms since that navigation started) of the first frame it passes.
 */
function recordUsableScript(action: MainAction): string {
  return `(() => {
  const usable = ${IS_USABLE};
  const action = ${JSON.stringify(action)};
  const tick = () => {
    if (usable(action)) window.__usableAt = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;
}

/**
 * Polls for the time recordUsableScript kept. Asked from here: waitForFunction would evaluate
 * its predicate with eval in the page, which the app's CSP (rightly) refuses.
 */
async function usableAt(page: Page, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const at = await page
      .evaluate(() => (window as unknown as { __usableAt?: number }).__usableAt)
      .catch(() => undefined); // a navigation in between (a redirect): ask the next document
    if (typeof at === "number") return at;
    if (Date.now() > deadline) throw new Error(`main action not usable on ${page.url()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function newContext(browser: Browser, audience: "customer" | "agent") {
  // The phone and the tablet the apps are made for (the e2e tests' viewports).
  const viewport =
    audience === "customer" ? { width: 390, height: 844 } : { width: 1024, height: 768 };
  return browser.newContext({ viewport, serviceWorkers: "block" });
}

async function openWithCdp(context: BrowserContext) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  return { page, cdp, log: new NetworkLog(cdp) };
}

/** Waits until no request has finished for `quietMs` (on-demand chunks included). */
async function settle(page: Page, quietMs = 1_000): Promise<void> {
  await page.waitForLoadState("load");
  await page.waitForLoadState("networkidle").catch(() => {});
  await page.waitForTimeout(quietMs);
}

async function landingJs(
  browser: Browser,
  baseUrl: string,
  who: Credentials,
  path: string,
): Promise<RouteJs> {
  const context = await newContext(browser, who.audience);
  try {
    await signIn(context, baseUrl, who);
    const { page, log } = await openWithCdp(context);
    const action = MAIN_ACTION[path]!;
    await page.addInitScript({ content: recordUsableScript(action) });
    await page.goto(`${baseUrl}${path}`);
    await usableAt(page, 60_000);
    await settle(page);
    if (new URL(page.url()).pathname !== path) {
      throw new Error(`${path} ended on ${page.url()}: not signed in?`);
    }
    const landed = log.totals();
    const scriptUrls = log.scriptUrls();
    const result: RouteJs = {
      audience: who.audience,
      path,
      scripts: landed.scripts,
      jsTransferBytes: landed.jsTransferBytes,
      jsGzipBytes: await gzipBytes(scriptUrls),
      totalTransferBytes: landed.totalTransferBytes,
      scriptUrls,
    };
    if (who.audience === "agent") {
      const before = log.mark();
      await page.getByRole("button", { name: action.text }).click();
      // Scanning (or a camera problem) shows the decoder's screen is up; then let it settle.
      await page
        .getByText(/Hold the customer.s QR code|camera/i)
        .first()
        .waitFor({ timeout: 30_000 });
      await settle(page);
      const extra = log.totals(before);
      result.onDemand = {
        action: `open the scanner (${action.text})`,
        scripts: extra.scripts,
        jsTransferBytes: extra.jsTransferBytes,
        jsGzipBytes: await gzipBytes(log.scriptUrls(before)),
      };
    }
    return result;
  } finally {
    await context.close();
  }
}

/** The gzip body sizes of these URLs, as `next start` sends them to a gzip-only client. */
async function gzipBytes(urls: string[]): Promise<number> {
  let total = 0;
  for (const url of urls) {
    total += await new Promise<number>((resolve, reject) => {
      // node:http, not fetch: fetch would decompress the body before it could be counted.
      const request = (url.startsWith("https:") ? https : http).get(
        url,
        { headers: { "Accept-Encoding": "gzip" } },
        (response) => {
          let bytes = 0;
          response.on("data", (chunk: Buffer) => {
            bytes += chunk.length;
          });
          response.on("end", () => resolve(bytes));
          response.on("error", reject);
        },
      );
      request.on("error", reject);
    });
  }
  return total;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function slow3gOnce(
  browser: Browser,
  baseUrl: string,
  path: string,
  who: Credentials | null,
) {
  const context = await newContext(browser, "customer");
  try {
    if (who) await signIn(context, baseUrl, who);
    const { page, cdp, log } = await openWithCdp(context);
    await emulateNetwork(page, undefined, cdp);
    const action = MAIN_ACTION[path]!;
    // Installed before the navigation: the page's own clock times it from navigation start.
    await page.addInitScript({ content: recordUsableScript(action) });
    await page.goto(`${baseUrl}${path}`, { waitUntil: "commit", timeout: 120_000 });
    const usableMs = await usableAt(page, 120_000);
    const atUsable = log.totals();
    await page.waitForLoadState("load", { timeout: 120_000 });
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return { dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
    });
    if (new URL(page.url()).pathname !== path) {
      throw new Error(`${path} ended on ${page.url()}`);
    }
    return { usableMs, ...timing, ...atUsable };
  } finally {
    await context.close();
  }
}

async function slow3g(
  browser: Browser,
  baseUrl: string,
  path: string,
  who: Credentials | null,
  runs: number,
): Promise<Slow3gLoad> {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await slow3gOnce(browser, baseUrl, path, who));
  return {
    path,
    who: who ? "signed-in customer" : "new visitor",
    mainAction: MAIN_ACTION[path]!.text,
    usableMs: Math.round(median(results.map((r) => r.usableMs))),
    runsMs: results.map((r) => Math.round(r.usableMs)),
    domContentLoadedMs: Math.round(median(results.map((r) => r.dcl))),
    loadMs: Math.round(median(results.map((r) => r.load))),
    transferBytes: Math.round(median(results.map((r) => r.totalTransferBytes))),
    jsTransferBytes: Math.round(median(results.map((r) => r.jsTransferBytes))),
    requests: Math.round(median(results.map((r) => r.requests))),
  };
}

/**
 * Measures the first load of the customer and agent landing routes against a running
 * production server with the README's demo accounts (`bench:load` imports this).
 */
export async function measureFirstLoad(
  baseUrl: string,
  options: { runs?: number } = {},
): Promise<FirstLoadResult> {
  const base = baseUrl.replace(/\/$/, "");
  const runs = options.runs ?? Number(process.env.RUNS ?? 3);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  try {
    // One load first so that the server has every route warm (its first render of a page
    // costs more than the rest) and the measured loads see a steady server.
    await landingJs(browser, base, DEMO_CUSTOMER, "/customer");
    const routes = [
      await landingJs(browser, base, DEMO_CUSTOMER, "/customer"),
      await landingJs(browser, base, DEMO_AGENT, "/agent"),
    ];
    const slow = [
      await slow3g(browser, base, "/customer", DEMO_CUSTOMER, runs),
      await slow3g(browser, base, "/customer/login", null, runs),
    ];
    return { baseUrl: base, routes, slow3g: slow };
  } finally {
    await browser.close();
  }
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export function formatFirstLoad(result: FirstLoadResult): string {
  const lines = [
    `First load against ${result.baseUrl}`,
    "",
    "JavaScript on each landing route (signed in, cache disabled; kB = 1000 bytes)",
    "| route | scripts | JS transferred | JS as gzip | all transferred |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...result.routes.flatMap((r) => [
      `| ${r.path} (${r.audience}) | ${r.scripts} | ${kB(r.jsTransferBytes)} | ${kB(r.jsGzipBytes)} | ${kB(r.totalTransferBytes)} |`,
      ...(r.onDemand
        ? [
            `| ${r.path}: ${r.onDemand.action}, on demand | ${r.onDemand.scripts} | +${kB(r.onDemand.jsTransferBytes)} | +${kB(r.onDemand.jsGzipBytes)} | |`,
          ]
        : []),
    ]),
    "",
    "Cold load on slow 3G (400 kbit/s, 400 ms round trip, cache disabled; median of runs)",
    "| page | who | usable (main action visible + hydrated) | runs | DOMContentLoaded | load | transferred by then (JS) | requests |",
    "| --- | --- | ---: | --- | ---: | ---: | ---: | ---: |",
    ...result.slow3g.map(
      (l) =>
        `| ${l.path} | ${l.who} | ${s(l.usableMs)} ("${l.mainAction}") | ${l.runsMs.map(s).join(", ")} | ${s(l.domContentLoadedMs)} | ${s(l.loadMs)} | ${kB(l.transferBytes)} (${kB(l.jsTransferBytes)}) | ${l.requests} |`,
    ),
  ];
  return lines.join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const baseUrl = process.env.BASE_URL;
  if (!baseUrl) {
    console.error("Set BASE_URL to a running server (or use: npm run bench:first-load)");
    process.exit(2);
  }
  measureFirstLoad(baseUrl)
    .then((result) => {
      console.log(formatFirstLoad(result));
      if (process.env.JSON) console.log(JSON.stringify(result, null, 2));
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
