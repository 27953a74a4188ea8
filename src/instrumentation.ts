// Runs once when a Next.js server instance starts (not during `next build`).
export async function register(): Promise<void> {
  // NEXT_RUNTIME is Next's own, set per runtime and inlined at build time; the server's
  // variables come from src/server/config/env.ts, checked by assertReadyToServe.
  // biome-ignore lint/style/noProcessEnv: NEXT_RUNTIME, which Next sets, not the deployer.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertReadyToServe } = await import("./server/config/startup");
  await assertReadyToServe();
  const { startExpirySweep } = await import("./server/jobs/expiry-sweep");
  startExpirySweep();
  const { startAuditChainSealer } = await import("./server/jobs/audit-chain-sealer");
  startAuditChainSealer();
}
