import { expect, type Page, test } from "@playwright/test";
import { closeContextsAfterEach, DEMO, PHONE, signIn, TABLET } from "./support";

closeContextsAfterEach();

// Words and layout people trip over (issue 12): at a phone's width no operator screen is wider
// than the phone, every screen has exactly one h1, and no operator screen shows a raw code
// such as COMMISSION_EXPENSE (labels come from src/components/ui/labels.ts).

const OPERATOR = { phone: "+254700000001", password: "admin-demo-2026" };
const ADMIN_PAGES = [
  "/admin",
  "/admin/orders",
  "/admin/agents",
  "/admin/customers",
  "/admin/disputes",
  "/admin/reversals",
  "/admin/ledger",
  "/admin/ledger/journal",
  "/admin/operators",
  "/admin/settings",
  "/admin/audit",
  "/admin/rebalancing",
];
const RAW_CODE = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g;

async function measure(page: Page) {
  // Waits for the screen's content (not its loading state) before measuring.
  await expect(page.locator("h1").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  return page.evaluate(
    (pattern) => ({
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      h1s: document.querySelectorAll("h1").length,
      // biome-ignore lint/performance/useDomNodeTextContent: what is rendered, not hidden text
      codes: document.body.innerText.match(new RegExp(pattern, "g")) ?? [],
    }),
    RAW_CODE.source,
  );
}

test("operator screens fit a phone, have one h1 and show no raw codes", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto("/admin/login");
  await page.getByLabel("Phone number").fill(OPERATOR.phone);
  await page.getByLabel("Password").fill(OPERATOR.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/admin(\/agents)?$/);
  const found: Record<string, unknown> = {};
  for (const path of ADMIN_PAGES) {
    await page.goto(path);
    const m = await measure(page);
    if (m.overflow > 0 || m.h1s !== 1 || m.codes.length > 0) found[path] = m;
  }
  expect(found).toEqual({});
});

test("the customer's and the agent's screens each have exactly one h1", async ({ browser }) => {
  const phone = await browser.newPage({ viewport: PHONE });
  await signIn(phone, "customer", DEMO.brian);
  for (const path of ["/customer", "/customer/new?type=CASH_IN"]) {
    await phone.goto(path);
    const m = await measure(phone);
    expect({ path, ...m, codes: [] }).toEqual({ path, overflow: 0, h1s: 1, codes: [] });
  }
  const tablet = await browser.newPage({ viewport: TABLET });
  await signIn(tablet, "agent", DEMO.otieno);
  for (const path of ["/agent", "/agent/history", "/agent/rebalance", "/agent/drawer"]) {
    await tablet.goto(path);
    const m = await measure(tablet);
    expect({ path, overflow: m.overflow, h1s: m.h1s }).toEqual({ path, overflow: 0, h1s: 1 });
  }
});
