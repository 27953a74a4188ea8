import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import {
  CAMERA_TIMEOUT,
  closeContextsAfterEach,
  createOrder,
  DEMO,
  kes,
  PHONE,
  rememberSecret,
  signIn,
  TABLET,
  tabletScanning,
} from "./support";

closeContextsAfterEach();

test("an owner adds an assistant, who serves a cash-out on the shop's float; suspended, they are signed out", async ({
  browser,
}, testInfo) => {
  // Three browsers (owner, customer, the assistant's camera tablet) on a busy 2-core machine.
  test.setTimeout(300_000);
  const owner = await (await browser.newContext({ viewport: TABLET })).newPage();
  await signIn(owner, "agent", DEMO.wanjiru);
  await owner.getByRole("link", { name: "Staff" }).click();
  await owner.waitForURL(/\/agent\/staff$/);
  await expect(owner.getByRole("heading", { name: "Staff", level: 1 })).toBeVisible();

  const name = `Achieng ${Math.floor(Math.random() * 1e6)}`;
  const assistant = {
    phone: `+2547${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`,
    pin: "4826",
  };
  rememberSecret("PIN", assistant.pin);
  await owner.getByLabel("Name", { exact: true }).fill(name);
  await owner.getByLabel("Phone number").fill(assistant.phone);
  await owner.getByLabel(/PIN for the assistant/).fill(assistant.pin);
  await owner.getByRole("button", { name: "Add assistant" }).click();
  // Nothing is added before the owner confirms who will serve on the float.
  await expect(owner.getByTestId("confirm-add")).toContainText(assistant.phone);
  await owner.getByRole("button", { name: `Yes, add ${name}` }).click();
  await expect(owner.getByRole("status")).toContainText(`${name} was added`);
  const row = owner.getByTestId("staff-row").filter({ hasText: name });
  await expect(row).toContainText("Active");

  // The owner's page is axe-clean (serious and critical findings).
  await expect(owner.locator("[aria-busy='true']")).toHaveCount(0);
  const axe = await new AxeBuilder({ page: owner })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .options({ resultTypes: ["violations"] })
    .analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes[0]?.target.join(" ")}`),
  ).toEqual([]);

  // The assistant signs in at the agent's sign-in page and scans a cash-out with the camera.
  const customer = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signIn(customer, "customer", DEMO.amina);
  await createOrder(customer, "Cash out", "300");
  const { agent: counter, floatBefore } = await tabletScanning(
    customer.getByTestId("order-qr"),
    testInfo,
    "assistant-cash-out-qr.png",
    assistant,
  );
  await expect(counter.getByTestId("order-preview")).toContainText("KES 300.00", {
    timeout: CAMERA_TIMEOUT,
  });
  // The shop's float, none of its earnings, and no owner's pages.
  await expect(counter.getByTestId("commission-card")).toHaveCount(0);
  await expect(counter.getByRole("link", { name: "Staff" })).toHaveCount(0);

  const approval = customer.getByTestId("approval");
  await expect(approval).toContainText(DEMO.wanjiru.shop);
  await approval.getByLabel("Your PIN").fill(DEMO.amina.pin);
  await approval.getByRole("button", { name: "Approve and pay" }).click();
  await expect(counter.getByTestId("pay-out")).toContainText("hand over KES 300.00 cash now");
  const receipt = counter.getByTestId("agent-receipt");
  await expect(receipt).toContainText(kes(floatBefore + 30_000n));
  await expect(receipt.getByTestId("served-by")).toHaveText(name);

  // The owner suspends the assistant, after a confirmation; the assistant's tablet is signed
  // out on its next request.
  await row.getByRole("button", { name: "Suspend" }).click();
  await row.getByRole("button", { name: "Yes, suspend" }).click();
  await expect(row).toContainText("Suspended");
  await counter.reload();
  await counter.waitForURL(/\/agent\/login$/);
  await counter.getByLabel("Phone number").fill(assistant.phone);
  await counter.getByLabel("PIN").fill(assistant.pin);
  await counter.getByRole("button", { name: "Sign in" }).click();
  await expect(counter.getByText(/This account is locked/)).toBeVisible();
});
