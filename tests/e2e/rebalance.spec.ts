import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import {
  closeContextsAfterEach,
  DEMO,
  floatBalance,
  rememberSecret,
  signIn,
  TABLET,
} from "./support";

closeContextsAfterEach();

const OPERATOR = { phone: "+254700000001", password: "admin-demo-2026" };
const DESKTOP = { width: 1440, height: 900 };

/** Serious or critical axe findings on the settled screen (see accessibility.spec.ts). */
async function seriousFindings(page: Page): Promise<string[]> {
  await page.waitForLoadState("networkidle");
  await expect(page.locator("[aria-busy='true']")).toHaveCount(0);
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .options({ resultTypes: ["violations"] })
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} at ${v.nodes[0]?.target.join(" ")}`);
}

test("an agent sells float for cash, an operator approves, and the float drops", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const agent = await (await browser.newContext({ viewport: TABLET })).newPage();
  await signIn(agent, "agent", DEMO.otieno);
  const before = await floatBalance(agent);

  await agent.getByRole("link", { name: "Rebalance" }).click();
  await agent.waitForURL(/\/agent\/rebalance$/);
  await expect(agent.getByRole("heading", { name: "Rebalance", level: 1 })).toBeVisible();
  await agent.getByRole("button", { name: "Sell float for cash" }).click();
  await agent.getByLabel("Amount (KES)").fill("500");
  await agent.getByRole("button", { name: "Send the request" }).click();
  await expect(agent.getByRole("status")).toContainText("Request sent");
  const row = agent.getByTestId("rebalance-row").first();
  await expect(row).toContainText("Sell float for cash");
  await expect(row).toContainText("Waiting");
  await expect(row).toContainText("KES 500.00");
  expect(await seriousFindings(agent)).toEqual([]);

  const operator = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await operator.goto("/admin/login");
  await operator.getByLabel("Phone number").fill(OPERATOR.phone);
  await operator.getByLabel("Password").fill(OPERATOR.password);
  rememberSecret("password", OPERATOR.password);
  await operator.getByRole("button", { name: "Sign in" }).click();
  await operator.waitForURL(/\/admin(\/agents)?$/);
  await operator.getByRole("link", { name: "Rebalancing" }).click();
  await operator.waitForURL(/\/admin\/rebalancing$/);
  const request = operator.getByTestId("rebalance-row").filter({ hasText: DEMO.otieno.shop });
  await expect(request).toHaveCount(1);
  await expect(request).toContainText("KES 500.00");
  await expect(request.getByTestId("rebalance-flows")).toContainText("Last 7 days");
  expect(await seriousFindings(operator)).toEqual([]);
  await request.getByLabel("Reason").fill("Cash delivered by courier, receipt 118");
  await request.getByRole("button", { name: "Approve" }).click();
  await expect(operator.getByText(`Approved: ${DEMO.otieno.shop}'s float is moved`)).toBeVisible();
  await expect(operator.getByTestId("rebalances-empty")).toBeVisible();

  await agent.reload();
  await expect(agent.getByTestId("rebalance-row").first()).toContainText("Approved");
  await agent.getByRole("link", { name: "‹ Back to the counter" }).click();
  await agent.waitForURL(/\/agent$/);
  expect(await floatBalance(agent)).toBe(before - 50_000n);
});
