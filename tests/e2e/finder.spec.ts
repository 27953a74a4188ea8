import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { closeContextsAfterEach, DEMO, PHONE, signIn, TABLET } from "./support";

closeContextsAfterEach();

/** Serious or critical axe findings on what the page shows now (none expected). */
async function seriousFindings(page: Page): Promise<string[]> {
  await page.waitForLoadState("networkidle");
  await expect(page.locator("[aria-busy='true']")).toHaveCount(0);
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .options({ resultTypes: ["violations"] })
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes[0]?.target.join(" ")}`);
}

test("the finder: a customer finds the demo agent by typed area, reserves, the tablet accepts, the phone shows held until", async ({
  browser,
}) => {
  const customer = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signIn(customer, "customer", DEMO.amina);
  // Reached from the cash-out start.
  await customer.goto("/customer/new?type=CASH_OUT");
  await customer.getByRole("link", { name: "Find an agent near you" }).click();
  await expect(customer.getByRole("heading", { name: "Find an agent" })).toBeVisible();
  await expect(customer.getByText(/Only your rough location/)).toBeVisible();
  await customer.getByLabel("Amount (KES)").fill("500");
  await customer.getByLabel("Or type an area").fill("kibera");
  await customer.getByRole("button", { name: "Search this area" }).click();

  const results = customer.getByTestId("finder-results");
  const shop = results.getByRole("listitem").filter({ hasText: DEMO.wanjiru.shop });
  await expect(shop).toBeVisible();
  // Cash-outs are judged on the drawer's cash; no day is open at this shop (the drawer spec
  // closed its day), so the phone says "ask", never an amount of the shop's.
  await expect(shop).toContainText("May not be able to serve: ask");
  await expect(shop).not.toContainText("50,000");
  await expect(customer.getByText(/Checked for KES 500\.00/)).toBeVisible();
  expect(await seriousFindings(customer)).toEqual([]);

  await shop.getByRole("button", { name: `Reserve at ${DEMO.wanjiru.shop}` }).click();
  const mine = customer.getByTestId("my-reservation");
  await expect(mine).toContainText(`Waiting for ${DEMO.wanjiru.shop} to accept`);
  await expect(mine).toContainText("Cash out KES 500.00");

  // The shop's tablet: the Upcoming panel on the counter.
  const agent = await (await browser.newContext({ viewport: TABLET })).newPage();
  await signIn(agent, "agent", DEMO.wanjiru);
  const upcoming = agent.getByTestId("upcoming-panel");
  const row = upcoming.getByRole("listitem").filter({ hasText: "Amina Njeri" });
  await expect(row).toContainText("Cash-out of KES 500.00");
  await row.getByRole("button", { name: "Accept" }).click();
  await expect(row).toContainText("Held until");
  const heldOnTablet = /Held until (.+)$/.exec(
    ((await row.locator(".badge").textContent()) ?? "").trim(),
  )?.[1];

  // The phone learns it on its next poll, with the same time.
  await expect(mine).toContainText(`${DEMO.wanjiru.shop} accepted. Held until`);
  expect(heldOnTablet).toBeTruthy();
  await expect(mine).toContainText(heldOnTablet!);
  await expect(mine.getByRole("link", { name: "Create the order" })).toHaveAttribute(
    "href",
    "/customer/new?type=CASH_OUT",
  );

  // The customer changes their mind: the shop's promise is freed.
  await mine.getByRole("button", { name: "Cancel reservation" }).click();
  await expect(mine).toContainText(`You cancelled your reservation at ${DEMO.wanjiru.shop}`);
  await expect(upcoming).toContainText("No reservations right now.");
});

test("the owner's shop profile: seeded hours, saved again", async ({ browser }) => {
  const agent = await (await browser.newContext({ viewport: TABLET })).newPage();
  await signIn(agent, "agent", DEMO.wanjiru);
  await agent.getByRole("link", { name: "Shop profile" }).click();
  await expect(agent.getByRole("heading", { name: "Shop profile", level: 1 })).toBeVisible();
  await expect(agent.getByText(/area Kibera/)).toBeVisible();
  const monday = agent.getByLabel("Open on Monday");
  await expect(monday).toBeChecked();
  expect(await seriousFindings(agent)).toEqual([]);
  await agent.getByLabel("Open on Sunday").uncheck();
  await agent.getByRole("button", { name: "Save opening hours" }).click();
  await expect(agent.getByText("Saved. Customers see the new hours now.")).toBeVisible();
  await agent.reload();
  await expect(agent.getByLabel("Open on Sunday")).not.toBeChecked();
  // Back to the counter in one tap.
  await agent.getByRole("link", { name: "‹ Back to the counter" }).click();
  await expect(agent).toHaveURL(/\/agent$/);
});
