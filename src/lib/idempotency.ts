"use client";

import { useCallback, useRef } from "react";

/**
 * One idempotency key per user intent: the same key is reused while the person retries the
 * same action (a double tap, a network retry), and a fresh one is drawn after it succeeds.
 */
export function useIdempotencyKey(): { key: () => string; rotate: () => void } {
  const ref = useRef<string | null>(null);
  const key = useCallback(() => {
    ref.current ??= crypto.randomUUID();
    return ref.current;
  }, []);
  const rotate = useCallback(() => {
    ref.current = null;
  }, []);
  return { key, rotate };
}
