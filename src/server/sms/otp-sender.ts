import { appendFileSync } from "node:fs";
import { type ServerEnv, serverEnv } from "../config/env";

/** Delivers a text message to a phone; one-time codes go through it. */
export interface OtpSender {
  send(phone: string, message: string): Promise<void>;
}

/**
 * Development: prints the message to the server's console, where the developer reads the
 * code. With OTP_OUTBOX_FILE set it appends `{ phone, message, at }` lines to that file
 * instead, and the console only says where the message went: that is how the end-to-end
 * tests read codes (in a form a test can parse, on the server's own disk, written by no
 * other sender, reachable over no HTTP route; docs/security.md), and it keeps codes out of
 * the log that the e2e run checks for secrets (tests/e2e/log-secrets.spec.ts).
 */
export class ConsoleOtpSender implements OtpSender {
  constructor(private readonly outboxFile?: string) {}

  async send(phone: string, message: string): Promise<void> {
    if (!this.outboxFile) {
      // The console is the SMS gateway here: printing the code is the point.
      console.log(`[sms] to ${phone}: ${message}`);
    } else {
      console.log(`[sms] to ${phone}: written to OTP_OUTBOX_FILE`);
      appendFileSync(
        this.outboxFile,
        `${JSON.stringify({ phone, message, at: new Date().toISOString() })}\n`,
      );
    }
  }
}

/**
 * Production: an SMS gateway over HTTPS. POSTs `{ "to": phone, "message": text }` as JSON
 * to SMS_GATEWAY_URL with `Authorization: Bearer SMS_GATEWAY_TOKEN`; any 2xx is delivered.
 * Gateways with another shape (Africa's Talking, Twilio) sit behind a small adapter that
 * speaks this one, or get their own OtpSender.
 */
export class HttpOtpSender implements OtpSender {
  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(phone: string, message: string): Promise<void> {
    const response = await fetch(this.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ to: phone, message }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
  }
}

/**
 * What OTP_SENDER asks for: "http" (SMS_GATEWAY_URL, optional SMS_GATEWAY_TOKEN) or
 * "console". Unset means console outside production; in production the server refuses to
 * start without an explicit choice (src/server/config/env.ts).
 */
export function senderFromEnvironment(env: ServerEnv = serverEnv()): OtpSender {
  const kind = env.OTP_SENDER ?? (env.production ? "" : "console");
  if (kind === "http") {
    if (!env.SMS_GATEWAY_URL) throw new Error("OTP_SENDER=http needs SMS_GATEWAY_URL");
    return new HttpOtpSender(env.SMS_GATEWAY_URL, env.SMS_GATEWAY_TOKEN);
  }
  if (kind === "console") return new ConsoleOtpSender(env.OTP_OUTBOX_FILE);
  throw new Error("OTP_SENDER must be http or console");
}

let chosen: OtpSender | undefined;

export function otpSender(): OtpSender {
  chosen ??= senderFromEnvironment();
  return chosen;
}

/** Tests put a recording sender in place of the configured one. */
export function setOtpSender(sender: OtpSender): void {
  chosen = sender;
}
