import pino, { type Logger } from "pino";
import { serverEnv } from "../config/env";
import { currentRequestId } from "./request-context";

/**
 * The server's one logger: JSON lines on stdout, one object per event, with the request
 * id of the request being served (request-context.ts). Never log request inputs or
 * headers: PINs, passwords, one-time codes, order tokens and cookies travel in them. The
 * redaction below is the second net for a careless `log.error({ input })`, not the first.
 */
const REDACT = [
  "pin",
  "newPin",
  "password",
  "token",
  "otp",
  "secret",
  "cookie",
  "authorization",
  "input",
  "headers",
  "*.pin",
  "*.newPin",
  "*.password",
  "*.token",
  "*.otp",
  "*.secret",
  "*.cookie",
  "*.authorization",
  "*.input",
  "*.headers",
];

const KEY = Symbol.for("proxypay.logger");
const holder = globalThis as unknown as { [KEY]?: Logger };

/** Kept on globalThis so every route bundle writes through the same logger. */
export function log(): Logger {
  holder[KEY] ??= createLogger(serverEnv().LOG_LEVEL);
  return holder[KEY];
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT, censor: "[redacted]" },
    mixin() {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
