"use client";

import { useRouter } from "next/navigation";
import { useSession } from "next-auth/react";
import { useEffect } from "react";

/** An operator who is already signed in has no business on the sign-in form. */
export function LeaveIfOperator() {
  const { data, status } = useSession();
  const router = useRouter();
  const isOperator = status === "authenticated" && data.user.role === "ADMIN";
  useEffect(() => {
    if (isOperator) router.replace("/admin");
  }, [isOperator, router]);
  return null;
}
