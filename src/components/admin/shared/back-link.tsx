"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";

/**
 * Back to where the operator came from (a filtered search, the reversals queue), keeping
 * its filters; a page opened fresh in a new tab has no history, so it goes to `fallback`.
 */
export function BackLink({ fallback, children }: { fallback: string; children: string }) {
  const router = useRouter();
  return (
    <Link
      href={fallback}
      className="small"
      onClick={(event) => {
        if (window.history.length > 1) {
          event.preventDefault();
          router.back();
        }
      }}
    >
      ← {children}
    </Link>
  );
}
