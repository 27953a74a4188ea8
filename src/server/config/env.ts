import { z } from "zod";
import { parseReceiptSecret, parseRetiredKeys } from "@/domain/receipt-keys";
import { RECEIPT_KID_PATTERN } from "@/domain/receipts";

/**
 * Every environment variable the server reads, validated in one place: the rest of src/
 * imports `serverEnv()` instead of reading process.env (Biome's noProcessEnv enforces it).
 * A malformed value (DB_POOL_SIZE=2O, OTP_SENDER=sms) is an error naming the variable, in
 * every mode, rather than a NaN or a silent default; assertReadyToServe reports every such
 * error, and in production every missing variable, before the server serves anyone.
 *
 * Parsed on first use and cached: `next build` imports modules with no DATABASE_URL, so no
 * variable may be required at import time. Variables a production server cannot run
 * without are checked by `environmentProblems` at start, and by their users on first use.
 *
 * Not here: NODE_ENV and NEXT_RUNTIME reads that Next inlines at build time (src/proxy.ts,
 * src/instrumentation.ts) and, in browser code, NEXT_PUBLIC_*; next-auth's own reads of
 * NEXTAUTH_URL and NEXTAUTH_SECRET; and scripts/, tests/, bench/, which run outside the app.
 */

const HTTP_URL = /^https?:\/\/[^/\s]+/;
const PEPPER_ENTRY = /^([a-z0-9]{1,16}):(.{32,})$/;

/** A whole number in [min, max]; the message names the bounds, the path names the variable. */
const integer = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int({ error: `must be a whole number from ${min} to ${max}` })
    .min(min, { error: `must be a whole number from ${min} to ${max}` })
    .max(max, { error: `must be a whole number from ${min} to ${max}` })
    .default(fallback);

const httpUrl = z.string().regex(HTTP_URL, { error: "must be an http:// or https:// URL" });

/** `id:secret,id:secret`, newest first; the secrets' format only, keys.ts derives the keys. */
const peppers = z.string().transform((source, ctx) => {
  const entries: { id: string; secret: string }[] = [];
  for (const entry of source.split(",")) {
    const m = PEPPER_ENTRY.exec(entry.trim());
    if (!m) {
      ctx.addIssue({
        code: "custom",
        message: "entries are id:secret (id a-z0-9, secret >= 32 chars)",
      });
      return z.NEVER;
    }
    entries.push({ id: m[1]!, secret: m[2]! });
  }
  if (new Set(entries.map((e) => e.id)).size !== entries.length) {
    ctx.addIssue({ code: "custom", message: "names a key id twice" });
    return z.NEVER;
  }
  return entries;
});

export const envSchema = z
  .object({
    /** Set by Next (and scripts/serve.mjs); anything but "production" is a development server. */
    NODE_ENV: z.string().optional(),
    /**
     * The app's connection (least-privilege login); required to serve, not to build. May list
     * several hosts with target_session_attrs=read-write (src/server/db/targets.ts).
     */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: "must be a postgresql:// URL" })
      .optional(),
    /**
     * Optional: where operator reports that tolerate a replica's lag read (the overview);
     * may list hosts with target_session_attrs=prefer-standby. Unset: the primary.
     */
    DATABASE_READ_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: "must be a postgresql:// URL" })
      .optional(),
    /** Connections in each worker's pool. */
    DB_POOL_SIZE: integer(1, 200, 20),
    /** Signs sessions and derives the app's keys (src/server/security/keys.ts). */
    NEXTAUTH_SECRET: z.string().min(32, { error: "must be at least 32 characters" }).optional(),
    /** The public origin; https:// makes cookies Secure and adds HSTS. */
    NEXTAUTH_URL: httpUrl.optional(),
    /** Keys of PIN hashes, `p2:<secret>,p1:<secret>` (docs/security.md). */
    PIN_PEPPERS: peppers.optional(),
    /** How one-time codes are sent; unset means console outside production. */
    OTP_SENDER: z.enum(["http", "console"], { error: "must be http or console" }).optional(),
    SMS_GATEWAY_URL: httpUrl.optional(),
    SMS_GATEWAY_TOKEN: z.string().optional(),
    /** The console sender also appends its messages here (end-to-end tests). */
    OTP_OUTBOX_FILE: z.string().optional(),
    /** How often untouched orders are expired. */
    EXPIRY_SWEEP_MS: integer(100, 3_600_000, 5_000),
    /** How often committed order events and audit rows are sealed into the audit chain. */
    AUDIT_SEAL_MS: integer(1_000, 3_600_000, 60_000),
    /** Proxies in front that append to X-Forwarded-For (src/server/security/client-ip.ts). */
    TRUSTED_PROXY_HOPS: integer(1, 10, 1),
    /**
     * Bearer token for GET /api/metrics. Unset: the endpoint answers 404 (metrics off), in
     * every mode; the production start logs a warning saying so (docs/operations.md).
     */
    METRICS_TOKEN: z.string().min(16, { error: "must be at least 16 characters" }).optional(),
    /** pino's level for the server's JSON log lines. */
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        error: "must be fatal, error, warn, info, debug, trace or silent",
      })
      .default("info"),
    /**
     * The Ed25519 key that signs receipts (32 bytes, base64url; `npm run receipts:keygen`)
     * and its name. Unset outside production: the published development key `dev-1`.
     */
    RECEIPT_SIGNING_KEY: z
      .string()
      .superRefine((value, ctx) => {
        try {
          parseReceiptSecret(value);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: (error as Error).message });
        }
      })
      .optional(),
    RECEIPT_KEY_ID: z
      .string()
      .regex(RECEIPT_KID_PATTERN, { error: "must be a-z, 0-9 and -, at most 24 characters" })
      .refine((kid) => kid !== "dev-1", { error: "dev-1 is the development key's name" })
      .optional(),
    /** Public keys of earlier signing keys, `kid:publicKey,…`: their receipts stay genuine. */
    RECEIPT_RETIRED_KEYS: z
      .string()
      .superRefine((value, ctx) => {
        try {
          parseRetiredKeys(value);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: (error as Error).message });
        }
      })
      .optional(),
    /** "1": a demo database, whose README logins may work in production. */
    PROXYPAY_DEMO: z.enum(["0", "1"], { error: "must be 0 or 1" }).optional(),
  })
  .superRefine((env, ctx) => {
    if ((env.RECEIPT_SIGNING_KEY === undefined) !== (env.RECEIPT_KEY_ID === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: [env.RECEIPT_KEY_ID === undefined ? "RECEIPT_KEY_ID" : "RECEIPT_SIGNING_KEY"],
        message: "is required with the other receipt key variable",
      });
    }
    if (env.OTP_SENDER === "http" && !env.SMS_GATEWAY_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["SMS_GATEWAY_URL"],
        message: "is required for OTP_SENDER=http",
      });
    }
  })
  .transform((env) => ({ ...env, production: env.NODE_ENV === "production" }));

