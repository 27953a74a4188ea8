import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "@/components/ui/sign-in-form";

export const metadata: Metadata = { title: "Sign in · ProxyPay Agent" };

export default function AgentLoginPage() {
  return (
    <main className="page narrow stack">
      <h1 className="brand">ProxyPay Agent</h1>
      <p className="muted">Sign in with your shop&apos;s agent phone number and PIN.</p>
      <div className="card">
        <SignInForm audience="agent" next="/agent" />
      </div>
      <p className="small muted">
        Not an agent? <Link href="/">Back to ProxyPay</Link>
      </p>
    </main>
  );
}
