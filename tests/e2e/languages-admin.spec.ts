import { expect, type Page, test } from "@playwright/test";
import pg from "pg";
import { closeContextsAfterEach, forgetLanguageAfterEach, rememberSecret } from "./support";

closeContextsAfterEach();

// The second demo operator: the switcher remembers the language with the account, and the
// other operator flows sign in as the first one in an English browser.
const CHECKER = { phone: "+254700000002", password: "checker-demo-2026" };
const WIDE = { width: 1440, height: 900 };

// Whatever happens in the test, the account goes back to "the browser decides", so a later
// test signing in as this operator reads English again.
forgetLanguageAfterEach(CHECKER.phone);

/** The console bar's language menu, whatever language its label is in. */
function switcher(page: Page) {
  return page.locator("header .language-switcher select");
}

test("the operator console switches to Kiswahili and French, and the account remembers the choice", async ({
  browser,
}) => {
  const page = await (await browser.newContext({ viewport: WIDE })).newPage();
  await page.goto("/admin/login");
  await page.getByLabel("Phone number").fill(CHECKER.phone);
  await page.getByLabel("Password").fill(CHECKER.password);
  rememberSecret("password", CHECKER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

  // Kiswahili, chosen by keyboard on the agents screen.
  await page
    .getByRole("navigation", { name: "Operator sections" })
    .getByRole("link", { name: "Agents" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Agents" })).toBeVisible();
  await switcher(page).focus();
  await switcher(page).selectOption("sw");
  await expect(page.getByRole("heading", { level: 1, name: "Mawakala" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "sw");
  await expect(page.getByRole("button", { name: "Sajili wakala" })).toBeVisible();
  const firstAgent = page.getByTestId("agent-row").first();
  await expect(firstAgent.getByRole("button", { name: "Ongeza floti" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Sehemu za mwendeshaji" });
  await expect(nav).toContainText("Maagizo");
  for (const english of ["Overview", "Orders", "Customers", "Load more", "Onboard agent"]) {
    await expect(page.locator("main")).not.toContainText(english);
  }

  // French, by click, on the overview: amounts in the French way ("5 000,00 KES").
  await nav.getByRole("link", { name: "Muhtasari" }).click();
  await switcher(page).selectOption("fr");
  await expect(page.getByRole("heading", { level: 1, name: "Vue d’ensemble" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  const positions = page.getByTestId("money-positions");
  await expect(positions).toContainText("Float détenu par les agents");
  await expect(positions).toContainText(/\d,\d{2}\sKES/);
  await expect(positions).not.toContainText(/KES\s\d/);
  await expect(page.getByTestId("overview-today")).toContainText("Taux d’achèvement");
  for (const english of ["Money positions", "Completion rate", "Today", "Refresh"]) {
    await expect(page.locator("main")).not.toContainText(english);
  }

  // Remembered with the account, for the operator's next sign-in on another device.
  await expect.poll(() => storedLocale(CHECKER.phone)).toBe("fr");
});

async function storedLocale(phone: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ locale: string | null }>(
      "SELECT locale FROM users WHERE phone = $1",
      [phone],
    );
    return rows[0]?.locale ?? null;
  } finally {
    await client.end();
  }
}
