import { type ErrorKey, type ErrorParams, Wording } from "@/i18n/translate";

export { money } from "@/i18n/translate";

// Every refusal the platform can give, with words a customer or a shopkeeper understands.
// The tRPC layer maps the code to an HTTP status in one place (src/server/api/errors.ts).
export type DomainErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "INVALID_INPUT"
  | "CONFLICT"
  | "ORDER_EXPIRED"
  | "ORDER_ALREADY_HANDLED"
  | "ORDER_NOT_ACTIVE"
  | "INSUFFICIENT_BALANCE"
  | "INSUFFICIENT_FLOAT"
  | "LIMIT_EXCEEDED"
  | "AGENT_SUSPENDED"
  | "ACCOUNT_LOCKED"
  | "WRONG_CODE"
  | "WRONG_PIN"
  | "IDEMPOTENCY_KEY_REUSED"
  | "RATE_LIMITED"
  | "SMS_NOT_SENT";

/**
 * A refusal names its words by key (messages/<locale>/errors.json) with their parameters, so
 * each caller reads it in their own language (the API renders it late, src/server/api).
 * `message` is the English rendering: logs, scripts and tests read that.
 */
export class DomainError extends Wording {
  override readonly name = "DomainError";
  constructor(
    readonly code: DomainErrorCode,
    key: ErrorKey,
    params: ErrorParams = {},
  ) {
    super(key, params);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
