// Runs once when a Next.js server instance starts (not during `next build`).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertProductionSecrets } = await import("./server/config/environment");
  assertProductionSecrets();
  const { assertNoDemoLogins } = await import("./server/security/demo-logins");
  await assertNoDemoLogins();
  const { startExpirySweep } = await import("./server/jobs/expiry-sweep");
  startExpirySweep();
}
