import { expect, type Page, type TestInfo, test } from "@playwright/test";
import {
  CAMERA_TIMEOUT,
  closeContextsAfterEach,
  DEMO,
  kes,
  PHONE,
  readMoney,
  rememberSecret,
  signIn,
  tabletScanning,
} from "./support";

closeContextsAfterEach();

const OPERATOR = { phone: "+254700000001", password: "admin-demo-2026" };
const WIDE = { width: 1440, height: 900 };

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

test("no smartphone: the agent's camera reads the printed card, the holder types the PIN on the tablet's pad, the cash-out completes", async ({
  browser,
}, testInfo) => {
  // The holder gets a card from the app (printed once, then the phone stays at home).
  const customer = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signIn(customer, "customer", DEMO.amina);
  const walletBefore = await readMoney(customer.getByTestId("wallet"));
  await customer.getByRole("link", { name: /personal QR card/ }).click();
  const issued = customer.waitForResponse((r) => r.url().includes("customer.issueCard"));
  await customer.getByRole("button", { name: "Get a personal QR card" }).click();
  rememberSecret("card secret", /"secret":"([^"]+)"/.exec(await (await issued).text())?.[1]);
  const card = customer.getByTestId("personal-card");
  await expect(card).toContainText("+254 ••• ••• 001");
  await expect(card).not.toContainText(DEMO.amina.phone);
  await attachScreenshot(customer, testInfo, "customer-card-phone");
  const { agent, floatBefore } = await tabletScanning(
    customer.getByTestId("card-qr"),
    testInfo,
    "card-qr.png",
    DEMO.otieno,
  );
  await expect(agent.getByRole("heading", { name: /Amina/ })).toBeVisible({
    timeout: CAMERA_TIMEOUT,
  });
  await agent.getByRole("button", { name: "Cash out", exact: true }).click();
  await agent.getByLabel("Amount (KES)").fill("300");
  await attachScreenshot(agent, testInfo, "tablet-card-scanned");
  await agent.getByRole("button", { name: /Hand the tablet to the customer/ }).click();

  const pad = agent.getByRole("dialog");
  await expect(pad).toContainText("Cash out of KES 300.00");
  const type = async (pin: string) => {
    for (const d of pin) await pad.getByRole("button", { name: d, exact: true }).click();
    await pad.getByRole("button", { name: "OK" }).click();
  };
  // A wrong PIN pays nothing, says so on the pad, and clears it for another try.
  await type("9999");
  await expect(pad.getByRole("alert")).toContainText(/PIN is not right/);
  await expect(pad).toContainText("Type your PIN");
  for (const d of DEMO.amina.pin) await pad.getByRole("button", { name: d, exact: true }).click();
  // Dots only: the digits never appear on the screen the agent may glance at.
  await expect(pad.locator("output")).toHaveText("●●●●");
  await attachScreenshot(agent, testInfo, "tablet-pin-pad");
  await pad.getByRole("button", { name: "OK" }).click();

  // The PIN executed it: the tablet says hand over, the float has the money, the wallet paid.
  await expect(pad).toHaveCount(0);
  await expect(agent.getByTestId("pay-out")).toContainText("hand over KES 300.00 cash now");
  await expect(agent.getByTestId("agent-receipt")).toContainText(kes(floatBefore + 30_000n));
  await attachScreenshot(agent, testInfo, "tablet-card-paid");
  await customer.goto("/customer");
  // KES 300 plus the cash-out fee: 1.5%, but at least the default minimum of KES 10.00.
  await expect(customer.getByTestId("wallet")).toContainText(kes(walletBefore - 31_000n));

  // The holder reports it lost: the operator blocks it with a reason; a scan is refused.
  const operator = await (await browser.newContext({ viewport: WIDE })).newPage();
  await operator.goto("/admin/login");
  await operator.getByLabel("Phone number").fill(OPERATOR.phone);
  await operator.getByLabel("Password").fill(OPERATOR.password);
  rememberSecret("password", OPERATOR.password);
  await operator.getByRole("button", { name: "Sign in" }).click();
  await operator.waitForURL(/\/admin(\/agents)?$/);
  await operator.goto("/admin/customers");
  await operator.getByLabel("Phone number").fill(DEMO.amina.phone);
  await operator.getByLabel("Phone number").press("Enter");
  await operator.getByRole("link", { name: /Amina/ }).first().click();
  const section = operator.getByTestId("customer-card");
  await expect(section).toContainText("+254 ••• ••• 001");
  await attachScreenshot(operator, testInfo, "admin-customer-card");
  await section.getByRole("button", { name: "Block the card" }).click();
  await section.getByLabel(/Why is it blocked/).fill("Lost at the market");
  await section.getByRole("button", { name: "Block it now" }).click();
  await expect(section.getByTestId("closed-cards")).toContainText("Blocked");
  await expect(section).toContainText("Lost at the market");

  await agent.getByRole("button", { name: "Next customer" }).click();
  await agent.getByRole("button", { name: /Scan/ }).click();
  await expect(agent.getByText(/This card is blocked/)).toBeVisible({ timeout: CAMERA_TIMEOUT });
});
