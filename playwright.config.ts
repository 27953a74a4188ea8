import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, E2E_METRICS_TOKEN, OTP_OUTBOX, SERVER_LOG } from "./tests/e2e/support";

// End-to-end tests drive a production build (next build + scripts/serve.mjs) in Debian's
// Chromium. The database comes from scripts/with-db.ts (see package.json test:e2e).
const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  // Runs against its own cluster of servers: playwright.cluster.config.ts.
  testIgnore: "cluster.spec.ts",
  // One browser flow at a time: the flows share seeded agents' float, and a 2-core CI
  // machine runs a Next server and two Chromiums already.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [["list"]],
  // The server log must hold none of the secrets the run handled (tests/e2e/log-secrets.ts).
  globalSetup: "./tests/e2e/global-setup.ts",
  globalTeardown: "./tests/e2e/global-teardown.ts",
  outputDir: "test-results",
  use: {
    baseURL: `http://localhost:${PORT}`,
    // A broken step should fail in seconds, not at the test's timeout.
    actionTimeout: 30_000,
    navigationTimeout: 30_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        browserName: "chromium",
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: {
    // Builds only when the sources changed since the last build (as npm start does).
    // Its output also goes to SERVER_LOG, which the global teardown searches for secrets.
    command: `(node scripts/build-if-needed.mjs && PORT=${PORT} exec node scripts/serve.mjs) 2>&1 | tee ${SERVER_LOG}`,
    url: `http://localhost:${PORT}/api/auth/csrf`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
      // Untouched orders expire within a second of their time in the e2e run.
      EXPIRY_SWEEP_MS: "1000",
      // The audit chain's sealer publishes the day's head within seconds of the start.
      AUDIT_SEAL_MS: "2000",
      // Sign-up codes are printed by the console sender and copied to this file, which the
      // sign-up test reads (tests/e2e/support.ts smsCodeTo).
      OTP_SENDER: "console",
      OTP_OUTBOX_FILE: OTP_OUTBOX,
      // /api/metrics is on for the run (tests/e2e/observability.spec.ts scrapes it).
      METRICS_TOKEN: E2E_METRICS_TOKEN,
    },
  },
});
