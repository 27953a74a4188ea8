"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { PHONE_PATTERN } from "@/domain/codes";

/**
 * Search filters live in the address, so the browser's back button returns from an order
 * to the same result list, and an operator can paste a search to a colleague.
 */
export function useUrlFilters(onSameSearch?: () => void) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const apply = useCallback(
    (values: Record<string, string | undefined>) => {
      const next = new URLSearchParams();
      for (const [name, value] of Object.entries(values)) {
        if (value) next.set(name, value);
      }
      const query = next.toString();
      // The address would not change, so nothing would load: pressing Search again means
      // "look again", so the caller refreshes instead.
      if (query === params.toString()) {
        onSameSearch?.();
        return;
      }
      router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [router, pathname, params, onSameSearch],
  );
  return { params, apply, key: params.toString() };
}

/** One of the allowed values, or nothing: a hand-edited address must not reach the server. */
export function oneOf<T extends string>(
  value: string | null,
  allowed: readonly T[],
): T | undefined {
  return allowed.find((a) => a === value);
}

/**
 * Operators read numbers off calls and receipts in the local form (0712 345 678); the
 * platform stores them in international form, so the Kenyan local form is converted.
 */
export function normalisePhone(text: string): string | undefined {
  const compact = text.replace(/[\s()-]/g, "");
  const international = /^0\d{9}$/.test(compact) ? `+254${compact.slice(1)}` : compact;
  return PHONE_PATTERN.test(international) ? international : undefined;
}
