import type { Metadata } from "next";
import Link from "next/link";
import { LeaveIfOperator } from "@/components/admin/leave-if-operator";
import { SignInForm } from "@/components/ui/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default function AdminLoginPage() {
  return (
    <main className="page narrow stack">
      <LeaveIfOperator />
      <h1 className="brand">ProxyPay operators</h1>
      <p className="muted">Sign in with your operator phone number and password.</p>
      <div className="card">
        <SignInForm audience="admin" next="/admin" secretLabel="Password" />
      </div>
      <p className="small muted">
        Not an operator? <Link href="/">Back to ProxyPay</Link>
      </p>
    </main>
  );
}
