import { verify } from "@node-rs/argon2";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetServerEnv } from "../config/env";
import { hashPin, verifyPin } from "./pin";

const P1 = `p1:${"a".repeat(40)}`;
const P2 = `p2:${"b".repeat(40)}`;
// An argon2 hash of "1234" from before peppers.
const LEGACY_1234 =
  "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$E/4dTxxhtsDeiYgvRBqRxyC7IJ9jaR4ywszVocQ+4aw";

const saved = { ...process.env };
beforeEach(() => {
  process.env.NEXTAUTH_SECRET = "unit-test-secret-0123456789abcdefghij";
  process.env.PIN_PEPPERS = P1;
  resetServerEnv();
});
afterEach(() => {
  process.env = { ...saved };
  resetServerEnv();
});

describe("PIN hashes", () => {
  it("carry the pepper's id and do not verify the bare PIN without the key", async () => {
    const stored = await hashPin("1234");
    expect(stored).toMatch(/^p1\$\$argon2id\$/);
    // What a stolen table gives an attacker: argon2 of something that is not the PIN.
    const argon = stored.slice("p1$".length);
    expect(await verify(argon, "1234")).toBe(false);
    expect(await verifyPin(stored, "1234")).toEqual({ ok: true, stale: false });
    expect(await verifyPin(stored, "1235")).toEqual({ ok: false, stale: false });
  });

  it("a hash under an older pepper still verifies and is marked for rehashing", async () => {
    const old = await hashPin("1234");
    process.env.PIN_PEPPERS = `${P2},${P1}`;
    resetServerEnv();
    expect(await verifyPin(old, "1234")).toEqual({ ok: true, stale: true });
    expect(await verifyPin(old, "9999")).toEqual({ ok: false, stale: false });
    expect(await hashPin("1234")).toMatch(/^p2\$/);
  });

  it("a hash under a retired or unknown pepper does not verify", async () => {
    const old = await hashPin("1234");
    process.env.PIN_PEPPERS = P2;
    resetServerEnv();
    expect(await verifyPin(old, "1234")).toEqual({ ok: false, stale: false });
  });

  it("a legacy unpeppered hash still verifies and is marked for rehashing", async () => {
    expect(await verifyPin(LEGACY_1234, "1234")).toEqual({ ok: true, stale: true });
    expect(await verifyPin(LEGACY_1234, "0000")).toEqual({ ok: false, stale: false });
  });

  it("the same PIN under two different peppers gives unrelated hashes", async () => {
    const a = await hashPin("1234");
    process.env.PIN_PEPPERS = `p1:${"c".repeat(40)}`;
    resetServerEnv();
    expect(await verifyPin(a, "1234")).toEqual({ ok: false, stale: false });
  });

  it("refuses malformed pepper settings", async () => {
    process.env.PIN_PEPPERS = "p1:short";
    resetServerEnv();
    await expect(hashPin("1234")).rejects.toThrow(/PIN_PEPPERS/);
    process.env.PIN_PEPPERS = `${P1},${P1}`;
    resetServerEnv();
    await expect(hashPin("1234")).rejects.toThrow(/twice/);
  });
});
