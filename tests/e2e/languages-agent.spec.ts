import { expect, type Page, test } from "@playwright/test";
import {
  closeContextsAfterEach,
  createOrder,
  DEMO,
  forgetLanguageAfterEach,
  PHONE,
  signIn,
  TABLET,
} from "./support";

closeContextsAfterEach();

// The switcher remembers the language with the agent's account: put Wanjiru back to "the
// browser decides", or every later test that signs her in would read another language.
forgetLanguageAfterEach(DEMO.wanjiru.phone);

/** The language switcher in the top bar, as a keyboard user picks a language. */
async function switchTo(page: Page, current: string, locale: "sw" | "fr", heading: string) {
  const language = page.getByRole("combobox", { name: current });
  await language.focus();
  await language.selectOption(locale);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
}

test("agent's counter in Kiswahili and French: the order on the counter, amounts for the locale, no English left", async ({
  browser,
}) => {
  const customer = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signIn(customer, "customer", DEMO.amina);
  await createOrder(customer, "Cash in", "500");
  const code = (await customer.getByTestId("typed-code").textContent())?.trim() ?? "";

  const agent = await (await browser.newContext({ viewport: TABLET })).newPage();
  await signIn(agent, "agent", DEMO.wanjiru);
  await expect(agent.getByRole("heading", { name: "Find the order" })).toBeVisible();

  await switchTo(agent, "Language", "sw", "Tafuta agizo");
  await expect(agent.getByRole("button", { name: "Changanua msimbo wa QR" })).toBeVisible();
  await agent.getByLabel("Msimbo wa mteja").fill(code);
  await agent.getByRole("button", { name: "Tafuta agizo" }).click();
  const preview = agent.getByTestId("order-preview");
  await expect(preview.getByTestId("order-instruction")).toHaveText(
    "Pokea KES 500.00 taslimu kutoka kwa mteja, zihesabu, kisha thibitisha",
  );
  await expect(preview.getByRole("button", { name: "Thibitisha pesa zimepokelewa" })).toBeVisible();
  await expect(preview).toContainText("Kuweka pesa");

  await switchTo(agent, "Lugha", "fr", "Trouver l’ordre");
  // The order stays on the counter across the switch; French puts the currency after.
  await expect(preview.getByTestId("order-instruction")).toHaveText(
    "Prenez 500,00 KES en espèces au client, comptez-les, puis confirmez",
  );
  await expect(agent.getByTestId("float-card")).toContainText(/\d{2}\s\d{3},\d{2}\sKES/);
  await expect(agent.getByTestId("commission-plan")).toContainText("Formule");
  const main = agent.locator("main");
  for (const english of [
    "Find the order",
    "Scan QR code",
    "Customer",
    "Confirm cash",
    "Decline",
    "Amount",
    "Time left",
    "Float available",
    "Today",
  ]) {
    await expect(main).not.toContainText(english);
  }

  // The cash-in completes in French: the receipt and its figures too.
  await preview.getByRole("button", { name: "Confirmer les espèces reçues" }).click();
  const receipt = agent.getByTestId("agent-receipt");
  await expect(receipt.getByRole("heading", { name: "Dépôt terminé" })).toBeVisible();
  await expect(receipt).toContainText(/Espèces reçues\s*500,00\sKES/);

  // The history screen follows the same choice, remembered on this device.
  await agent.getByRole("link", { name: "Historique" }).click();
  await expect(agent.getByRole("heading", { level: 1 })).toHaveText("Historique");
  await expect(agent.getByTestId("agent-history").locator("li").first()).toContainText(
    "500,00 KES",
  );
  await expect(agent).toHaveTitle("Historique · ProxyPay Agent");
});
