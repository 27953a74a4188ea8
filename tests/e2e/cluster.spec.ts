// Two production instances behind nginx on one PostgreSQL (scripts/cluster.mjs, run by
// playwright.cluster.config.ts). The phone talks to instance 1 and the tablet to instance 2,
// both through nginx (its per-instance entry ports, CLUSTER_PORT + i): a change one instance
// makes reaches the other's live streams only through PostgreSQL's NOTIFY, which is what
// this proves. nginx names the instance that answered in X-Upstream.
import { expect, type Page, test } from "@playwright/test";
import pg from "pg";
import {
  CAMERA_TIMEOUT,
  closeContextsAfterEach,
  createOrder,
  DEMO,
  kes,
  PHONE,
  readMoney,
  signIn,
  tabletScanning,
} from "./support";

closeContextsAfterEach();

const PORT = Number(process.env.CLUSTER_PORT ?? 3200);
/** nginx's entry for instance i only, and the instance's own address (scripts/cluster.mjs). */
const entry = (i: number) => `http://localhost:${PORT + i}`;
const upstream = (i: number) => `127.0.0.1:${PORT + 10 + i}`;

interface Seen {
  url: string;
  upstream: string | undefined;
  stream: boolean;
}

/** Every response the page receives from the app, with the instance nginx says served it. */
function recordUpstreams(page: Page): Seen[] {
  const seen: Seen[] = [];
  page.on("response", (response) => {
    if (!response.url().startsWith("http://localhost:")) return;
    const headers = response.headers();
    seen.push({
      url: response.url(),
      upstream: headers["x-upstream"],
      stream: (headers["content-type"] ?? "").startsWith("text/event-stream"),
    });
  });
  return seen;
}

function expectAllServedBy(seen: Seen[], instance: number) {
  const api = seen.filter((s) => new URL(s.url).pathname.startsWith("/api/trpc"));
  expect(api.length).toBeGreaterThan(0);
  // The live stream of the order (tRPC subscription over SSE) is among them.
  expect(api.filter((s) => s.stream && s.url.includes("live.order")).length).toBeGreaterThan(0);
  const elsewhere = seen.filter((s) => s.upstream !== upstream(instance));
  expect(elsewhere, `responses not from instance ${instance}`).toEqual([]);
}

test("cash-out across two instances: phone on one, tablet on the other, both update live", async ({
  browser,
}, testInfo) => {
  const customer = await (
    await browser.newContext({ viewport: PHONE, baseURL: entry(1) })
  ).newPage();
  const phoneSeen = recordUpstreams(customer);
  await signIn(customer, "customer", DEMO.amina);
  const walletBefore = await readMoney(customer.getByTestId("wallet"));
  await createOrder(customer, "Cash out", "700");
  let tabletSeen: Seen[] = [];
  const { agent, floatBefore } = await tabletScanning(
    customer.getByTestId("order-qr"),
    testInfo,
    "cluster-qr.png",
    DEMO.wanjiru,
    { baseURL: entry(2), onPage: (page) => (tabletSeen = recordUpstreams(page)) },
  );
  await expect(agent.getByTestId("order-preview")).toContainText("KES 700.00", {
    timeout: CAMERA_TIMEOUT,
  });

  // Instance 2 claimed the order; the phone's stream on instance 1 shows the shop at once.
  const approval = customer.getByTestId("approval");
  await expect(approval).toContainText(DEMO.wanjiru.shop);
  await expect(agent.getByTestId("pay-out")).toHaveCount(0);
  await approval.getByLabel("Your PIN").fill(DEMO.amina.pin);
  await approval.getByRole("button", { name: "Approve and pay" }).click();

  // Instance 1 took the approval; the tablet's stream on instance 2 says to hand over.
  await expect(agent.getByTestId("pay-out")).toContainText("hand over KES 700.00 cash now");
  await expect(agent.getByTestId("agent-receipt")).toContainText(kes(floatBefore + 70_000n));
  await expect(customer.getByTestId("receipt")).toContainText(kes(walletBefore - 71_050n));

  expectAllServedBy(phoneSeen, 1);
  expectAllServedBy(tabletSeen, 2);
});

test("a client's own X-Forwarded-For is not the address the app counts", async ({ request }) => {
  const forged = "203.0.113.77";
  const phone = `+2547${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    const failures = async (ip: string) => {
      const { rows } = await db.query<{ failures: number }>(
        "SELECT failures FROM rate_limits WHERE key = $1",
        [`pin:ip:${ip}`],
      );
      return rows[0]?.failures ?? 0;
    };
    const before = await failures("127.0.0.1");
    // Through the balanced public port, as any client would come.
    const headers = { "x-forwarded-for": `${forged}, 198.51.100.1` };
    const csrf = await request.get("/api/auth/csrf", { headers });
    expect(csrf.headers()["x-upstream"]).toMatch(/^127\.0\.0\.1:\d+$/);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signIn = await request.post("/api/auth/callback/credentials", {
      headers,
      form: { phone, pin: "0000", audience: "customer", csrfToken, json: "true" },
    });
    // next-auth answers a refused sign-in with the error page's address.
    expect(((await signIn.json()) as { url: string }).url).toContain("error=");
    // The wrong PIN counted against the address nginx saw, not the one the client wrote.
    expect(await failures("127.0.0.1")).toBe(before + 1);
    expect(await failures(forged)).toBe(0);
    expect(await failures("198.51.100.1")).toBe(0);
  } finally {
    await db.end();
  }
});
