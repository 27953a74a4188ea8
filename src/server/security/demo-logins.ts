import { serverEnv } from "../config/env";
import { DEMO } from "../db/seed";
import { inTransaction } from "../db/transaction";
import { findUserByPhone } from "../repositories/users";
import { verifyPin } from "./pin";

/** README's demo logins: phone and the PIN or password anyone can read there. */
export const DEMO_LOGINS: { phone: string; secret: string }[] = [
  DEMO.admin,
  DEMO.checker,
  ...DEMO.agents,
  ...DEMO.assistants,
  ...DEMO.customers,
].map((person) => ({ phone: person.phone, secret: person.pin }));

/** The demo phones that still sign in with their published PIN or password (not LOCKED). */
export async function liveDemoLogins(): Promise<string[]> {
  const users = await inTransaction((tx) =>
    Promise.all(DEMO_LOGINS.map((login) => findUserByPhone(tx, login.phone))),
  );
  const live: string[] = [];
  for (const [i, login] of DEMO_LOGINS.entries()) {
    const user = users[i];
    if (user?.status === "ACTIVE" && (await verifyPin(user.pinHash, login.secret)).ok)
      live.push(login.phone);
  }
  return live;
}

/**
 * A production server will not start while a login whose PIN is printed in README works:
 * an operator account with a published password is the whole platform. The demo database
 * (the embedded default, or one seeded with --demo) says so with PROXYPAY_DEMO=1, which
 * scripts/with-db.ts sets for the command it runs.
 */
export async function assertNoDemoLogins(): Promise<void> {
  const env = serverEnv();
  if (!env.production || env.PROXYPAY_DEMO === "1") return;
  const live = await liveDemoLogins();
  if (live.length > 0) {
    throw new Error(
      `ProxyPay will not start in production: the demo logins of README still work for ${live.join(", ")}. ` +
        "Their PINs and passwords are public. Lock them (UPDATE users SET status = 'LOCKED' WHERE " +
        "phone IN (...)) after creating your own operator with `npm run operator:create`; if this " +
        "server is meant to be a public demo, set PROXYPAY_DEMO=1.",
    );
  }
}
