import { log } from "../observability/log";
import { assertNoDemoLogins } from "../security/demo-logins";
import { serverEnv } from "./env";
import { assertEnvironment } from "./environment";

/**
 * The checks a server runs before it serves anyone. Next.js only logs an error thrown by the
 * instrumentation hook and then answers every request with a 500, which looks like a running
 * server to a load balancer's TCP check; so a failed check ends the process instead.
 */
export async function assertReadyToServe(): Promise<void> {
  try {
    assertEnvironment();
    await assertNoDemoLogins();
    if (serverEnv().production && !serverEnv().METRICS_TOKEN) {
      // Off is a valid choice (a site that does not scrape); said once, so it is a choice.
      log().warn("METRICS_TOKEN is not set: /api/metrics is off (answers 404)");
    }
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
