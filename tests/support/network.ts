// Chromium's network emulation over CDP, shared by the e2e tests (tests/e2e/offline.spec.ts)
// and the first-load bench (bench/first-load.ts), so both mean the same thing by "slow 3G".
import type { CDPSession, Page } from "@playwright/test";

/** The slow 3G: 400 kbit/s each way, 400 ms round trip. Chrome takes bytes/s. */
export const SLOW_3G = {
  offline: false,
  latency: 400,
  downloadThroughput: (400 * 1000) / 8,
  uploadThroughput: (400 * 1000) / 8,
};

export type NetworkConditions = typeof SLOW_3G;

/**
 * Applies network conditions to one page through a CDP session (Chromium only). Returns the
 * session, which the caller may keep using (the bench listens to its Network events).
 */
export async function emulateNetwork(
  page: Page,
  conditions: NetworkConditions = SLOW_3G,
  cdp?: CDPSession,
): Promise<CDPSession> {
  const session = cdp ?? (await page.context().newCDPSession(page));
  await session.send("Network.enable");
  await session.send("Network.emulateNetworkConditions", conditions);
  return session;
}
