import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { closeContextsAfterEach, createOrder, DEMO, PHONE, signIn, TABLET } from "./support";

closeContextsAfterEach();

const OPERATOR = { phone: "+254700000001", password: "admin-demo-2026" };
const WIDE = { width: 1440, height: 900 };

/** Serious and critical axe findings on what the page shows now (the house's bar). */
async function seriousFindings(page: Page): Promise<string[]> {
  await expect(page.locator("[aria-busy='true']")).toHaveCount(0);
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .options({ resultTypes: ["violations"] })
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes[0]?.target.join(" ")}`);
}

async function operatorOnDisputes(browser: Browser): Promise<Page> {
  const operator = await (await browser.newContext({ viewport: WIDE })).newPage();
  await operator.goto("/admin/login");
  await operator.getByLabel("Phone number").fill(OPERATOR.phone);
  await operator.getByLabel("Password").fill(OPERATOR.password);
  await operator.getByRole("button", { name: "Sign in" }).click();
  await operator.waitForURL(/\/admin(\/agents)?$/);
  await operator.goto("/admin/disputes");
  return operator;
}

// Disputes with rules: a customer who approved a cash-out and got no cash reports it from the
// order, for a reason the rules allow, and reads the rules in words; the shop's float is held;
// the operator reads the order's evidence (its steps, who served it, the holds) and decides.
test("a customer reports a cash-out's cash not received; the operator sees the hold and decides", async ({
  browser,
}) => {
  // Three parties' screens on a machine shared with other builds: give it room.
  test.slow();
  const suffix = String(Date.now()).slice(-6);
  const customer = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signIn(customer, "customer", DEMO.amina);
  await createOrder(customer, "Cash out", "200");
  const code = (await customer.getByTestId("typed-code").textContent())?.trim() ?? "";

  const agent = await (await browser.newContext({ viewport: TABLET })).newPage();
  await signIn(agent, "agent", DEMO.otieno);
  await agent.getByLabel("Customer's code").fill(code);
  await agent.getByRole("button", { name: "Find order" }).click();
  const approval = customer.getByTestId("approval");
  await approval.getByLabel("Your PIN").fill(DEMO.amina.pin);
  await approval.getByRole("button", { name: "Approve and pay" }).click();
  await expect(customer.getByTestId("receipt")).toBeVisible();

  // The shop never hands the cash over. The receipt offers the report, with its rules.
  await expect(customer.getByText("within 24 hours of the order")).toBeVisible();
  await expect(customer.getByText("up to 3 problems in 30 days")).toBeVisible();
  await customer.getByRole("button", { name: "Report a problem" }).click();
  const reasons = customer.getByTestId("dispute-reasons");
  await expect(reasons.getByRole("button")).toHaveText([
    "I approved but got no cash",
    "I got less cash than I approved",
    "The shop charged me more than the fee shown",
  ]);
  await reasons.getByRole("button", { name: "I approved but got no cash" }).click();
  expect(await seriousFindings(customer)).toEqual([]);
  await customer.getByLabel("What happened?").fill(`The shop said it had no cash (${suffix})`);
  await customer.getByRole("button", { name: "Send report" }).click();
  const dispute = customer.getByTestId("dispute");
  await expect(dispute).toContainText("You reported: Cash not received");
  await expect(dispute).toContainText("KES 200.00 of the shop's money is held");

  const operator = await operatorOnDisputes(browser);
  const row = operator.getByTestId("dispute-row").filter({ hasText: suffix });
  await expect(row).toContainText("Cash not received");
  await expect(row).toContainText("KES 200.00 held on the shop's float");
  await row.getByRole("button", { name: "Evidence" }).click();
  const evidence = row.getByTestId("dispute-evidence");
  await expect(evidence).toContainText(DEMO.otieno.shop);
  await expect(evidence.getByTestId("evidence-timeline").getByRole("listitem")).toHaveCount(3);
  const holds = evidence.getByTestId("evidence-holds");
  await expect(holds).toContainText("This dispute's hold on the");
  await expect(holds).toContainText("KES 200.00");
  expect(await seriousFindings(operator)).toEqual([]);

  // One operator may reject (upholding would take two): the hold is released.
  await row.getByLabel("Decision note").fill("The shop's camera shows the cash handed over");
  await row.getByRole("button", { name: "Reject" }).click();
  await expect(operator.getByText(/Dispute rejected: PP-\w+/)).toBeVisible();
  await customer.reload();
  await expect(customer.getByTestId("dispute")).toContainText(
    "The shop's camera shows the cash handed over",
  );
});

test("a shop reports a completed cash-in's cash short from its order panel", async ({
  browser,
}) => {
  test.slow();
  const customer = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signIn(customer, "customer", DEMO.brian);
  await createOrder(customer, "Cash in", "100");
  const code = (await customer.getByTestId("typed-code").textContent())?.trim() ?? "";

  const agent = await (await browser.newContext({ viewport: TABLET })).newPage();
  await signIn(agent, "agent", DEMO.wanjiru);
  await agent.getByLabel("Customer's code").fill(code);
  await agent.getByRole("button", { name: "Find order" }).click();
  await agent.getByRole("button", { name: "Confirm cash received" }).click();

  // Counting the notes again after the customer left: they were short.
  await expect(agent.getByText("Was the customer's cash fake or short?")).toBeVisible();
  await agent.getByRole("button", { name: "Report a problem" }).click();
  await agent
    .getByTestId("dispute-reasons")
    .getByRole("button", { name: "The cash was short" })
    .click();
  const suffix = Date.now().toString(36);
  await agent.getByLabel("What happened?").fill(`Two notes of KES 50 were missing (${suffix})`);
  expect(await seriousFindings(agent)).toEqual([]);
  await agent.getByRole("button", { name: "Send report" }).click();
  await expect(agent.getByTestId("agent-dispute")).toContainText(
    "You reported: Wrong amount of cash. KES 100.00 of the customer's wallet is held",
  );

  // The customer sees the shop's report and the hold on their wallet.
  await customer.reload();
  const dispute = customer.getByTestId("dispute");
  await expect(dispute).toContainText(`${DEMO.wanjiru.shop} reported a problem with this order`);
  await expect(dispute).toContainText("KES 100.00 of your wallet is held");

  // The operator rejects the shop's report: the customer's money is free again (and the
  // demo customer's wallet is as the next specs expect it).
  const operator = await operatorOnDisputes(browser);
  const row = operator.getByTestId("dispute-row").filter({ hasText: suffix });
  await row.getByLabel("Decision note").fill("The customer's receipt shows the full amount");
  await row.getByRole("button", { name: "Reject" }).click();
  await expect(operator.getByText(/Dispute rejected: PP-\w+/)).toBeVisible();
  await customer.reload();
  await expect(customer.getByTestId("dispute")).toContainText(
    "ProxyPay did not agree with the shop: nothing changes for you.",
  );
});
