import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS } from "./tests/e2e/support";

// The cluster end-to-end test (tests/e2e/cluster.spec.ts): two production instances behind
// nginx on one database (scripts/cluster.mjs), the phone talking to one and the tablet to the
// other through nginx's per-instance entry ports. Same build as the main e2e run (no second
// build: scripts/build-if-needed.mjs). The database comes from scripts/with-db.ts
// (package.json test:cluster).
const PORT = Number(process.env.CLUSTER_PORT ?? 3200);

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "cluster.spec.ts",
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [["list"]],
  outputDir: "test-results/cluster",
  use: {
    baseURL: `http://localhost:${PORT}`,
    actionTimeout: 30_000,
    navigationTimeout: 30_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: "node scripts/cluster.mjs",
    // nginx starts after every instance answers: its public port answering means all are up.
    url: `http://localhost:${PORT}/api/auth/csrf`,
    timeout: 300_000,
    reuseExistingServer: false,
    // The script stops its instances and nginx on SIGTERM (a SIGKILL would leave them).
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: {
      CLUSTER_PORT: String(PORT),
      CLUSTER_SIZE: "2",
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
      OTP_SENDER: "console",
    },
  },
});
