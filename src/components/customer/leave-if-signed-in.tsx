"use client";

import { useRouter } from "next/navigation";
import { useSession } from "next-auth/react";
import { useEffect } from "react";

/** The installed app opens on the sign-in page only once: a signed-in customer goes home. */
export function LeaveIfSignedIn() {
  const { data, status } = useSession();
  const router = useRouter();
  const isCustomer = status === "authenticated" && data.user.role === "CUSTOMER";
  useEffect(() => {
    if (isCustomer) router.replace("/customer");
  }, [isCustomer, router]);
  return null;
}
