import { expect, type Page, type TestInfo, test } from "@playwright/test";
import {
  closeContextsAfterEach,
  createOrder,
  DEMO,
  kes,
  PHONE,
  readMoney,
  rememberSecret,
  signIn,
  TABLET,
} from "./support";

closeContextsAfterEach();

const OPERATOR = { phone: "+254700000001", password: "admin-demo-2026" };
const CHECKER = { phone: "+254700000002", password: "checker-demo-2026" };
const DESKTOP = { width: 1280, height: 800 };
const WIDE = { width: 1440, height: 900 };

/** A picture of the screen in the test's report (and its output folder) to look at. */
async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

async function signInOperator(page: Page, who: { phone: string; password: string }) {
  await page.goto("/admin/login");
  await page.getByLabel("Phone number").fill(who.phone);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/admin(\/agents)?$/);
}

test("operator onboards an agent, funds its float, the agent serves a cash-in, and two operators reverse it", async ({
  browser,
}) => {
  const operator = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await signInOperator(operator, OPERATOR);
  await operator.goto("/admin/agents");

  const suffix = String(Date.now()).slice(-6);
  const shop = `E2E Duka ${suffix}`;
  const ownerPhone = `+2547${suffix}99`;
  await operator.getByRole("button", { name: "Onboard agent" }).click();
  await operator.getByLabel("Shop name").fill(shop);
  await operator.getByLabel("Owner name").fill("Zuberi Test");
  await operator.getByLabel("Owner phone").fill(ownerPhone);
  await operator.getByLabel("Initial PIN").fill("9753");
  await operator.getByLabel("Location", { exact: true }).fill("Nakuru, Kenyatta Avenue");
  await operator.getByLabel("Commission plan").selectOption({ label: "High volume" });
  await expect(operator.getByText("0.25% of each cash-in")).toBeVisible();
  await operator.getByRole("button", { name: "Create agent" }).click();
  await expect(operator.getByText(`${shop} is onboarded`)).toBeVisible();

  const row = operator.getByTestId("agent-row").filter({ hasText: shop });
  await expect(row).toContainText("High volume plan");
  await row.getByRole("button", { name: "Fund float" }).click();
  await row.getByLabel("Amount (KES)").fill("5000");
  await row.getByLabel("Bank reference").fill(`DEP-${suffix}`);
  await row.getByRole("button", { name: "Record" }).click();
  await expect(row.getByText("Float funded: new float KES 5,000.00")).toBeVisible();
  // The deposit is on the shop's float statement, with the bank's reference.
  await row.getByRole("link", { name: "Float statement" }).click();
  await expect(operator.getByRole("cell", { name: `DEP-${suffix}`, exact: true })).toBeVisible();

  // Beyond what one operator may move alone in a day: recorded, but nothing moves yet.
  await operator.goto("/admin/agents");
  const again = operator.getByTestId("agent-row").filter({ hasText: shop });
  await again.getByRole("button", { name: "Fund float" }).click();
  await again.getByLabel("Amount (KES)").fill("150000");
  await again.getByLabel("Bank reference").fill(`BIG-${suffix}`);
  await again.getByRole("button", { name: "Record" }).click();
  await expect(
    again.getByText(/is waiting for a second operator: nothing moved yet/),
  ).toBeVisible();

  // The new shop signs in with the initial PIN and sees its float.
  const agent = await (await browser.newContext({ viewport: TABLET })).newPage();
  await signIn(agent, "agent", { phone: ownerPhone, pin: "9753" });
  expect(await readMoney(agent.getByTestId("float-card"))).toBe(500_000n);
  await expect(agent.getByTestId("commission-plan")).toContainText("High volume plan: 0.25%");

  const customer = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signIn(customer, "customer", DEMO.brian);
  const walletBefore = await readMoney(customer.getByTestId("wallet"));
  const orderId = await createOrder(customer, "Cash in", "300");
  const code = (await customer.getByTestId("typed-code").textContent())?.trim() ?? "";
  await agent.getByLabel("Customer's code").fill(code);
  await agent.getByRole("button", { name: "Find order" }).click();
  await agent.getByRole("button", { name: "Confirm cash received" }).click();
  await expect(agent.getByTestId("agent-receipt")).toContainText("KES 4,700.00");
  // 0.25% of KES 300 is KES 0.75, below the plan's KES 1.50 minimum.
  await expect(agent.getByTestId("commission-card")).toContainText("KES 1.50");
  await expect(customer.getByTestId("receipt")).toContainText(kes(walletBefore + 30_000n));

  // Operator One asks for the cash-in to be reversed; Operator Two approves it.
  await operator.goto(`/admin/orders/${orderId}`);
  await operator.getByLabel("Reason").fill("Customer paid with a forged note");
  await operator.getByRole("button", { name: "Request reversal" }).click();
  await expect(
    operator.getByText("Reversal requested: waiting for a second operator"),
  ).toBeVisible();

  const checker = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await signInOperator(checker, CHECKER);
  await checker.goto("/admin/reversals");
  const request = checker.getByTestId("reversal-row").filter({ hasText: "forged note" });
  await request.getByRole("button", { name: "Approve" }).click();
  await expect(checker.getByText(/Reversal approved: PP-\w+ is reversed/)).toBeVisible();

  await checker.goto(`/admin/orders/${orderId}`);
  await expect(checker.getByText("Reversed").first()).toBeVisible();
  await customer.goto("/customer");
  expect(await readMoney(customer.getByTestId("wallet"))).toBe(walletBefore);

  // Operator Two approves the large funding Operator One recorded: now the float moves.
  await checker.goto("/admin/agents");
  const waiting = checker.getByTestId("money-request-row").filter({ hasText: `BIG-${suffix}` });
  await waiting.getByRole("button", { name: "Approve" }).click();
  await expect(
    checker.getByText(`Approved: fund float of KES 150,000.00 for ${shop} is recorded`),
  ).toBeVisible();
  await agent.reload();
  expect(await readMoney(agent.getByTestId("float-card"))).toBe(500_000n + 15_000_000n);
});

