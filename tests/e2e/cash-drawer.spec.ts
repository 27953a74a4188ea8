import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { closeContextsAfterEach, createOrder, DEMO, PHONE, signIn, TABLET } from "./support";

closeContextsAfterEach();

const OPERATOR = { phone: "+254700000001", password: "admin-demo-2026" };
const DESKTOP = { width: 1440, height: 900 };

/** The agent serves a customer's order by typing its code (no camera in this browser). */
async function serveByCode(agent: Page, code: string) {
  await agent.goto("/agent");
  await agent.getByLabel("Customer's code").fill(code);
  await agent.getByRole("button", { name: "Find order" }).click();
  await expect(agent.getByTestId("order-preview")).toBeVisible();
}

async function seriousFindings(page: Page): Promise<string[]> {
  await page.waitForLoadState("networkidle");
  await expect(page.locator("[aria-busy='true']")).toHaveCount(0);
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .options({ resultTypes: ["violations"] })
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("the agent opens the drawer, a cash-in and a cash-out move the cash, the close keeps the variance, and the operator sees it", async ({
  browser,
}) => {
  // Three people, two orders and three axe audits on a busy 2-core machine.
  test.setTimeout(300_000);
  const agent = await (await browser.newContext({ viewport: TABLET })).newPage();
  await signIn(agent, "agent", DEMO.wanjiru);
  await agent.getByRole("link", { name: "Cash drawer", exact: true }).click();
  await agent.waitForURL(/\/agent\/drawer$/);
  await expect(agent.getByTestId("drawer-not-open")).toBeVisible();
  expect(await seriousFindings(agent)).toEqual([]);

  // Open by notes and coins: 2 x 500 + 5 x 20 = KES 1,100.00.
  await agent.getByRole("button", { name: "Notes and coins" }).click();
  await agent.getByLabel("Note KES 500.00").fill("2");
  await agent.getByLabel("Coin KES 20.00").fill("5");
  await expect(agent.getByText("Counted: KES 1,100.00")).toBeVisible();
  await agent.getByRole("button", { name: "Open the day with this count" }).click();
  await expect(agent.getByTestId("cash-on-hand")).toHaveText("KES 1,100.00");

  // A cash-in of KES 200 adds to the drawer.
  const brian = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signIn(brian, "customer", DEMO.brian);
  await createOrder(brian, "Cash in", "200");
  const cashInCode = (await brian.getByTestId("typed-code").textContent())?.trim() ?? "";
  await serveByCode(agent, cashInCode);
  await agent.getByRole("button", { name: "Confirm cash received" }).click();
  await expect(agent.getByTestId("agent-receipt")).toBeVisible();

  // A cash-out of KES 100 takes from it once the customer approved.
  const amina = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signIn(amina, "customer", DEMO.amina);
  await createOrder(amina, "Cash out", "100");
  const cashOutCode = (await amina.getByTestId("typed-code").textContent())?.trim() ?? "";
  await serveByCode(agent, cashOutCode);
  const approval = amina.getByTestId("approval");
  await approval.getByLabel("Your PIN").fill(DEMO.amina.pin);
  await approval.getByRole("button", { name: "Approve and pay" }).click();
  await expect(agent.getByTestId("pay-out")).toBeVisible();

  await agent.goto("/agent/drawer");
  // 1,100 + 200 - 100
  await expect(agent.getByTestId("cash-on-hand")).toHaveText("KES 1,200.00");
  const logbook = agent.getByTestId("drawer-logbook");
  // Newest first: the cash-out (cash after it KES 1,200), then the cash-in (KES 1,300). The
  // logbook spans 14 days, so the shop's orders of earlier specs follow, before the opening.
  const orders = logbook.locator("li[data-kind='ORDER']");
  await expect(orders.nth(0)).toContainText("KES 1,200.00");
  await expect(orders.nth(1)).toContainText("KES 1,300.00");

  // The count is KES 10 short: the screen says so before and after the close.
  const close = agent.getByRole("region", { name: "Close the day" });
  await close.getByLabel("Total counted (KES)").fill("1190");
  await expect(close.getByTestId("close-figures")).toContainText(
    "Expected KES 1,200.00, counted KES 1,190.00, variance -KES 10.00.",
  );
  await close.getByRole("button", { name: "Close the day with this count" }).click();
  await expect(agent.getByTestId("drawer-closed")).toContainText("variance -KES 10.00");
  await expect(agent.getByTestId("drawer-not-open")).toBeVisible();
  await expect(logbook.locator("li[data-kind='CLOSE']").first()).toContainText("KES 1,190.00");
  expect(await seriousFindings(agent)).toEqual([]);

  // The operator finds the close and its variance on the shop's drawer panel.
  const operator = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await operator.goto("/admin/login");
  await operator.getByLabel("Phone number").fill(OPERATOR.phone);
  await operator.getByLabel("Password").fill(OPERATOR.password);
  await operator.getByRole("button", { name: "Sign in" }).click();
  await operator.waitForURL(/\/admin(\/agents)?$/);
  await operator.goto("/admin/agents");
  const row = operator.getByTestId("agent-row").filter({ hasText: DEMO.wanjiru.shop });
  await row.getByRole("button", { name: "Cash drawer", exact: true }).click();
  const panel = row.getByTestId("drawer-panel");
  await expect(panel.getByTestId("drawer-today")).toHaveText("No day is open.");
  const closes = panel.getByTestId("drawer-closes");
  await expect(closes.locator("tr").first()).toContainText("KES 1,200.00");
  await expect(closes.locator("tr").first()).toContainText("-KES 10.00");
  expect(await seriousFindings(operator)).toEqual([]);
});
