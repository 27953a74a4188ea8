import { expect, test } from "@playwright/test";
import {
  CAMERA_TIMEOUT,
  closeContextsAfterEach,
  createOrder,
  DEMO,
  expireOrderNow,
  kes,
  PHONE,
  readMoney,
  signIn,
  smsCodeTo,
  TABLET,
  tabletScanning,
} from "./support";

closeContextsAfterEach();

test("cash-in: new customer signs up, agent scans the QR with the camera and confirms", async ({
  browser,
}, testInfo) => {
  const customerContext = await browser.newContext({ viewport: PHONE });
  const customer = await customerContext.newPage();
  const phone = `+2547${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  await customer.goto("/customer/signup");
  await customer.getByLabel("Phone number").fill(phone);
  await customer.getByRole("button", { name: "Send code" }).click();
  await expect(customer.getByRole("status")).toContainText("We sent a code by SMS");
  await customer.getByLabel("Code from the SMS").fill(await smsCodeTo(phone));
  await customer.getByRole("button", { name: "Check code" }).click();
  await customer.getByLabel(/name/i).fill("Neema Test");
  await customer.getByLabel("PIN", { exact: true }).fill("4321");
  await customer.getByLabel(/confirm/i).fill("4321");
  await customer.getByRole("button", { name: "Create wallet" }).click();
  await customer.waitForURL(/\/customer$/);
  // The sign-in left a trusted-device cookie: wrong PINs typed elsewhere cannot lock this phone.
  const cookies = await customerContext.cookies();
  expect(cookies.find((c) => c.name === "pp-device")).toMatchObject({ httpOnly: true });

  await createOrder(customer, "Cash in", "500");
  await expect(customer.getByTestId("typed-code")).toHaveText(/^\d{4} \d{4} \d$/);
  const { agent, floatBefore } = await tabletScanning(
    customer.getByTestId("order-qr"),
    testInfo,
    "cash-in-qr.png",
    DEMO.wanjiru,
  );
  const preview = agent.getByTestId("order-preview");
  await expect(preview).toContainText("KES 500.00", { timeout: CAMERA_TIMEOUT });
  await expect(customer.getByText(/scanned your code/i)).toBeVisible();
  await agent.getByRole("button", { name: "Confirm cash received" }).click();
  await expect(agent.getByTestId("agent-receipt")).toContainText(kes(floatBefore - 50_000n));

  const receipt = customer.getByTestId("receipt");
  await expect(receipt).toBeVisible();
  await expect(receipt).toContainText(DEMO.wanjiru.shop);
  await expect(receipt).toContainText("KES 500.00");
});

test("cash-out: the customer's approval with the PIN pays the shop; only then does the tablet say hand over", async ({
  browser,
}, testInfo) => {
  const customer = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signIn(customer, "customer", DEMO.amina);
  const walletBefore = await readMoney(customer.getByTestId("wallet"));
  await createOrder(customer, "Cash out", "1000");
  const { agent, floatBefore } = await tabletScanning(
    customer.getByTestId("order-qr"),
    testInfo,
    "cash-out-qr.png",
    DEMO.otieno,
  );
  await expect(agent.getByTestId("order-preview")).toContainText("KES 1,000.00", {
    timeout: CAMERA_TIMEOUT,
  });
  await expect(agent.getByText(/waiting for the customer/i)).toBeVisible();

  await expect(agent.getByTestId("pay-out")).toHaveCount(0);

  const approval = customer.getByTestId("approval");
  await expect(approval).toContainText(DEMO.otieno.shop);
  // A mistyped PIN pays nothing and says so.
  await approval.getByLabel("Your PIN").fill("9999");
  await approval.getByRole("button", { name: "Approve and pay" }).click();
  await expect(approval.getByRole("alert")).toContainText(/PIN is not right/);
  await expect(agent.getByTestId("pay-out")).toHaveCount(0);
  await approval.getByLabel("Your PIN").fill(DEMO.amina.pin);
  await approval.getByRole("button", { name: "Approve and pay" }).click();

  // The approval paid the shop: the tablet now, and only now, says to hand over the cash.
  await expect(agent.getByTestId("pay-out")).toContainText("hand over KES 1,000.00 cash now");
  await expect(agent.getByTestId("agent-receipt")).toContainText(kes(floatBefore + 100_000n));
  // The wallet pays the amount plus the 1.5% fee (KES 15.00), and nothing can cancel it now.
  await expect(customer.getByTestId("receipt")).toContainText(kes(walletBefore - 101_500n));
  await expect(customer.getByTestId("collect-cash")).toContainText("KES 1,000.00");
  await expect(customer.getByRole("button", { name: "Cancel order" })).toHaveCount(0);
});

test("typed code: with no camera allowed, the agent types the 9 digits instead", async ({
  browser,
}) => {
  const customer = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signIn(customer, "customer", DEMO.brian);
  const walletBefore = await readMoney(customer.getByTestId("wallet"));
  await createOrder(customer, "Cash in", "200");
  const code = (await customer.getByTestId("typed-code").textContent())?.trim() ?? "";

  const agent = await (await browser.newContext({ viewport: TABLET })).newPage();
  await signIn(agent, "agent", DEMO.wanjiru);
  // This browser grants no camera: the agent is told why and pointed at the code box.
  await agent.getByRole("button", { name: "Scan QR code" }).click();
  await expect(agent.getByTestId("camera-problem")).toContainText("Type the customer's code");
  const field = agent.getByLabel("Customer's code");
  // A typo is caught by the check digit before anything is sent.
  const wrong = `${code.slice(0, -1)}${(Number(code.slice(-1)) + 1) % 10}`;
  await field.fill(wrong);
  await agent.getByRole("button", { name: "Find order" }).click();
  await expect(agent.getByText(/not right/i)).toBeVisible();

  await field.fill(code);
  await agent.getByRole("button", { name: "Find order" }).click();
  await expect(agent.getByTestId("order-preview")).toContainText("KES 200.00");
  await agent.getByRole("button", { name: "Confirm cash received" }).click();
  await expect(agent.getByTestId("agent-receipt")).toBeVisible();
  await expect(customer.getByTestId("receipt")).toContainText(kes(walletBefore + 20_000n));
});

test("expired order: the phone says so and the agent's code is refused", async ({ browser }) => {
  const customer = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signIn(customer, "customer", DEMO.brian);
  const orderId = await createOrder(customer, "Cash in", "100");
  const code = (await customer.getByTestId("typed-code").textContent())?.trim() ?? "";
  await expireOrderNow(orderId);
  await expect(customer.getByText(/expired/i).first()).toBeVisible();
  await expect(customer.getByTestId("order-qr")).toHaveCount(0);

  const agent = await (await browser.newContext({ viewport: TABLET })).newPage();
  await signIn(agent, "agent", DEMO.wanjiru);
  await agent.getByLabel("Customer's code").fill(code);
  await agent.getByRole("button", { name: "Find order" }).click();
  // Next's route announcer is an alert too: pick ours by its words.
  await expect(agent.getByRole("alert").filter({ hasText: /expired/i })).toBeVisible();
});
