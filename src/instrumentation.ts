// Runs once when a Next.js server instance starts (not during `next build`).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertReadyToServe } = await import("./server/config/startup");
  await assertReadyToServe();
  const { startExpirySweep } = await import("./server/jobs/expiry-sweep");
  startExpirySweep();
}
