import { describe, expect, it } from "vitest";
import { authorizeCredentials, sessionCookie } from "../../src/server/auth/options";
import { assertEnvironment } from "../../src/server/config/environment";
import { signUpWithCode, uniquePhone } from "./helpers";

describe("sign-up and sign-in", () => {
  it("a customer signs up, then signs in with the body next-auth really sends", async () => {
    const phone = uniquePhone();
    await signUpWithCode(phone, "2468", "Zawadi");
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
    await signUpWithCode(phone, "2468", "Zawadi");
    await expect(
      authorizeCredentials({ phone, pin: "0000", audience: "customer" }),
    ).rejects.toThrow("Wrong phone number or PIN");
    await expect(
      authorizeCredentials({ phone: uniquePhone(), pin: "2468", audience: "customer" }),
    ).rejects.toThrow("Wrong phone number or PIN");
  });

  it("an account signs in only in its own app", async () => {
    const phone = uniquePhone();
    await signUpWithCode(phone, "2468", "Zawadi");
    await expect(authorizeCredentials({ phone, pin: "2468", audience: "agent" })).rejects.toThrow(
      "This account signs in at /customer, not here",
    );
  });
});

describe("session cookie and production settings", () => {
  it("is httpOnly and SameSite always, Secure with the __Secure- prefix over HTTPS", () => {
    expect(sessionCookie(true)).toEqual({
      name: "__Secure-next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
    expect(sessionCookie(false).options).toMatchObject({
      httpOnly: true,
      sameSite: "lax",
      secure: false,
    });
  });

  it("a production server refuses to start without its secrets or over plain HTTP", () => {
    const saved = { ...process.env };
    const env = process.env as Record<string, string | undefined>;
    try {
      env.NODE_ENV = "production";
      env.NEXTAUTH_SECRET = "short";
      env.NEXTAUTH_URL = "http://pay.example.com";
      expect(() => assertEnvironment()).toThrow(/NEXTAUTH_SECRET.*https/);
      env.NEXTAUTH_SECRET = "x".repeat(40);
      env.NEXTAUTH_URL = "https://pay.example.com";
      delete env.PIN_PEPPERS;
      expect(() => assertEnvironment()).toThrow(/PIN_PEPPERS/);
      env.PIN_PEPPERS = `p1:${"y".repeat(40)}`;
      delete env.OTP_SENDER;
      expect(() => assertEnvironment()).toThrow(/OTP_SENDER/);
      env.OTP_SENDER = "http";
      env.SMS_GATEWAY_URL = "http://sms.example.com/send";
      expect(() => assertEnvironment()).toThrow(/SMS_GATEWAY_URL/);
      env.SMS_GATEWAY_URL = "https://sms.example.com/send";
      // Receipts must be signed with the operator's own key, never the published dev key.
      delete env.RECEIPT_SIGNING_KEY;
      delete env.RECEIPT_KEY_ID;
      expect(() => assertEnvironment()).toThrow(/RECEIPT_SIGNING_KEY/);
      env.RECEIPT_SIGNING_KEY = "O0-Y42PhBTek1avmCROwNefDfdrFFYTUjhknVYcDFVo";
      env.RECEIPT_KEY_ID = "live-1";
      expect(() => assertEnvironment()).not.toThrow();
      env.NEXTAUTH_URL = "http://localhost:3000";
      expect(() => assertEnvironment()).not.toThrow();
    } finally {
      process.env = saved;
    }
  });
});
