import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { resetServerEnv } from "../../src/server/config/env";
import { DEMO } from "../../src/server/db/seed";
import { inTransaction } from "../../src/server/db/transaction";
import { findUserByPhone } from "../../src/server/repositories/users";
import { assertNoDemoLogins } from "../../src/server/security/demo-logins";
import { hashPin, verifyPin } from "../../src/server/security/pin";
import { asOwner, uniquePhone } from "./helpers";

// Issue 8, item 3: a production start must not create the demo people whose PINs README
// prints, the first operator comes from a command, and a production server refuses to run
// while a demo login works.
const exec = promisify(execFile);
const TSX = path.join(process.cwd(), "node_modules/.bin/tsx");

/** Runs a script with a clean environment plus `env`; never throws, returns what it said. */
async function runScript(args: string[], env: Record<string, string>) {
  const base = {
    PATH: process.env.PATH!,
    HOME: process.env.HOME ?? "/tmp",
    NODE_ENV: "test" as const,
    // The same keys as this process, so hashes the script writes verify here.
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "integration-test-secret-0123456789abcdef",
    ...(process.env.PIN_PEPPERS ? { PIN_PEPPERS: process.env.PIN_PEPPERS } : {}),
  };
  try {
    const { stdout, stderr } = await exec(TSX, args, {
      env: { ...base, ...env },
      timeout: 120_000,
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, out: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

function databaseBeside(suffix: string): string {
  const url = new URL(process.env.MIGRATION_DATABASE_URL!);
  url.pathname = `${url.pathname}_${suffix}`;
  return url.toString();
}

async function peopleIn(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query<{ phone: string }>("SELECT phone FROM users ORDER BY phone");
    return rows.rows.map((r) => r.phone);
  } finally {
    await client.end();
  }
}

describe("npm start on a DATABASE_URL database", () => {
  const url = databaseBeside("start");
  afterAll(async () => {
    const { dropDatabase } = await import("../../src/server/db/migrate");
    await dropDatabase(url);
  });

  it("migrates and bootstraps the platform but creates no demo people", async () => {
    // The arguments `npm start` gives scripts/with-db.ts; a shell line stands in for the server.
    const start = JSON.parse(readFileSync("package.json", "utf8")).scripts.start as string;
    const own = start
      .split(/\s--\s/)[0]!
      .replace(/^tsx scripts\/with-db\.ts/, "")
      .trim();
    const args = ["scripts/with-db.ts", ...own.split(/\s+/).filter(Boolean), "--fresh"];
    const run = await runScript([...args, "--", "sh", "-c", 'echo "demo=$PROXYPAY_DEMO"'], {
      DATABASE_URL: url,
    });
    expect(run.out).toMatch(/^demo=$/m);
    expect(run.code).toBe(0);
    expect(await peopleIn(url)).toEqual([]);
  });

  it("seeds the demo people when asked (--demo, as npm run test:e2e does), and says so", async () => {
    const run = await runScript(
      ["scripts/with-db.ts", "--demo", "--", "sh", "-c", 'echo "demo=$PROXYPAY_DEMO"'],
      { DATABASE_URL: url },
    );
    expect(run.code).toBe(0);
    expect(run.out).toContain("demo=1");
    // README's demo logins: two customers, two shop owners, one shop assistant, two operators.
    expect(await peopleIn(url)).toHaveLength(7);
    const e2e = JSON.parse(readFileSync("package.json", "utf8")).scripts["test:e2e"] as string;
    expect(e2e).toMatch(/with-db\.ts .*--demo .*-- playwright test/);
  });
});

describe("npm run operator:create", () => {
  const app = () => ({ DATABASE_URL: process.env.DATABASE_URL! });

  it("creates an operator from the environment, audited, who can sign in with that password", async () => {
    const phone = uniquePhone();
    const run = await runScript(["scripts/create-operator.ts"], {
      ...app(),
      OPERATOR_NAME: "First Operator",
      OPERATOR_PHONE: phone,
      OPERATOR_PASSWORD: "correct horse battery",
    });
    expect(run.out).toContain("created");
    expect(run.code).toBe(0);
    const user = await inTransaction((tx) => findUserByPhone(tx, phone));
    expect(user).toMatchObject({ role: "ADMIN", name: "First Operator", status: "ACTIVE" });
    expect((await verifyPin(user!.pinHash, "correct horse battery")).ok).toBe(true);
    const audit = await inTransaction((tx) =>
      tx.auditLog.findMany({ where: { entityId: user!.id, action: "operator.create" } }),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: null, actorRole: "CLI" });
    expect(audit[0]!.after).toEqual({ phone, name: "First Operator" });

    // The same phone again is refused, and nothing changes.
    const again = await runScript(["scripts/create-operator.ts"], {
      ...app(),
      OPERATOR_NAME: "Someone Else",
      OPERATOR_PHONE: phone,
      OPERATOR_PASSWORD: "another long password",
    });
    expect(again.code).not.toBe(0);
    expect(again.out).toMatch(/already has a ProxyPay account/);
    const still = await inTransaction((tx) => findUserByPhone(tx, phone));
    expect(still!.name).toBe("First Operator");
  });

  it("refuses a short password or a malformed phone, and asks for the variables without a terminal", async () => {
    const phone = uniquePhone();
    const short = await runScript(["scripts/create-operator.ts"], {
      ...app(),
      OPERATOR_NAME: "Op",
      OPERATOR_PHONE: phone,
      OPERATOR_PASSWORD: "short-11chr",
    });
    expect(short.code).not.toBe(0);
    expect(short.out).toMatch(/at least 12 characters/);
    const badPhone = await runScript(["scripts/create-operator.ts"], {
      ...app(),
      OPERATOR_NAME: "Op",
      OPERATOR_PHONE: "0712345678",
      OPERATOR_PASSWORD: "a long enough password",
    });
    expect(badPhone.code).not.toBe(0);
    expect(badPhone.out).toMatch(/international form/);
    const none = await runScript(["scripts/create-operator.ts"], app());
    expect(none.code).not.toBe(0);
    expect(none.out).toMatch(/OPERATOR_NAME, OPERATOR_PHONE and OPERATOR_PASSWORD/);
    expect(await inTransaction((tx) => findUserByPhone(tx, phone))).toBeNull();
  });
});

describe("a production server with a demo login", () => {
  it("refuses to start while a README login works, unless this is a demo database", async () => {
    const saved = { ...process.env };
    const env = process.env as Record<string, string | undefined>;
    const id = crypto.randomUUID();
    // A production server has its own peppers (without them it would not start), so the
    // hash is made under the ones it will verify with.
    env.PIN_PEPPERS ??= `t1:${"bootstrap-test-pepper-".repeat(2)}`;
    resetServerEnv();
    await asOwner(async (owner) => {
      await owner.query(
        "INSERT INTO users (id, role, phone, name, pin_hash) VALUES ($1, 'ADMIN', $2, 'Operator One', $3)",
        [id, DEMO.admin.phone, await hashPin(DEMO.admin.pin)],
      );
    });
    try {
      env.NODE_ENV = "production";
      delete env.PROXYPAY_DEMO;
      resetServerEnv();
      await expect(assertNoDemoLogins()).rejects.toThrow(
        /demo logins of README still work for \+254700000001/,
      );
      // The embedded default and --demo databases are demos: with-db tells the server so.
      env.PROXYPAY_DEMO = "1";
      resetServerEnv();
      await expect(assertNoDemoLogins()).resolves.toBeUndefined();
      delete env.PROXYPAY_DEMO;
      resetServerEnv();
      // Outside production (next dev) it is no one's public server.
      env.NODE_ENV = "development";
      resetServerEnv();
      await expect(assertNoDemoLogins()).resolves.toBeUndefined();
      env.NODE_ENV = "production";
      resetServerEnv();
      // Locked, the published password no longer opens anything.
      await asOwner((owner) =>
        owner.query("UPDATE users SET status = 'LOCKED' WHERE id = $1", [id]),
      );
      await expect(assertNoDemoLogins()).resolves.toBeUndefined();
      // So does a changed password.
      await asOwner(async (owner) =>
        owner.query("UPDATE users SET status = 'ACTIVE', pin_hash = $2 WHERE id = $1", [
          id,
          await hashPin("a new password only the operator knows"),
        ]),
      );
      await expect(assertNoDemoLogins()).resolves.toBeUndefined();
    } finally {
      process.env = saved;
      resetServerEnv();
      await asOwner((owner) => owner.query("DELETE FROM users WHERE id = $1", [id]));
    }
  });
});
