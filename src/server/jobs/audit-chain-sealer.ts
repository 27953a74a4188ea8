import { serverEnv } from "../config/env";
import { log } from "../observability/log";
import { sealAuditChain } from "../use-cases/seal-audit-chain";

const globalSealer = globalThis as unknown as { proxypayAuditSealer?: NodeJS.Timeout };

/**
 * Seals committed order events and audit rows into the audit chain and publishes the day's
 * head. Every instance may run it: the sealer's advisory lock lets one chain at a time, and
 * the next finds nothing left. The money path never waits for it (docs/decisions.md,
 * "Audit chain").
 */
export function startAuditChainSealer(): void {
  if (globalSealer.proxypayAuditSealer) return;
  let running = false;
  globalSealer.proxypayAuditSealer = setInterval(() => {
    if (running) return;
    running = true;
    sealAuditChain()
      .catch((error: unknown) => {
        // `npm run audit:verify` reports rows left unsealed too long (docs/operations.md).
        log().error({ err: error }, "audit chain seal failed");
      })
      .finally(() => {
        running = false;
      });
  }, serverEnv().AUDIT_SEAL_MS);
  globalSealer.proxypayAuditSealer.unref();
}
