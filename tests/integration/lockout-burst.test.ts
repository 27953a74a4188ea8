import { describe, expect, it } from "vitest";
import { withCheckDigit } from "../../src/domain/codes";
import {
  PIN_PER_IP,
  PIN_PER_PHONE,
  PIN_TRUSTED_DEVICES,
  TYPED_CODE_PER_AGENT,
} from "../../src/domain/rate-limits";
import { authorizeCredentials } from "../../src/server/auth/options";
import { inTransaction } from "../../src/server/db/transaction";
import { fund, newAgent, newCustomer, placeOrder, signUpWithCode, uniquePhone } from "./helpers";

// A lockout that checks first and counts later lets a burst through: every request passes
// the check before the first failures are counted. These bursts must be held to the limit.

const WRONG = "Wrong phone number or PIN";

function messagesOf(results: PromiseSettledResult<unknown>[]): string[] {
  return results.map((r) => (r.status === "fulfilled" ? "signed in" : (r.reason as Error).message));
}

/** A code with a valid check digit that no live order has. */
function unusedCode(seed: number): string {
  return withCheckDigit(String(90_000_000 + seed));
}

describe("a burst of PIN attempts for one phone", () => {
  it("120 parallel attempts from 120 IPs: at most the limit reach the PIN check, the right PIN at position 45 does not sign in", async () => {
    const phone = uniquePhone();
    await signUpWithCode(phone, "2468", "Burst Target");
    const rightAt = 45;
    expect(rightAt).toBeGreaterThan(PIN_PER_PHONE.limit);

    const results = await Promise.allSettled(
      Array.from({ length: 120 }, (_, i) =>
        authorizeCredentials(
          { phone, pin: i === rightAt ? "2468" : "0000", audience: "customer" },
          `198.18.${Math.floor(i / 200)}.${i % 200}`,
        ),
      ),
    );
    const messages = messagesOf(results);
    expect(messages[rightAt]).toMatch(/Too many wrong PINs/);
    const verified = messages.filter((m) => m === WRONG).length;
    expect(verified).toBeGreaterThan(0);
    expect(verified).toBeLessThanOrEqual(PIN_PER_PHONE.limit);
    for (const m of messages) expect(m).toMatch(/^(Wrong phone number or PIN|Too many wrong PINs)/);
    // And the phone number stays locked for any device the owner never signed in on, until
    // the lock ends (the owner's own phone is not: see below).
    await expect(
      authorizeCredentials({ phone, pin: "2468", audience: "customer" }, "203.0.113.77"),
    ).rejects.toThrow(/Too many wrong PINs. Try again in 15 minutes/);
  });

  it("a burst from one IP across many phones verifies at most the IP's limit", async () => {
    const ip = "198.19.7.7";
    const results = await Promise.allSettled(
      Array.from({ length: PIN_PER_IP.limit * 3 }, () =>
        authorizeCredentials({ phone: uniquePhone(), pin: "0000", audience: "customer" }, ip),
      ),
    );
    const verified = messagesOf(results).filter((m) => m === WRONG).length;
    expect(verified).toBeLessThanOrEqual(PIN_PER_IP.limit);
  });

  it("successful sign-ins never lock a shared IP (a shop's wifi, a carrier's NAT)", async () => {
    const ip = "198.19.8.8";
    const customers = await Promise.all(
      Array.from({ length: PIN_PER_IP.limit + 5 }, () => newCustomer()),
    );
    for (const c of customers) {
      await expect(
        authorizeCredentials({ phone: c.phone, pin: "1234", audience: "customer" }, ip),
      ).resolves.toMatchObject({ id: c.userId });
    }
  });
});

describe("a burst of typed codes by one agent", () => {
  it("40 wrong codes at once: at most the limit are looked up, and then a right code is paused too", async () => {
    const agent = await newAgent(1_000_000n);
    const customer = await newCustomer();
    const order = await placeOrder(customer, "CASH_IN", 10_000n);

    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => agent.api.agent.claim({ code: unusedCode(i) })),
    );
    const messages = results.map((r) =>
      r.status === "fulfilled" ? "claimed" : (r.reason as Error).message,
    );
    const lookedUp = messages.filter((m) => /No open order/.test(m)).length;
    expect(lookedUp).toBeGreaterThan(0);
    expect(lookedUp).toBeLessThanOrEqual(TYPED_CODE_PER_AGENT.limit);
    for (const m of messages) expect(m).toMatch(/No open order|typing codes is paused/);
    // Which calls of a burst arrive first is the network's choice, not the server's: the
    // right code is sent once the burst has spent the budget, and is paused like the rest.
    await expect(agent.api.agent.claim({ code: order.typedCode! })).rejects.toThrow(
      /typing codes is paused/,
    );
    const stored = await inTransaction((tx) =>
      tx.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } }),
    );
    expect(stored.status).toBe("PENDING");
  });

  it("an agent typing many right codes is never paused", async () => {
    const agent = await newAgent(10_000_000n);
    const customer = await newCustomer();
    for (let i = 0; i < TYPED_CODE_PER_AGENT.limit + 3; i++) {
      const order = await placeOrder(customer, "CASH_IN", 10_000n);
      const claimed = await agent.api.agent.claim({ code: order.typedCode! });
      expect(claimed.status).toBe("CLAIMED");
    }
  });
});

