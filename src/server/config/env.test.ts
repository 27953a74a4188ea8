import { describe, expect, it } from "vitest";
import { environmentProblems, parseEnv } from "./env";

const SECRET = "s".repeat(40);
const PEPPERS = `p2:${"b".repeat(40)},p1:${"a".repeat(40)}`;
// sha256 of "receipt test key", base64url: any 32 bytes are an Ed25519 secret key.
const RECEIPT_SECRET = "O0-Y42PhBTek1avmCROwNefDfdrFFYTUjhknVYcDFVo";
const production = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://web:pw@db.internal:5432/proxypay",
  NEXTAUTH_SECRET: SECRET,
  NEXTAUTH_URL: "https://pay.example.com",
  PIN_PEPPERS: PEPPERS,
  OTP_SENDER: "http",
  SMS_GATEWAY_URL: "https://sms.example.com/send",
  RECEIPT_SIGNING_KEY: RECEIPT_SECRET,
  RECEIPT_KEY_ID: "live-1",
};

describe("the environment schema", () => {
  it("applies defaults when nothing is set, as `next build` runs", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      production: false,
      DB_POOL_SIZE: 20,
      EXPIRY_SWEEP_MS: 5_000,
      TRUSTED_PROXY_HOPS: 1,
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PIN_PEPPERS).toBeUndefined();
  });

  it("reads numbers, enums and pepper lists", () => {
    const env = parseEnv({
      ...production,
      DB_POOL_SIZE: "50",
      EXPIRY_SWEEP_MS: "1000",
      TRUSTED_PROXY_HOPS: " 2 ",
      PROXYPAY_DEMO: "1",
    });
    expect(env).toMatchObject({
      production: true,
      DB_POOL_SIZE: 50,
      EXPIRY_SWEEP_MS: 1_000,
      TRUSTED_PROXY_HOPS: 2,
      OTP_SENDER: "http",
      PROXYPAY_DEMO: "1",
    });
    expect(env.PIN_PEPPERS?.map((p) => p.id)).toEqual(["p2", "p1"]);
  });

  it("treats an empty value as unset", () => {
    const env = parseEnv({ DB_POOL_SIZE: "", OTP_OUTBOX_FILE: " " });
    expect(env.DB_POOL_SIZE).toBe(20);
    expect(env.OTP_OUTBOX_FILE).toBeUndefined();
  });

  it("refuses a typo'd number by name instead of running on NaN", () => {
    expect(() => parseEnv({ DB_POOL_SIZE: "2O" })).toThrow(/DB_POOL_SIZE must be a whole number/);
    expect(() => parseEnv({ EXPIRY_SWEEP_MS: "5s" })).toThrow(/EXPIRY_SWEEP_MS/);
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: "1.5" })).toThrow(/TRUSTED_PROXY_HOPS/);
  });

  it("refuses numbers out of bounds", () => {
    expect(() => parseEnv({ DB_POOL_SIZE: "0" })).toThrow(/DB_POOL_SIZE .*1 to 200/);
    expect(() => parseEnv({ DB_POOL_SIZE: "500" })).toThrow(/DB_POOL_SIZE/);
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: "11" })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseEnv({ EXPIRY_SWEEP_MS: "10" })).toThrow(/EXPIRY_SWEEP_MS/);
  });

  it("refuses malformed values of the other variables, each by name", () => {
    expect(() => parseEnv({ OTP_SENDER: "sms" })).toThrow(/OTP_SENDER must be http or console/);
    expect(() => parseEnv({ PROXYPAY_DEMO: "true" })).toThrow(/PROXYPAY_DEMO/);
    expect(() => parseEnv({ NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET/);
    expect(() => parseEnv({ NEXTAUTH_URL: "pay.example.com" })).toThrow(/NEXTAUTH_URL/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://db/x" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ PIN_PEPPERS: "p1:short" })).toThrow(/PIN_PEPPERS/);
    expect(() => parseEnv({ PIN_PEPPERS: `${PEPPERS},p1:${"c".repeat(40)}` })).toThrow(
      /PIN_PEPPERS names a key id twice/,
    );
    expect(() => parseEnv({ OTP_SENDER: "http" })).toThrow(/SMS_GATEWAY_URL/);
  });

  it("reports every bad variable at once", () => {
    expect(() => parseEnv({ DB_POOL_SIZE: "x", TRUSTED_PROXY_HOPS: "y" })).toThrow(
      /DB_POOL_SIZE.*; TRUSTED_PROXY_HOPS/,
    );
  });
});

describe("the start-up check", () => {
  it("passes a complete production environment", () => {
    expect(environmentProblems(production)).toEqual([]);
    expect(environmentProblems({ ...production, OTP_SENDER: "console" })).toEqual([]);
  });

  it("requires nothing outside production, but still refuses a bad value", () => {
    expect(environmentProblems({})).toEqual([]);
    expect(environmentProblems({ NODE_ENV: "development", DB_POOL_SIZE: "twenty" })).toEqual([
      "DB_POOL_SIZE must be a whole number from 1 to 200",
    ]);
  });

  it("reports every variable production cannot run without", () => {
    const problems = environmentProblems({ NODE_ENV: "production" }).join("\n");
    for (const name of [
      "NEXTAUTH_SECRET",
      "NEXTAUTH_URL",
      "DATABASE_URL",
      "PIN_PEPPERS",
      "OTP_SENDER",
      "RECEIPT_SIGNING_KEY",
    ]) {
      expect(problems).toContain(name);
    }
  });

  it("reports bad and missing variables together, each once", () => {
    const problems = environmentProblems({
      ...production,
      NEXTAUTH_SECRET: "short",
      NEXTAUTH_URL: "http://pay.example.com",
      DATABASE_URL: undefined,
      EXPIRY_SWEEP_MS: "soon",
    });
    expect(problems).toEqual([
      "NEXTAUTH_SECRET must be at least 32 characters",
      "EXPIRY_SWEEP_MS must be a whole number from 100 to 3600000",
      "NEXTAUTH_URL must be https:// (plain http is allowed only for localhost)",
      "DATABASE_URL is required",
    ]);
  });

  it("allows plain http only for this machine, and an https SMS gateway", () => {
    expect(environmentProblems({ ...production, NEXTAUTH_URL: "http://localhost:3000" })).toEqual(
      [],
    );
    expect(
      environmentProblems({ ...production, SMS_GATEWAY_URL: "http://sms.example.com" }),
    ).toEqual(["SMS_GATEWAY_URL must be https:// for OTP_SENDER=http"]);
  });

  it("takes a receipt key only with its name, 32 bytes, never named dev-1", () => {
    expect(environmentProblems({ RECEIPT_SIGNING_KEY: RECEIPT_SECRET })).toEqual([
      "RECEIPT_KEY_ID is required with the other receipt key variable",
    ]);
    expect(environmentProblems({ RECEIPT_SIGNING_KEY: "abcd", RECEIPT_KEY_ID: "live-1" })).toEqual([
      "RECEIPT_SIGNING_KEY must be 32 bytes (43 base64url characters)",
    ]);
    expect(
      environmentProblems({ RECEIPT_SIGNING_KEY: RECEIPT_SECRET, RECEIPT_KEY_ID: "dev-1" }),
    ).toEqual(["RECEIPT_KEY_ID dev-1 is the development key's name"]);
    expect(environmentProblems({ RECEIPT_RETIRED_KEYS: "live-0" })).toEqual([
      "RECEIPT_RETIRED_KEYS entries are kid:publicKey (kid a-z0-9-)",
    ]);
  });
});