test("two operators bring in a third, who opens the account with both codes and their own password", async ({
  browser,
}) => {
  const one = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await signInOperator(one, OPERATOR);
  await one.goto("/admin/operators");
  const phone = `+2547${String(Date.now()).slice(-6)}88`;
  await one.getByLabel("Name", { exact: true }).fill("Wambui Ops");
  await one.getByLabel("Phone", { exact: true }).fill(phone);
  await one.getByRole("button", { name: "Propose operator" }).click();
  const proposerCode = (await one.getByTestId("proposer-code").textContent())?.trim() ?? "";
  expect(proposerCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  rememberSecret("invitation code", proposerCode);
  const proposal = one.getByTestId("invitation-row").filter({ hasText: phone });
  await expect(proposal).toContainText("You proposed this: another operator decides.");

  const two = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await signInOperator(two, CHECKER);
  await two.goto("/admin/operators");
  const row = two.getByTestId("invitation-row").filter({ hasText: phone });
  await row.getByRole("button", { name: "Approve" }).click();
  const approverCode = (await two.getByTestId("approver-code").textContent())?.trim() ?? "";
  expect(approverCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  rememberSecret("invitation code", approverCode);

  const newcomer = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await newcomer.goto("/admin/activate");
  await newcomer.getByLabel("Phone number").fill(phone);
  await newcomer.getByLabel("Code from the operator who proposed you").fill(proposerCode);
  await newcomer.getByLabel("Code from the operator who approved you").fill(approverCode);
  await newcomer.getByLabel("New password", { exact: true }).fill("wambui-only-2026");
  await newcomer.getByLabel("New password again").fill("wambui-only-2026");
  await newcomer.getByRole("button", { name: "Open my account" }).click();
  await expect(newcomer.getByText("Your operator account is open, Wambui Ops.")).toBeVisible();
  await signInOperator(newcomer, { phone, password: "wambui-only-2026" });
  await newcomer.goto("/admin/operators");
  await expect(newcomer.getByTestId("operator-row").filter({ hasText: phone })).toContainText(
    "Active",
  );
});

test("a customer's dispute: a declined cash-in is upheld by two operators and credited", async ({
  browser,
}, testInfo) => {
  const suffix = String(Date.now()).slice(-6);
  const customer = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signIn(customer, "customer", DEMO.brian);
  const walletBefore = await readMoney(customer.getByTestId("wallet"));
  const orderId = await createOrder(customer, "Cash in", "300");
  const code = (await customer.getByTestId("typed-code").textContent())?.trim() ?? "";

  // The shop scans (types) the code, so the customer hands the cash over; then it declines.
  const agent = await (await browser.newContext({ viewport: TABLET })).newPage();
  await signIn(agent, "agent", DEMO.wanjiru);
  await agent.getByLabel("Customer's code").fill(code);
  await agent.getByRole("button", { name: "Find order" }).click();
  await agent.getByRole("button", { name: "Decline", exact: true }).click();
  await agent.getByLabel("Why are you declining?").fill("Customer changed their mind");
  await agent.getByRole("button", { name: "Decline order" }).click();
  await expect(agent.getByTestId("order-closed")).toContainText("Customer changed their mind");

  const complaint = `Gave the shop KES 300 in cash, nothing came (${suffix})`;
  await customer.reload();
  await customer.getByRole("button", { name: "Report a problem" }).click();
  await customer.getByLabel("What happened?").fill(complaint);
  await customer.getByRole("button", { name: "Send report" }).click();
  await expect(customer.getByTestId("dispute")).toContainText("ProxyPay is checking");

  // Operator One asks to uphold it: nothing moves yet, and One cannot confirm alone.
  const operator = await (await browser.newContext({ viewport: WIDE })).newPage();
  await signInOperator(operator, OPERATOR);
  await operator.getByRole("link", { name: "Disputes" }).click();
  await operator.waitForURL(/\/admin\/disputes$/);
  const row = operator.getByTestId("dispute-row").filter({ hasText: suffix });
  await expect(row).toContainText("Cash handed over, wallet not credited");
  await expect(row).toContainText("Brian Kamau");
  await expect(row).toContainText(DEMO.wanjiru.shop);
  await expect(row).toContainText("KES 300.00 held on the shop's float");
  await row.getByRole("button", { name: "Uphold" }).click();
  await expect(row.getByText("Write why")).toBeVisible();
  await row.getByLabel("Decision note").fill("Shop's camera shows the cash handed over");
  await row.getByRole("button", { name: "Uphold" }).click();
  await expect(operator.getByText(/Uphold requested for PP-\w+/)).toBeVisible();
  await expect(row).toContainText("Waiting for a second operator (asked by you)");
  await expect(row).toContainText("another operator must confirm");
  // No decision button is left for the maker (the row keeps its "Evidence" button).
  await expect(row.getByRole("button", { name: /Uphold|Reject/ })).toHaveCount(0);

  // Operator Two sees who asked, and confirms: the cash-in is credited from the shop's float.
  const checker = await (await browser.newContext({ viewport: WIDE })).newPage();
  await signInOperator(checker, CHECKER);
  await checker.goto("/admin/disputes");
  const pending = checker.getByTestId("dispute-row").filter({ hasText: suffix });
  await expect(pending).toContainText("Waiting for a second operator (asked by Operator One)");
  await attachScreenshot(checker, testInfo, "disputes-open");
  await pending.getByLabel("Decision note").fill("Confirmed with the shop's camera");
  await pending.getByRole("button", { name: "Confirm uphold" }).click();
  await expect(checker.getByText(/Dispute upheld: PP-\w+ is credited/)).toBeVisible();
  await expect(pending).toHaveCount(0);

  await checker.getByRole("link", { name: "Decided", exact: true }).click();
  const decided = checker.getByTestId("dispute-row").filter({ hasText: suffix });
  await expect(decided).toContainText("Upheld");
  await expect(decided).toContainText("Confirmed with the shop's camera");
  await attachScreenshot(checker, testInfo, "disputes-decided");

  await checker.goto(`/admin/orders/${orderId}`);
  const card = checker.getByTestId("order-dispute");
  await expect(card).toContainText("Upheld");
  await expect(card).toContainText(complaint);
  await expect(card).toContainText("Confirmed with the shop's camera");
  // Operators by name: One asked, Two (the reader, "you") upheld.
  await expect(card).toContainText("Operator One");
  await attachScreenshot(checker, testInfo, "order-dispute");

  await customer.reload();
  await expect(customer.getByTestId("dispute")).toContainText("Your wallet has been credited");
  await customer.goto("/customer");
  expect(await readMoney(customer.getByTestId("wallet"))).toBe(walletBefore + 30_000n);
});

test("operator raises a plan's cash-in rate: a new settings version, in the history and the audit", async ({
  browser,
}) => {
  const operator = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await signInOperator(operator, OPERATOR);
  await operator.goto("/admin/settings");
  const rate = operator.getByLabel("High volume: Cash-in rate (bps)");
  const before = await rate.inputValue();

  // Still below the platform's part of the cash-out fee: 65 would be refused as farmable.
  await rate.fill("30");
  await expect(operator.getByText("1 field changed.")).toBeVisible();
  await operator.getByRole("button", { name: "Save as new version" }).click();
  const saved = operator.getByText(/^Saved as version \d+$/);
  await expect(saved).toBeVisible();
  const version = Number((await saved.textContent())?.match(/\d+/)?.[0]);
  await expect(operator.getByTestId("settings-history")).toContainText(
    "commissionPlans.HIGH_VOLUME.cashIn.bps",
  );

  // The audit log, filtered to settings changes, shows who saved it.
  await operator.goto("/admin/audit");
  await operator.getByLabel("Entity type").selectOption({ label: "Settings" });
  await operator.getByRole("button", { name: "Search" }).click();
  const newest = operator.getByTestId("audit-row").first();
  await expect(newest).toContainText("settings.update");
  await expect(newest).toContainText("you");

  // Put the seeded rate back, as a further version (versions are never edited).
  await operator.goto("/admin/settings");
  await operator.getByLabel("High volume: Cash-in rate (bps)").fill(before);
  await operator.getByRole("button", { name: "Save as new version" }).click();
  await expect(operator.getByText(`Saved as version ${version + 1}`)).toBeVisible();
});
