import { describe, expect, it } from "vitest";
import { authorizeCredentials } from "../../src/server/auth/options";
import { newAgent, newCustomer, placeOrder, signUpWithCode, uniquePhone } from "./helpers";

async function customerWithPin(pin: string) {
  const phone = uniquePhone();
  await signUpWithCode(phone, pin, "Rate Limited");
  return phone;
}

describe("PIN attempts", () => {
  it("five wrong PINs lock the phone number, even for the right PIN", async () => {
    const phone = await customerWithPin("2468");
    // Each of the five is checked and told it is wrong; the attempt after them is refused
    // before its PIN is looked at.
    for (let i = 0; i < 5; i++) {
      await expect(
        authorizeCredentials({ phone, pin: "0000", audience: "customer" }),
      ).rejects.toThrow("Wrong phone number or PIN");
    }
    await expect(
      authorizeCredentials({ phone, pin: "2468", audience: "customer" }),
    ).rejects.toThrow(/Too many wrong PINs. Try again in 15 minutes/);
    await expect(
      authorizeCredentials({ phone, pin: "0000", audience: "customer" }),
    ).rejects.toThrow(/Too many wrong PINs/);
  });

  it("four wrong PINs, then the right one on the fifth try signs in", async () => {
    const phone = await customerWithPin("2468");
    for (let i = 0; i < 4; i++) {
      await expect(
        authorizeCredentials({ phone, pin: "0000", audience: "customer" }),
      ).rejects.toThrow("Wrong phone number or PIN");
    }
    await expect(
      authorizeCredentials({ phone, pin: "2468", audience: "customer" }),
    ).resolves.toBeDefined();
  });

  it("a good sign-in forgets earlier mistakes of that phone", async () => {
    const phone = await customerWithPin("2468");
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) {
        await expect(
          authorizeCredentials({ phone, pin: "0000", audience: "customer" }),
        ).rejects.toThrow();
      }
      await expect(
        authorizeCredentials({ phone, pin: "2468", audience: "customer" }),
      ).resolves.toBeDefined();
    }
  });

  it("one IP guessing across many phones is locked too", async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const victim = await customerWithPin("2468");
    for (let i = 0; i < 30; i++) {
      await expect(
        authorizeCredentials({ phone: uniquePhone(), pin: "0000", audience: "customer" }, ip),
      ).rejects.toThrow();
    }
    await expect(
      authorizeCredentials({ phone: victim, pin: "2468", audience: "customer" }, ip),
    ).rejects.toThrow(/Too many wrong PINs/);
    // The same customer from another network is not punished for the attacker.
    await expect(
      authorizeCredentials({ phone: victim, pin: "2468", audience: "customer" }, "203.0.113.9"),
    ).resolves.toBeDefined();
  });

  it("concurrent wrong PINs are all counted", async () => {
    const phone = await customerWithPin("2468");
    await Promise.allSettled(
      Array.from({ length: 12 }, () =>
        authorizeCredentials({ phone, pin: "0000", audience: "customer" }),
      ),
    );
    await expect(
      authorizeCredentials({ phone, pin: "2468", audience: "customer" }),
    ).rejects.toThrow(/Too many/);
  });
});

describe("typed-code lookups", () => {
  it("ten wrong codes pause typing for that agent; scanning still works", async () => {
    const agent = await newAgent(1_000_000n);
    const other = await newAgent(1_000_000n);
    const customer = await newCustomer();
    const order = await placeOrder(customer, "CASH_IN", 10_000n);
    for (let i = 0; i < 10; i++) {
      await expect(agent.api.agent.claim({ code: "123456782" })).rejects.toThrow(
        /No open order|not right/,
      );
    }
    await expect(agent.api.agent.claim({ code: "123456782" })).rejects.toThrow(
      /typing codes is paused/,
    );
    await expect(agent.api.agent.claim({ code: order.typedCode! })).rejects.toThrow(
      /typing codes is paused/,
    );
    // Another agent is not affected, and the locked agent can still scan.
    const preview = await agent.api.agent.claim({ token: order.token! });
    expect(preview.status).toBe("CLAIMED");
    await expect(other.api.agent.claim({ code: "123456782" })).rejects.toThrow(
      /No open order|not right/,
    );
  });
});
