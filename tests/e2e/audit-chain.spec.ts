import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { closeContextsAfterEach, createOrder, DEMO, PHONE, signIn } from "./support";

closeContextsAfterEach();

const OPERATOR = { phone: "+254700000001", password: "admin-demo-2026" };
const DESKTOP = { width: 1280, height: 800 };
const run = promisify(execFile);

test("an order's events are sealed, the operator copies today's head, and audit:verify finds the chain intact", async ({
  browser,
}, testInfo) => {
  // Something to seal: a customer's new order writes an order event and an audit row.
  const phone = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signIn(phone, "customer", DEMO.amina);
  await createOrder(phone, "Cash in", "100");

  const context = await browser.newContext({ viewport: DESKTOP });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const operator = await context.newPage();
  await operator.goto("/admin/login");
  await operator.getByLabel("Phone number").fill(OPERATOR.phone);
  await operator.getByLabel("Password").fill(OPERATOR.password);
  await operator.getByRole("button", { name: "Sign in" }).click();
  await operator.waitForURL(/\/admin(\/agents)?$/);
  await operator.goto("/admin");

  const card = operator.getByTestId("audit-chain");
  await expect(card.getByRole("heading", { name: "Audit chain" })).toBeVisible();
  // The sealer runs every 2 s in this run; the card refreshes every 5 minutes, so reload
  // until the order's rows are in (no fixed wait: however busy the machine is).
  await expect(async () => {
    await operator.reload();
    await expect(card.getByText(/Links sealed so far: [1-9]/)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });

  const today = card.getByTestId("audit-chain-today");
  const hash = (await today.getByTestId("audit-chain-hash").textContent()) ?? "";
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  await today.getByRole("button", { name: "Copy today's head" }).click();
  await expect(today.getByRole("status")).toHaveText("Copied");
  expect(await operator.evaluate(() => navigator.clipboard.readText())).toBe(hash);
  await expect(card.getByTestId("audit-chain-head").first()).toContainText(hash);
  const shot = testInfo.outputPath("audit-chain.png");
  await card.screenshot({ path: shot });
  await testInfo.attach("audit-chain", { path: shot, contentType: "image/png" });

  // The verifier, as an auditor runs it, on the same database: read-only, exit 0.
  const { stdout } = await run("npx", ["tsx", "scripts/audit-verify.ts"], {
    env: process.env,
  });
  expect(stdout).toMatch(/^chain intact: [1-9]\d* links, head [0-9a-f]{64}$/m);
});
