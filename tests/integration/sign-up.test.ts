import { describe, expect, it } from "vitest";
import { CODE_ATTEMPTS, CODES_PER_IP, CODES_PER_PHONE } from "../../src/domain/phone-codes";
import { authorizeCredentials } from "../../src/server/auth/options";
import { inTransaction } from "../../src/server/db/transaction";
import {
  callerFromNewIp,
  codeSentTo,
  lastSmsTo,
  newCustomer,
  outbox,
  uniquePhone,
} from "./helpers";

// Sign-up proves the phone number with a one-time code, and tells a stranger nothing about
// whether a number already has a wallet.

function messageOf(r: PromiseSettledResult<unknown>): string {
  return r.status === "fulfilled" ? "ok" : (r.reason as Error).message;
}

describe("sign-up with a code by SMS", () => {
  it("phone, then the code from the SMS, then name and PIN opens a wallet that signs in", async () => {
    const phone = uniquePhone();
    const api = callerFromNewIp();
    const sent = await api.account.requestSignUpCode({ phone });
    expect(sent.sentTo).toMatch(/^\+2547.*\d{3}$/);
    expect(sent.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    const { ticket } = await api.account.verifySignUpCode({
      codeId: sent.codeId,
      code: codeSentTo(phone),
    });
    await api.account.signUp({ ticket, pin: "2468", name: "Zawadi" });
    await expect(
      authorizeCredentials({ phone, pin: "2468", audience: "customer" }),
    ).resolves.toMatchObject({ name: "Zawadi", role: "CUSTOMER" });
    // The ticket opens one wallet only.
    await expect(api.account.signUp({ ticket, pin: "2468", name: "Again" })).rejects.toThrow(
      /expired. Start again/,
    );
  });

  it("a number that already has a wallet gets the same answer, and its owner a note with no code", async () => {
    const owner = await newCustomer();
    const fresh = uniquePhone();
    const before = outbox.length;
    const forTaken = await callerFromNewIp().account.requestSignUpCode({ phone: owner.phone });
    const forFresh = await callerFromNewIp().account.requestSignUpCode({ phone: fresh });
    // The same shape, the same words, one SMS each.
    expect(Object.keys(forTaken).sort()).toEqual(Object.keys(forFresh).sort());
    expect(forTaken.sentTo.length).toBe(forFresh.sentTo.length);
    expect(outbox.length - before).toBe(2);
    const note = lastSmsTo(owner.phone)!;
    expect(note).toMatch(/already have one: sign in/);
    expect(note).not.toMatch(/\d{4}/);
    expect(lastSmsTo(fresh)).toMatch(/^\d{6} is your ProxyPay code/);
    // No code was sent for the taken number, so its sign-up cannot complete.
    await expect(
      callerFromNewIp().account.verifySignUpCode({ codeId: forTaken.codeId, code: "000000" }),
    ).rejects.toThrow(/not right/);
  });

  it("codes are stored hashed, expire, and are single use", async () => {
    const phone = uniquePhone();
    const api = callerFromNewIp();
    const first = await api.account.requestSignUpCode({ phone });
    const firstCode = codeSentTo(phone);
    const row = await inTransaction((tx) =>
      tx.$queryRawUnsafe<{ row: string }[]>(
        "SELECT t::text AS row FROM phone_codes t WHERE id = $1::uuid",
        first.codeId,
      ),
    );
    expect(row[0]!.row).not.toContain(firstCode);

    await inTransaction(
      (tx) =>
        tx.$executeRaw`UPDATE phone_codes SET expires_at = now() - interval '1 second' WHERE id = ${first.codeId}::uuid`,
    );
    await expect(
      api.account.verifySignUpCode({ codeId: first.codeId, code: firstCode }),
    ).rejects.toThrow(/expired or was used up/);

    const second = await api.account.requestSignUpCode({ phone });
    const code = codeSentTo(phone);
    await api.account.verifySignUpCode({ codeId: second.codeId, code });
    await expect(api.account.verifySignUpCode({ codeId: second.codeId, code })).rejects.toThrow(
      /expired or was used up/,
    );
  });

  it(`a burst of wrong codes checks at most ${CODE_ATTEMPTS}; the right code after them is refused`, async () => {
    const phone = uniquePhone();
    const api = callerFromNewIp();
    const { codeId } = await api.account.requestSignUpCode({ phone });
    const right = codeSentTo(phone);
    const wrong = right === "000000" ? "111111" : "000000";
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, () => api.account.verifySignUpCode({ codeId, code: wrong })),
    );
    const checked = results.map(messageOf).filter((m) => /not right/.test(m));
    expect(checked.length).toBe(CODE_ATTEMPTS);
    await expect(api.account.verifySignUpCode({ codeId, code: right })).rejects.toThrow(
      /expired or was used up/,
    );
  });

  it("codes sent are limited per number and per address", async () => {
    const phone = uniquePhone();
    for (let i = 0; i < CODES_PER_PHONE.limit; i++) {
      await callerFromNewIp().account.requestSignUpCode({ phone });
    }
    await expect(callerFromNewIp().account.requestSignUpCode({ phone })).rejects.toThrow(
      /Too many codes asked for. Try again in 60 minutes/,
    );

    const api = callerFromNewIp();
    const sent = outbox.length;
    const results = await Promise.allSettled(
      Array.from({ length: CODES_PER_IP.limit + 10 }, () =>
        api.account.requestSignUpCode({ phone: uniquePhone() }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled").length).toBe(CODES_PER_IP.limit);
    expect(outbox.length - sent).toBe(CODES_PER_IP.limit);
  });
});
