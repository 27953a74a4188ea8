import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import {
  CAMERA_TIMEOUT,
  closeContextsAfterEach,
  createOrder,
  DEMO,
  launchWithCamera,
  PHONE,
  qrAsCameraFeed,
  signIn,
  TABLET,
} from "./support";

// Trust at the counter: the official fee is on screen before the customer commits, the
// completed order carries a signed receipt on both screens, /verify (public) and
// /agent/verify tell a genuine receipt from a changed one, and the customer can report an
// overcharge.

closeContextsAfterEach();

/** Serious or critical axe findings on what the page shows now. */
async function seriousAxe(page: Page): Promise<string[]> {
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

/** The receipt with one character of its signed payload changed. */
function tampered(receipt: string): string {
  const [prefix, kid, payload, signature] = receipt.split(".");
  const at = Math.floor(payload!.length / 2);
  const swapped = payload![at] === "A" ? "B" : "A";
  return [prefix, kid, payload!.slice(0, at) + swapped + payload!.slice(at + 1), signature].join(
    ".",
  );
}

async function check(page: Page, receipt: string) {
  await page.getByLabel(/Receipt text/).fill(receipt);
  await page.getByRole("button", { name: "Check receipt" }).click();
}

test("a completed order's signed receipt verifies; a changed one is refused; overcharge reported", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const customer = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signIn(customer, "customer", DEMO.brian);

  // The fee in plain sight before the order exists (the quote), in the customer's words.
  await customer.getByRole("link", { name: "Cash in", exact: true }).click();
  await customer.getByLabel("Amount (KES)").fill("300");
  await expect(customer.getByTestId("fee-line")).toContainText(
    "(official). The agent may not charge you anything else.",
  );
  await customer.goto("/customer");
  await createOrder(customer, "Cash in", "300");
  const code = (await customer.getByTestId("typed-code").textContent())?.trim() ?? "";

  const agent = await (await browser.newContext({ viewport: TABLET })).newPage();
  await signIn(agent, "agent", DEMO.wanjiru);
  await agent.getByLabel("Customer's code").fill(code);
  await agent.getByRole("button", { name: "Find order" }).click();
  // The tablet shows the official fee on the preview too, where the customer can read it.
  await expect(agent.getByTestId("order-preview").getByTestId("fee-line")).toBeVisible();
  await agent.getByRole("button", { name: "Confirm cash received" }).click();

  // Both screens show the same signed receipt.
  const agentReceipt = agent.getByTestId("receipt-text");
  await expect(agentReceipt).toHaveValue(/^PPR1\./);
  const customerReceipt = customer.getByTestId("receipt-text");
  await expect(customerReceipt).toHaveValue(/^PPR1\./);
  const receipt = await customerReceipt.inputValue();
  expect(await agentReceipt.inputValue()).toBe(receipt);
  await expect(customer.getByTestId("receipt-qr").locator("svg")).toBeVisible();
  expect(await seriousAxe(customer)).toEqual([]);

  // Anyone, signed in or not, checks it at /verify.
  const stranger = await (await browser.newContext({ viewport: PHONE })).newPage();
  await stranger.goto("/verify");
  await check(stranger, receipt);
  await expect(stranger.getByTestId("verify-genuine")).toContainText(
    `Genuine ProxyPay receipt: KES 300.00 cash-in at ${DEMO.wanjiru.shop}`,
  );
  // The e2e server signs with a key of its own, not the published development key.
  await expect(stranger.getByTestId("verify-development")).toHaveCount(0);
  expect(await seriousAxe(stranger)).toEqual([]);

  await stranger.getByRole("button", { name: "Check another receipt" }).click();
  await check(stranger, tampered(receipt));
  await expect(stranger.getByTestId("verify-refused")).toContainText("NOT a ProxyPay receipt");
  await expect(stranger.getByTestId("verify-refused")).toContainText(
    "Do not hand over cash or goods.",
  );
  await stranger.getByRole("button", { name: "Check another receipt" }).click();
  // A confirmation SMS pasted in is no receipt either.
  await check(stranger, "QK12ABC Confirmed. Ksh300.00 received from JOHN DOE");
  await expect(stranger.getByTestId("verify-refused")).toBeVisible();

  // The shop checks receipts from its own top bar.
  await agent.getByRole("link", { name: "Verify receipt" }).click();
  await agent.waitForURL(/\/agent\/verify$/);
  await check(agent, receipt);
  await expect(agent.getByTestId("verify-genuine")).toContainText(DEMO.wanjiru.shop);
  expect(await seriousAxe(agent)).toEqual([]);
  await agent.getByRole("link", { name: "Back to the counter" }).click();
  await agent.waitForURL(/\/agent$/);

  // The customer says the shop asked for KES 50 beyond the fee.
  await customer.getByTestId("overcharge-open").click();
  await customer.getByLabel(/How much more than the fee/).fill("50");
  await customer.getByLabel(/What happened/).fill("Asked for 50 shillings for the float");
  await customer.getByRole("button", { name: "Send report" }).click();
  await expect(customer.getByTestId("overcharge-reported")).toContainText("KES 50.00");
  await customer.reload();
  await expect(customer.getByTestId("overcharge-reported")).toBeVisible();
});

test("the receipt's QR, scanned with the camera on /verify, says genuine", async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const customer = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signIn(customer, "customer", DEMO.amina);
  await createOrder(customer, "Cash in", "150");
  const code = (await customer.getByTestId("typed-code").textContent())?.trim() ?? "";
  const agent = await (await browser.newContext({ viewport: TABLET })).newPage();
  await signIn(agent, "agent", DEMO.otieno);
  await agent.getByLabel("Customer's code").fill(code);
  await agent.getByRole("button", { name: "Find order" }).click();
  await agent.getByRole("button", { name: "Confirm cash received" }).click();
  const qr = customer.getByTestId("receipt-qr");
  await expect(qr.locator("svg")).toBeVisible();

  // Someone else's phone, its camera pointed at the customer's receipt.
  const feed = await qrAsCameraFeed(qr, testInfo.outputPath("receipt-qr.png"));
  const camera = await launchWithCamera(feed);
  const checker = await (
    await camera.newContext({ viewport: PHONE, baseURL: testInfo.project.use.baseURL })
  ).newPage();
  await checker.goto("/verify");
  await checker.getByRole("button", { name: "Scan receipt QR" }).click();
  await expect(checker.getByTestId("verify-genuine")).toContainText(
    `Genuine ProxyPay receipt: KES 150.00 cash-in at ${DEMO.otieno.shop}`,
    { timeout: CAMERA_TIMEOUT },
  );
});
