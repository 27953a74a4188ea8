import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo, test } from "@playwright/test";
import {
  CAMERA_TIMEOUT,
  closeContextsAfterEach,
  createOrder,
  DEMO,
  expireOrderNow,
  PHONE,
  rememberSecret,
  signIn,
  TABLET,
  tabletScanning,
} from "./support";

closeContextsAfterEach();

// Issue 12, "Accessible": axe on every screen of the three audiences, signed in and in each
// order state the screen can show. A serious or critical violation fails the test; minor and
// moderate ones are printed (and attached) so they stay visible without blocking.

const OPERATOR = { phone: "+254700000001", password: "admin-demo-2026" };
const WIDE = { width: 1280, height: 900 };
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

interface Finding {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Audits what the page shows now; returns its serious and critical findings. */
async function audit(page: Page, screen: string, testInfo: TestInfo): Promise<Finding[]> {
  // Screens draw their data after load: audit the settled screen, not its skeleton.
  await page.waitForLoadState("networkidle");
  await expect(page.locator("[aria-busy='true']")).toHaveCount(0);
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const findings = result.violations.map((v) => ({
    screen,
    rule: v.id,
    impact: v.impact ?? "unknown",
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
  const minor = findings.filter((f) => f.impact === "minor" || f.impact === "moderate");
  if (minor.length > 0) {
    const lines = minor.map((f) => `  ${f.impact} ${f.rule} (${f.help}) at ${f.targets[0]}`);
    console.log(`[axe] ${screen}: ${minor.length} minor/moderate\n${lines.join("\n")}`);
    await testInfo.attach(`axe-minor-${screen}`, {
      body: JSON.stringify(minor, null, 2),
      contentType: "application/json",
    });
  }
  return findings.filter((f) => f.impact === "serious" || f.impact === "critical");
}

/** Collects every screen's serious findings and fails once, listing them all. */
function auditor(testInfo: TestInfo) {
  const serious: Finding[] = [];
  return {
    check: async (page: Page, screen: string) => {
      serious.push(...(await audit(page, screen, testInfo)));
    },
    done: () => expect(serious).toEqual([]),
  };
}

async function signInOperator(page: Page) {
  await page.goto("/admin/login");
  await page.getByLabel("Phone number").fill(OPERATOR.phone);
  await page.getByLabel("Password").fill(OPERATOR.password);
  rememberSecret("password", OPERATOR.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/admin(\/agents)?$/);
}

/** The agent's tablet finds an order by its typed code (no camera in this browser). */
async function findByCode(agent: Page, code: string) {
  await agent.getByLabel("Customer's code").fill(code);
  await agent.getByRole("button", { name: "Find order" }).click();
  await expect(agent.getByTestId("order-preview")).toBeVisible();
}

test("signed out: every sign-in and sign-up screen", async ({ page }, testInfo) => {
  const axe = auditor(testInfo);
  await page.setViewportSize(PHONE);
  for (const path of [
    "/",
    "/customer/login",
    "/customer/signup",
    "/agent/login",
    "/admin/login",
    "/admin/activate",
  ]) {
    await page.goto(path);
    await axe.check(page, path);
  }
  axe.done();
});

test("customer and agent: every screen through a cash-in, a cash-out, a cancel, an expiry and a decline", async ({
  browser,
}, testInfo) => {
  const axe = auditor(testInfo);
  const customer = await (await browser.newContext({ viewport: PHONE })).newPage();
  const agent = await (await browser.newContext({ viewport: TABLET })).newPage();
  await signIn(customer, "customer", DEMO.brian);
  await axe.check(customer, "customer home");
  await signIn(agent, "agent", DEMO.wanjiru);
  await axe.check(agent, "agent counter");
  // No camera in this browser: the scan panel says so and points at the code field.
  await agent.getByRole("button", { name: "Scan QR code" }).click();
  await expect(agent.getByTestId("camera-problem")).toBeVisible();
  await axe.check(agent, "agent scan panel, no camera");

  // Cash-in: waiting for the agent, scanned, completed.
  await customer.goto("/customer/new?type=CASH_IN");
  await axe.check(customer, "customer new cash-in");
  await customer.goto("/customer");
  await createOrder(customer, "Cash in", "150");
  await axe.check(customer, "customer order waiting for agent");
  const code = (await customer.getByTestId("typed-code").textContent())?.trim() ?? "";
  await findByCode(agent, code);
  await axe.check(agent, "agent order preview, cash-in");
  await expect(customer.getByTestId("order-waiting")).toBeVisible();
  await axe.check(customer, "customer order scanned");
  await agent.getByRole("button", { name: "Confirm cash received" }).click();
  await expect(agent.getByTestId("agent-receipt")).toBeVisible();
  await axe.check(agent, "agent receipt");
  await expect(customer.getByTestId("receipt")).toBeVisible();
  await axe.check(customer, "customer receipt");
  await agent.getByRole("button", { name: "Next customer" }).click();

  // Cash-out: the customer approves with the PIN on the phone.
  await customer.goto("/customer");
  await createOrder(customer, "Cash out", "100");
  await findByCode(agent, (await customer.getByTestId("typed-code").textContent())?.trim() ?? "");
  await axe.check(agent, "agent order preview, cash-out waiting for the PIN");
  await expect(customer.getByTestId("approval")).toBeVisible();
  await axe.check(customer, "customer approval");
  await customer.getByTestId("approval").getByLabel("Your PIN").fill(DEMO.brian.pin);
  await customer.getByRole("button", { name: "Approve and pay" }).click();
  await expect(customer.getByTestId("receipt")).toBeVisible();
  await axe.check(customer, "customer cash-out receipt");
  await expect(agent.getByTestId("pay-out")).toBeVisible();
  await axe.check(agent, "agent cash-out receipt");
  await agent.getByRole("button", { name: "Next customer" }).click();

  // Cancelled by the customer.
  await customer.goto("/customer");
  await createOrder(customer, "Cash in", "120");
  await customer.getByRole("button", { name: "Cancel order" }).click();
  await axe.check(customer, "customer cancel question");
  await customer.getByRole("button", { name: "Yes, cancel" }).click();
  await expect(customer.getByText(/cancelled/i).first()).toBeVisible();
  await axe.check(customer, "customer order cancelled");

  // Expired.
  await customer.goto("/customer");
  const expiring = await createOrder(customer, "Cash in", "110");
  await expireOrderNow(expiring);
  await expect(customer.getByTestId("order-qr")).toHaveCount(0);
  await axe.check(customer, "customer order expired");

  // Declined by the shop, then reported by the customer.
  await customer.goto("/customer");
  await createOrder(customer, "Cash in", "130");
  await findByCode(agent, (await customer.getByTestId("typed-code").textContent())?.trim() ?? "");
  await agent.getByRole("button", { name: "Decline", exact: true }).click();
  await axe.check(agent, "agent decline form");
  await agent.getByRole("button", { name: "Decline order" }).click();
  await expect(agent.getByTestId("order-closed")).toBeVisible();
  await axe.check(agent, "agent order declined");
  await customer.getByRole("button", { name: "Report a problem" }).click();
  await axe.check(customer, "customer report-a-problem form");

  // Histories and the card page.
  await customer.goto("/customer");
  await axe.check(customer, "customer home with history");
  await customer.goto("/customer/new?type=CASH_OUT");
  await axe.check(customer, "customer new cash-out");
  await customer.goto("/customer/card");
  await axe.check(customer, "customer card page");
  await agent.goto("/agent/history");
  await axe.check(agent, "agent history");
  axe.done();
});

test("agent: a personal card scanned, the amount typed, the holder's PIN pad", async ({
  browser,
}, testInfo) => {
  const axe = auditor(testInfo);
  const customer = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signIn(customer, "customer", DEMO.amina);
  await customer.goto("/customer/card");
  const card = customer.getByTestId("card-qr");
  if ((await card.count()) === 0) {
    const issued = customer.waitForResponse((r) => r.url().includes("customer.issueCard"));
    await customer.getByRole("button", { name: "Get a personal QR card" }).click();
    rememberSecret("card secret", /"secret":"([^"]+)"/.exec(await (await issued).text())?.[1]);
  }
  await expect(card).toBeVisible();
  await axe.check(customer, "customer card issued");
  const { agent } = await tabletScanning(card, testInfo, "a11y-card.png", DEMO.otieno);
  await expect(agent.getByRole("heading", { name: /Amina/ })).toBeVisible({
    timeout: CAMERA_TIMEOUT,
  });
  await agent.getByRole("button", { name: "Cash out", exact: true }).click();
  await agent.getByLabel("Amount (KES)").fill("200");
  await axe.check(agent, "agent card panel");
  await agent.getByRole("button", { name: /Hand the tablet to the customer/ }).click();
  await expect(agent.getByRole("dialog")).toBeVisible();
  await axe.check(agent, "agent card PIN pad");
  axe.done();
});

test("operator: every console screen, with its forms and row panels open", async ({
  page,
}, testInfo) => {
  const axe = auditor(testInfo);
  await page.setViewportSize(WIDE);
  await signInOperator(page);
  const simple = [
    "/admin",
    "/admin/orders",
    "/admin/customers",
    "/admin/disputes",
    "/admin/disputes?tab=decided",
    "/admin/reversals",
    "/admin/ledger",
    "/admin/ledger/journal",
    "/admin/settings",
    "/admin/audit",
  ];
  for (const path of simple) {
    await page.goto(path);
    await axe.check(page, path);
  }

  await page.goto("/admin/agents");
  await axe.check(page, "/admin/agents");
  await page.getByRole("button", { name: "Onboard agent" }).click();
  await axe.check(page, "/admin/agents onboard form");
  await page.getByRole("button", { name: "Onboard agent" }).click();
  const row = page.getByRole("row").filter({ hasText: DEMO.wanjiru.shop });
  for (const panel of ["Fund float", "Plan", "Suspend"]) {
    await row.getByRole("button", { name: panel }).first().click();
    await axe.check(page, `/admin/agents row panel ${panel}`);
    await row.getByRole("button", { name: panel }).first().click();
  }

  await page.goto("/admin/operators");
  await axe.check(page, "/admin/operators");

  await page.goto("/admin/customers");
  await page.getByLabel("Phone number").fill(DEMO.amina.phone);
  await page.getByLabel("Phone number").press("Enter");
  await page.getByRole("link", { name: /Amina/ }).first().click();
  await page.waitForURL(/\/admin\/customers\/[0-9a-f-]{36}$/);
  await axe.check(page, "/admin/customers/[id]");

  await page.goto("/admin/orders");
  await page.getByTestId("orders-table").getByRole("link").first().click();
  await page.waitForURL(/\/admin\/orders\/[0-9a-f-]{36}$/);
  await axe.check(page, "/admin/orders/[id]");

  await page.goto("/admin/agents");
  await row.getByRole("link", { name: "Float statement" }).click();
  await page.waitForURL(/\/admin\/ledger\/accounts\//);
  await axe.check(page, "/admin/ledger/accounts/[id]");
  axe.done();
});
