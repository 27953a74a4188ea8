import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { closeContextsAfterEach, rememberSecret } from "./support";

// The console's oversight screens (ledger, settings, audit: the "control" catalogue) in
// French and Kiswahili: headings and buttons in that language, <html lang>, amounts written
// the locale's way, and none of the English words those screens used to hard-code.

closeContextsAfterEach();

const OPERATOR = { phone: "+254700000001", password: "admin-demo-2026" };
const DESKTOP = { width: 1440, height: 900 };

async function signInOperator(page: Page) {
  await page.goto("/admin/login");
  await page.getByLabel("Phone number").fill(OPERATOR.phone);
  await page.getByLabel("Password").fill(OPERATOR.password);
  // The global teardown checks the server's log never printed it.
  rememberSecret("password", OPERATOR.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/admin(\/agents)?$/);
}

/**
 * The device's language choice, as the switcher stores it (the pp_locale cookie). The
 * console's switcher lives in its shell, which another change brings; the cookie is what it
 * sets, so the screens are tested against the same input.
 */
async function chooseLanguage(context: BrowserContext, page: Page, locale: "fr" | "sw") {
  // Path "/": the switcher's cookie is the whole site's, as this one must be to replace it.
  await context.addCookies([
    { name: "pp_locale", value: locale, url: new URL("/", page.url()).href },
  ]);
}

test("the ledger, settings and audit screens in French and Kiswahili", async ({ browser }) => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await signInOperator(page);

  await chooseLanguage(context, page, "fr");
  await page.goto("/admin/ledger");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1, name: "Grand livre" })).toBeVisible();
  const trial = page.getByTestId("trial-balance").first();
  await expect(trial).toContainText("Balance · KES");
  await expect(trial).toContainText("Équilibrée");
  // The accounts' balances as French writes money ("50 000,00 KES"): whatever earlier
  // tests moved, Wanjiru's float is tens of thousands.
  const accounts = page.getByTestId("accounts");
  await expect(accounts).toContainText(/\d{2}[\s\u202f\u00a0]\d{3},\d{2}[\s\u00a0]KES/);
  await expect(accounts.getByRole("button", { name: "Rechercher" })).toBeVisible();
  const reconciliation = page.getByTestId("reconciliation");
  await reconciliation.getByRole("button", { name: "Lancer le rapprochement" }).click();
  await expect(reconciliation.getByRole("status")).toContainText("aucun écart");
  for (const english of ["Trial balance", "Balanced", "Reconciliation", "Find accounts", "Owner"]) {
    await expect(page.locator("main")).not.toContainText(english);
  }

  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Journal d’audit" })).toBeVisible();
  await page.getByLabel("Type d’entité").selectOption({ label: "Paramètres" });
  await expect(page.getByLabel("L’action commence par")).toBeVisible();

  await chooseLanguage(context, page, "sw");
  await page.goto("/admin/settings");
  await expect(page.locator("html")).toHaveAttribute("lang", "sw");
  await expect(page.getByRole("heading", { level: 1, name: "Mipangilio" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Mipango ya kamisheni" })).toBeVisible();
  const save = page.getByRole("button", { name: "Hifadhi kama toleo jipya" });
  await expect(save).toBeDisabled();
  // A changed rate is counted in Kiswahili, and its percentage written beside it.
  const cashInFee = page.getByRole("group", { name: "Ada ya kuweka pesa" });
  await cashInFee.getByLabel("Kiwango (bps)").fill("175");
  await expect(page.getByText(/^Sehemu 1 imebadilishwa\./)).toBeVisible();
  await expect(cashInFee.getByText("= 1.75%")).toBeVisible();
  await page.getByRole("button", { name: "Tendua mabadiliko" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Historia ya matoleo" })).toBeVisible();
  for (const english of ["Commission plans", "Save as new version", "Version history", "Tier 1"]) {
    await expect(page.locator("main")).not.toContainText(english);
  }
});
