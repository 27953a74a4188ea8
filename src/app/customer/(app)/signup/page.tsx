import type { Metadata } from "next";
import Link from "next/link";
import { CustomerShell } from "@/components/customer/customer-shell";
import { SignUpForm } from "@/components/customer/sign-up-form";

export const metadata: Metadata = { title: "Create a wallet" };

export default function CustomerSignUpPage() {
  return (
    <CustomerShell>
      <h1 className="brand">ProxyPay</h1>
      <p className="muted">
        Create a wallet with your phone number. You will use the PIN to sign in and to approve
        cash-outs.
      </p>
      <SignUpForm />
      <p className="center">
        Already have a wallet? <Link href="/customer/login">Sign in</Link>
      </p>
    </CustomerShell>
  );
}
