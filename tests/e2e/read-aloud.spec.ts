import { expect, type Locator, type Page, test } from "@playwright/test";
import { closeContextsAfterEach, createOrder, DEMO, PHONE, signIn, TABLET } from "./support";

closeContextsAfterEach();

/**
 * Records the text and language of every utterance the page asks to speak, and still speaks
 * it: the real speechSynthesis does the work, the test only listens.
 */
const SPEECH_SPY = () => {
  const spoken: { text: string; lang: string }[] = [];
  Object.defineProperty(window, "__spoken", { value: spoken });
  const synth = window.speechSynthesis;
  if (!synth) return;
  const speak = synth.speak.bind(synth);
  synth.speak = (utterance: SpeechSynthesisUtterance) => {
    spoken.push({ text: utterance.text, lang: utterance.lang });
    speak(utterance);
  };
};

/**
 * Reaches the read-aloud button in `scope` with the keyboard alone, presses it, and returns
 * what was spoken or, where this browser has no English voice, the text the notice shows.
 */
async function readAloudByKeyboard(page: Page, scope: Locator): Promise<string> {
  const button = scope.getByTestId("read-aloud");
  await expect(button).toBeVisible();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await button.evaluate((el) => el === document.activeElement);
  }
  expect(reached, "the read-aloud button is reachable with Tab").toBe(true);
  const before = await page.evaluate(
    () => (window as unknown as { __spoken: unknown[] }).__spoken.length,
  );
  await page.keyboard.press("Enter");

  const notice = scope.getByTestId("read-aloud-notice");
  const spokenNow = () =>
    page.evaluate(
      (n) =>
        (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken.slice(n),
      before,
    );
  await expect
    .poll(async () => (await spokenNow()).length > 0 || (await notice.isVisible()))
    .toBe(true);
  const spoken = await spokenNow();
  // Which of the two this browser did, in the report: headless Chromium usually has no voice.
  test.info().annotations.push({
    type: "read aloud",
    description: spoken.length > 0 ? "spoken" : "no voice",
  });
  if (spoken.length > 0) {
    expect(spoken[0]?.lang).toBe("en");
    return spoken[0]?.text ?? "";
  }
  await expect(notice).toContainText("no English voice");
  return (await notice.getByTestId("read-aloud-text").textContent()) ?? "";
}

test("read aloud: the four money screens say the cash, the fee and who is across the counter", async ({
  browser,
}) => {
  const customerContext = await browser.newContext({ viewport: PHONE });
  await customerContext.addInitScript(SPEECH_SPY);
  const customer = await customerContext.newPage();
  await signIn(customer, "customer", DEMO.amina);
  await createOrder(customer, "Cash out", "700");
  const code = (await customer.getByTestId("typed-code").textContent())?.trim() ?? "";

  const agentContext = await browser.newContext({ viewport: TABLET });
  await agentContext.addInitScript(SPEECH_SPY);
  const agent = await agentContext.newPage();
  await signIn(agent, "agent", DEMO.otieno);
  // This browser has no camera: the typed code is the quick way to the preview.
  await agent.getByRole("button", { name: "Scan QR code" }).click();
  await agent.getByLabel("Customer's code").fill(code);
  await agent.getByRole("button", { name: "Find order" }).click();

  // KES 700 cash out; the 1.5% fee is KES 10.50; Amina's phone ends in 001.
  const fee = "10 Kenyan shillings and 50 cents";
  const preview = agent.getByTestId("order-preview");
  const agentPreview = await readAloudByKeyboard(agent, preview);
  expect(agentPreview).toContain("The customer takes out 700 Kenyan shillings in cash");
  expect(agentPreview).toContain(`The customer's fee is ${fee}`);
  expect(agentPreview).toContain("phone number ending 0 0 1");

  const approval = customer.getByTestId("approval");
  const approvalText = await readAloudByKeyboard(customer, approval);
  expect(approvalText).toContain("You will receive 700 Kenyan shillings in cash");
  expect(approvalText).toContain(`The fee is ${fee}`);
  expect(approvalText).toContain(`Agent: ${DEMO.otieno.shop}`);
  // KES 700 is a 500 and a 200 note, in pictures and in words.
  const chips = approval.getByTestId("cash-chips");
  await expect(chips.locator(".cash-chip.note")).toHaveText(["500", "200"]);
  await expect(chips).toContainText(
    "In cash: 1 note of 500 Kenyan shillings and 1 note of 200 Kenyan shillings.",
  );

  await approval.getByLabel("Your PIN").fill(DEMO.amina.pin);
  await approval.getByRole("button", { name: "Approve and pay" }).click();

  const receipt = customer.getByTestId("receipt");
  const receiptText = await readAloudByKeyboard(customer, receipt);
  expect(receiptText).toContain("Collect 700 Kenyan shillings in cash");
  expect(receiptText).toContain(`The fee was ${fee}`);
  expect(receiptText).toContain(`Agent: ${DEMO.otieno.shop}`);

  const agentReceipt = agent.getByTestId("agent-receipt");
  const agentReceiptText = await readAloudByKeyboard(agent, agentReceipt);
  expect(agentReceiptText).toContain("Hand over 700 Kenyan shillings in cash now");
  expect(agentReceiptText).toContain(`The customer's fee was ${fee}`);
  expect(agentReceiptText).toContain("phone number ending 0 0 1");
});
