import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { SEEN_SECRETS, SERVER_LOG } from "./support";

/**
 * Global setup: starts the run with an empty list of seen secrets (the server log is
 * truncated by the web server's own command, playwright.config.ts).
 */
export function forgetSeenSecrets(): void {
  rmSync(SEEN_SECRETS, { force: true });
}

/**
 * The demo logins' PINs and passwords, read from the seed's source (src/server/db/seed.ts):
 * Playwright's loader cannot import the server's modules, and a copied list would drift.
 */
function demoPins(): string[] {
  const seed = readFileSync(path.join(__dirname, "../../src/server/db/seed.ts"), "utf8");
  const pins = [...seed.matchAll(/\bpin: "([^"]+)"/g)].map((m) => m[1]!);
  if (pins.length < 6) throw new Error("log check: the demo PINs were not found in seed.ts");
  return pins;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * Where `value` occurs in `log` as a whole word: a 4-digit PIN inside an id does not count,
 * nor a short one that is a whole group of a UUID (a request id "65adda47-1111-…" is not
 * Wanjiru's PIN). Long secrets are looked for everywhere, UUIDs included.
 */
function findWord(log: string, value: string): number {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const haystack = value.length < 12 ? log.replace(UUID, (id) => "#".repeat(id.length)) : log;
  return haystack.search(new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`));
}

/**
 * The secrets a full e2e run handled must not be in the production server's log: the demo
 * PINs and passwords (src/server/db/seed.ts), and every order token, typed code, SMS code,
 * invitation code and session cookie the tests saw (support.ts rememberSecret). Returns the
 * problems, each naming the kind and where it was found, never the secret itself.
 */
export function secretsInLog(log: string, seen: { kind: string; value: string }[]): string[] {
  // JSON number fields (a process id, a call's "ms":1234) may happen to equal a 4-digit PIN;
  // every secret travels as a string, so a number field is never one.
  const text = log.replace(/("[A-Za-z_]+":)-?\d+(?:\.\d+)?(?=[,}])/g, "$1_");
  const secrets = [
    ...demoPins().map((value) => ({ kind: "demo PIN or password", value })),
    ...seen,
  ];
  const problems: string[] = [];
  for (const { kind, value } of secrets) {
    // Typed codes are shown grouped ("1234 5678 9"); look for both spellings.
    for (const spelling of new Set([value, value.replace(/\s+/g, "")])) {
      const at = findWord(text, spelling);
      if (at >= 0) problems.push(`${kind}: found in the server log at offset ${at}`);
    }
  }
  return problems;
}

export default function checkServerLog(): void {
  if (!existsSync(SERVER_LOG)) throw new Error(`no server log at ${SERVER_LOG}`);
  const log = readFileSync(SERVER_LOG, "utf8");
  const seen = existsSync(SEEN_SECRETS)
    ? readFileSync(SEEN_SECRETS, "utf8")
        .trim()
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { kind: string; value: string })
    : [];
  // A check that saw nothing would pass by default: every test signs someone in, so a run
  // recorded at least their PIN; and the server must have written its log.
  if (seen.length === 0) throw new Error("log check: the tests recorded no secret (support.ts)");
  if (!/\[serve\] ready/.test(log)) throw new Error("log check: the server log looks empty");
  const problems = secretsInLog(log, seen);
  if (problems.length > 0) {
    throw new Error(`secrets in the server log (${SERVER_LOG}):\n${problems.join("\n")}`);
  }
  console.log(`log check: ${seen.length} secrets seen, none in ${log.length} bytes of server log`);
}
