import { environmentProblems } from "./env";

// Secrets come from the environment; a production server refuses to start without them
// rather than run with a guessable default (docs/security.md), and any server refuses a
// malformed variable rather than run on a NaN or a silent default (src/server/config/env.ts).
export function assertEnvironment(): void {
  const problems = environmentProblems();
  if (problems.length > 0) {
    throw new Error(`ProxyPay will not start: ${problems.join("; ")}`);
  }
}
