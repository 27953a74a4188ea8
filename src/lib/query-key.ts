import type { QueryKey } from "@tanstack/react-query";

/**
 * TanStack Query hashes keys with JSON.stringify, which throws on bigint; amounts in inputs
 * are bigint. Same idea as its default hash (sorted object keys), with bigint spelled out.
 */
export function hashBigIntKey(key: QueryKey): string {
  return JSON.stringify(key, (_, value: unknown) => {
    if (typeof value === "bigint") return { $bigint: value.toString() };
    if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
      const record = value as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(record)
          .sort()
          .map((k) => [k, record[k]]),
      );
    }
    return value;
  });
}

/** Network glitches and 5xx are worth one more try; a 4xx refusal is an answer. */
export function retryUnlessRefused(failureCount: number, error: unknown): boolean {
  const status =
    error && typeof error === "object" && "data" in error
      ? (error as { data?: { httpStatus?: unknown } | null }).data?.httpStatus
      : undefined;
  if (typeof status === "number" && status >= 400 && status < 500) return false;
  return failureCount < 2;
}