export type ServerEnv = z.output<typeof envSchema>;
type Source = Record<string, string | undefined>;

// biome-ignore lint/style/noProcessEnv: the one place the server reads its environment.
const processEnv = (): Source => process.env;

/** The schema's variables from `source`; an empty or blank value counts as unset. */
function pick(source: Source): Source {
  const picked: Source = {};
  for (const name of Object.keys(envSchema.in.shape)) {
    const value = source[name];
    if (value !== undefined && value.trim() !== "") picked[name] = value;
  }
  return picked;
}

function explain(issues: z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`);
}

/** Parses `source`; the error lists every bad variable by name. */
export function parseEnv(source: Source): ServerEnv {
  const result = envSchema.safeParse(pick(source));
  if (!result.success) {
    throw new Error(`Bad environment: ${explain(result.error.issues).join("; ")}`);
  }
  return result.data;
}

/**
 * Everything wrong with `source` for a server about to serve: malformed values in every
 * mode, and in production the variables it cannot run without (docs/security.md).
 */
export function environmentProblems(source: Source = processEnv()): string[] {
  const env = pick(source);
  const result = envSchema.safeParse(env);
  const problems = result.success ? [] : explain(result.error.issues);
  if (env.NODE_ENV !== "production") return problems;
  // Required in production; a variable already reported as malformed is not reported again.
  const bad = new Set(result.success ? [] : result.error.issues.map((issue) => issue.path[0]));
  const require = (name: string, ok: boolean, problem: string) => {
    if (!bad.has(name) && !ok) problems.push(problem);
  };
  require("NEXTAUTH_SECRET", env.NEXTAUTH_SECRET !==
    undefined, "NEXTAUTH_SECRET (at least 32 characters) is required");
  // Session cookies are Secure only over HTTPS; plain HTTP is tolerated for this machine only.
  const url = env.NEXTAUTH_URL;
  require("NEXTAUTH_URL", url !== undefined, "NEXTAUTH_URL is required");
  require("NEXTAUTH_URL", url === undefined ||
    url.startsWith("https://") ||
    /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(
      url,
    ), "NEXTAUTH_URL must be https:// (plain http is allowed only for localhost)");
  require("DATABASE_URL", env.DATABASE_URL !== undefined, "DATABASE_URL is required");
  require("PIN_PEPPERS", env.PIN_PEPPERS !==
    undefined, "PIN_PEPPERS (id:secret, see docs/security.md) is required");
  // Sign-up codes must reach people: production names its sender, never a silent default.
  // OTP_SENDER=console is accepted for demos and end-to-end runs of the production build
  // (codes then go to the server log only; docs/security.md).
  require("OTP_SENDER", env.OTP_SENDER !==
    undefined, "OTP_SENDER is required (http with SMS_GATEWAY_URL, or console for a demo)");
  require("SMS_GATEWAY_URL", env.OTP_SENDER !== "http" ||
    env.SMS_GATEWAY_URL?.startsWith("https://") ===
      true, "SMS_GATEWAY_URL must be https:// for OTP_SENDER=http");
  // A receipt signed with the published development key proves nothing: production signs
  // with its own (docs/operations.md, "Receipt keys").
  require("RECEIPT_SIGNING_KEY", env.RECEIPT_SIGNING_KEY !==
    undefined, "RECEIPT_SIGNING_KEY and RECEIPT_KEY_ID are required (npm run receipts:keygen)");
  return problems;
}

let cached: ServerEnv | undefined;

/** The server's environment, parsed on first use; throws naming every bad variable. */
export function serverEnv(): ServerEnv {
  cached ??= parseEnv(processEnv());
  return cached;
}

/** Tests that change process.env call this so the next serverEnv() reads it again. */
export function resetServerEnv(): void {
  cached = undefined;
}
