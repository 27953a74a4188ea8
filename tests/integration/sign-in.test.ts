import { describe, expect, it } from "vitest";
import { authorizeCredentials } from "../../src/server/auth/options";
import { callerFor, uniquePhone } from "./helpers";

describe("sign-up and sign-in", () => {
  it("a customer signs up, then signs in with the body next-auth really sends", async () => {
    const phone = uniquePhone();
    await callerFor(null).account.signUp({ phone, pin: "2468", name: "Zawadi" });
    const user = await authorizeCredentials({
      phone,
      pin: "2468",
      audience: "customer",
      csrfToken: "abc",
      callbackUrl: "/customer",
      json: "true",
      redirect: "false",
    });
    expect(user).toMatchObject({ role: "CUSTOMER", name: "Zawadi" });
  });

  it("a wrong PIN and an unknown phone get the same answer", async () => {
    const phone = uniquePhone();
    await callerFor(null).account.signUp({ phone, pin: "2468", name: "Zawadi" });
    await expect(
      authorizeCredentials({ phone, pin: "0000", audience: "customer" }),
    ).rejects.toThrow("Wrong phone number or PIN");
    await expect(
      authorizeCredentials({ phone: uniquePhone(), pin: "2468", audience: "customer" }),
    ).rejects.toThrow("Wrong phone number or PIN");
  });

  it("an account signs in only in its own app", async () => {
    const phone = uniquePhone();
    await callerFor(null).account.signUp({ phone, pin: "2468", name: "Zawadi" });
    await expect(authorizeCredentials({ phone, pin: "2468", audience: "agent" })).rejects.toThrow(
      "This account signs in at /customer, not here",
    );
  });
});
