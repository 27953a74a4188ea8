import { expect, type Page, test } from "@playwright/test";
import { closeContextsAfterEach, DEMO, forgetLanguageAfterEach, PHONE, signIn } from "./support";

closeContextsAfterEach();

// Brian: the other customer specs use Amina, and the browser is English (Accept-Language
// en-US), so every word below comes from the switcher's choice, not from the browser.
const WHO = DEMO.brian;
forgetLanguageAfterEach(WHO.phone);

async function chooseLanguage(page: Page, name: string) {
  const switcher = page.getByRole("combobox", { name: /Language|Lugha|Langue|语言/ });
  // By keyboard, as someone who cannot read the current language would: focus, pick, done.
  await switcher.focus();
  await switcher.selectOption({ label: name });
  await expect(switcher).toBeEnabled();
}

/** Puts Brian's account back to English for the specs that run after this one. */
async function backToEnglish(page: Page) {
  await chooseLanguage(page, "English");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("link", { name: "Cash in", exact: true })).toBeVisible();
}

test("the wallet in Kiswahili and French: words, <html lang> and amounts follow the switcher", async ({
  browser,
}) => {
  const page = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signIn(page, "customer", WHO);
  try {
    await chooseLanguage(page, "Kiswahili");
    await expect(page.locator("html")).toHaveAttribute("lang", "sw");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Salio linalopatikana");
    await expect(page.getByRole("link", { name: "Weka pesa", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Toa pesa", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Toka" })).toBeVisible();
    const main = page.getByRole("main");
    for (const english of ["Available", "Cash in", "Cash out", "Recent activity", "Sign out"]) {
      await expect(page.locator("body")).not.toContainText(english);
    }

    await chooseLanguage(page, "Français");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Disponible");
    await expect(page.getByRole("link", { name: "Retrait", exact: true })).toBeVisible();
    // French groups thousands with a narrow space and writes the code after the figure.
    await expect(page.getByTestId("wallet")).toContainText(/\d[\s\u202f\u00a0]\d{3},\d{2}\s?KES/);
    await expect(main).toContainText("Activité récente");
    await expect(page.locator("body")).not.toContainText("Recent activity");

    // An inner screen keeps the language and has its own switcher.
    await page.getByRole("link", { name: "Retrait", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Nouvel ordre" })).toBeVisible();
    await expect(page.getByLabel("Montant (KES)")).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Langue" })).toHaveValue("fr");
    await page.getByRole("link", { name: "‹ Accueil", exact: true }).click();
  } finally {
    await backToEnglish(page);
  }
});

test("the language is remembered with the account: a fresh browser signs in to Kiswahili", async ({
  browser,
}) => {
  const first = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signIn(first, "customer", WHO);
  await chooseLanguage(first, "Kiswahili");
  await expect(first.getByRole("link", { name: "Weka pesa", exact: true })).toBeVisible();
  await first.getByRole("button", { name: "Toka" }).click();
  await first.waitForURL(/\/customer\/login/);

  // A new context: no pp_locale cookie, an English browser. Only the account knows.
  const context = await browser.newContext({ viewport: PHONE });
  expect(await context.cookies()).toEqual([]);
  const second = await context.newPage();
  await signIn(second, "customer", WHO);
  try {
    await expect(second.locator("html")).toHaveAttribute("lang", "sw");
    await expect(second.getByRole("heading", { level: 1 })).toHaveText("Salio linalopatikana");
    await expect(second.getByRole("link", { name: "Weka pesa", exact: true })).toBeVisible();
  } finally {
    await backToEnglish(second);
  }
});