describe("a stranger hammering a phone number cannot lock its owner out", () => {
  const burst = (phone: string, n: number, cookie: string | null = null, pin = "0000") =>
    Promise.allSettled(
      Array.from({ length: n }, (_, i) =>
        authorizeCredentials(
          { phone, pin, audience: "customer" },
          `198.20.${Math.floor(i / 200)}.${i % 200}`,
          cookie,
        ),
      ),
    );

  it("120 wrong PINs from 120 addresses lock strangers, while the owner's own phone signs in", async () => {
    const owner = await newCustomer();
    const ownIp = "203.0.113.10";
    const first = await authorizeCredentials(
      { phone: owner.phone, pin: "1234", audience: "customer" },
      ownIp,
    );
    expect(first.deviceCookie).toBeTruthy();
    // A stranger also borrows another account's genuine device cookie: it is not this
    // user's, so it buys nothing.
    const other = await newCustomer();
    const othersCookie = (
      await authorizeCredentials({ phone: other.phone, pin: "1234", audience: "customer" }, ownIp)
    ).deviceCookie;

    const attack = messagesOf([
      ...(await burst(owner.phone, 60)),
      ...(await burst(owner.phone, 60, othersCookie)),
    ]);
    expect(attack.filter((m) => m === WRONG).length).toBeLessThanOrEqual(PIN_PER_PHONE.limit);
    // A new device of the owner's is locked with the strangers (the price of the scheme)...
    await expect(
      authorizeCredentials({ phone: owner.phone, pin: "1234", audience: "customer" }, ownIp),
    ).rejects.toThrow(/Too many wrong PINs/);
    // ...but the phone the owner signed in on is not, from the same address or another.
    for (const ip of [ownIp, "198.51.100.200"]) {
      await expect(
        authorizeCredentials(
          { phone: owner.phone, pin: "1234", audience: "customer" },
          ip,
          first.deviceCookie,
        ),
      ).resolves.toMatchObject({ id: owner.userId });
    }
    // And the approval of a cash-out, inside the owner's session, is not locked either.
    const agent = await newAgent(100_000n);
    await fund(owner.userId, 100_000n);
    const order = await placeOrder(owner, "CASH_OUT", 10_000n);
    await agent.api.agent.claim({ token: order.token! });
    const done = await owner.api.customer.answerApproval({
      orderId: order.id,
      approve: true,
      pin: "1234",
      idempotencyKey: crypto.randomUUID(),
    });
    expect(done.status).toBe("COMPLETED");
  });

  it("a thief holding the owner's phone gets no more than the owner's own budget, even in a burst", async () => {
    const owner = await newCustomer();
    const { deviceCookie } = await authorizeCredentials({
      phone: owner.phone,
      pin: "1234",
      audience: "customer",
    });
    const results = messagesOf(await burst(owner.phone, 60, deviceCookie));
    const verified = results.filter((m) => m === WRONG).length;
    expect(verified).toBeGreaterThan(0);
    expect(verified).toBeLessThanOrEqual(PIN_TRUSTED_DEVICES.limit);
    await expect(
      authorizeCredentials(
        { phone: owner.phone, pin: "1234", audience: "customer" },
        null,
        deviceCookie,
      ),
    ).rejects.toThrow(/Too many wrong PINs/);
  });

  it("a tampered or foreign device cookie is a stranger's device", async () => {
    const owner = await newCustomer();
    const { deviceCookie } = await authorizeCredentials({
      phone: owner.phone,
      pin: "1234",
      audience: "customer",
    });
    const tampered = `${deviceCookie.slice(0, -2)}${deviceCookie.endsWith("AA") ? "BB" : "AA"}`;
    for (let i = 0; i < PIN_PER_PHONE.limit; i++) {
      await expect(
        authorizeCredentials(
          { phone: owner.phone, pin: "0000", audience: "customer" },
          null,
          tampered,
        ),
      ).rejects.toThrow(WRONG);
    }
    await expect(
      authorizeCredentials(
        { phone: owner.phone, pin: "1234", audience: "customer" },
        null,
        tampered,
      ),
    ).rejects.toThrow(/Too many wrong PINs/);
    await expect(
      authorizeCredentials(
        { phone: owner.phone, pin: "1234", audience: "customer" },
        null,
        deviceCookie,
      ),
    ).resolves.toMatchObject({ id: owner.userId });
  });
});
