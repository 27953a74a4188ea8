import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { type DomainErrorCode, isDomainError } from "@/domain/errors";
import type { Locale } from "@/i18n/locales";
import { type ErrorKey, hasWording, renderError, Wording } from "@/i18n/translate";
import { log } from "../observability/log";

// The one place where domain refusals become HTTP-shaped errors. Every code is a 4xx:
// a refusal is the platform working as designed, never a server failure. The one 503 is an
// SMS gateway that did not take a message: worth retrying, and worth saying in words.
const STATUS: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  INVALID_INPUT: "BAD_REQUEST",
  WRONG_CODE: "BAD_REQUEST",
  WRONG_PIN: "BAD_REQUEST",
  CONFLICT: "CONFLICT",
  ORDER_EXPIRED: "CONFLICT",
  ORDER_ALREADY_HANDLED: "CONFLICT",
  ORDER_NOT_ACTIVE: "CONFLICT",
  IDEMPOTENCY_KEY_REUSED: "UNPROCESSABLE_CONTENT",
  INSUFFICIENT_BALANCE: "UNPROCESSABLE_CONTENT",
  INSUFFICIENT_FLOAT: "UNPROCESSABLE_CONTENT",
  LIMIT_EXCEEDED: "UNPROCESSABLE_CONTENT",
  AGENT_SUSPENDED: "FORBIDDEN",
  ACCOUNT_LOCKED: "FORBIDDEN",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  SMS_NOT_SENT: "SERVICE_UNAVAILABLE",
};

/**
 * A refusal of the API itself (no domain code: not signed in, not for this role), worded
 * from the catalogue so the formatter can answer in the caller's language.
 */
export function apiRefusal(code: TRPC_ERROR_CODE_KEY, key: ErrorKey): TRPCError {
  const cause = new Wording(key);
  return new TRPCError({ code, message: cause.message, cause });
}

/** The words of a tRPC error in a language: its catalogue wording when it has one. */
export function messageOf(error: TRPCError, locale: Locale | undefined): string {
  if (error.code === "INTERNAL_SERVER_ERROR") return renderError(locale, "access.internal");
  return hasWording(error.cause) ? error.cause.messageIn(locale) : error.message;
}

export function toTRPCError(error: unknown): unknown {
  if (isDomainError(error)) {
    return new TRPCError({ code: STATUS[error.code], message: error.message, cause: error });
  }
  return error;
}

/**
 * The same mapping for plain route handlers (downloads): a domain refusal or a TRPCError
 * answers with its status and message, in the request's language; anything else is logged
 * and answered with a generic 500, so internals never reach the browser.
 */
export function errorResponse(error: unknown, locale?: Locale): Response {
  const mapped = toTRPCError(error);
  if (mapped instanceof TRPCError) {
    return new Response(messageOf(mapped, locale), {
      status: getHTTPStatusCodeFromError(mapped),
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  log().error({ err: error }, "route handler failed");
  return new Response(renderError(locale, "access.internalPlain"), {
    status: 500,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}
