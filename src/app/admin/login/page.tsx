import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/ui/sign-in-form";
import { getSession } from "@/lib/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function AdminLoginPage() {
  // An operator who is already signed in has no business on the sign-in form.
  if ((await getSession())?.user.role === "ADMIN") redirect("/admin");
  return (
    <main className="page narrow stack">
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
