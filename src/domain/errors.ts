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

export class DomainError extends Error {
  override readonly name = "DomainError";
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
