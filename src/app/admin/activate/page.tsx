import type { Metadata } from "next";
import Link from "next/link";
import { ActivateOperatorForm } from "@/components/admin/operators/activate-operator-form";

export const metadata: Metadata = { title: "Open your operator account" };

export default function AdminActivatePage() {
  return (
    <main className="page narrow stack">
      <h1 className="brand">Open your operator account</h1>
      <p className="muted">
        Two operators approved you: each gave you a code. Enter both and choose a password that only
        you know.
      </p>
      <div className="card">
        <ActivateOperatorForm />
      </div>
      <p className="small muted">
        Already have an account? <Link href="/admin/login">Sign in</Link>
      </p>
    </main>
  );
}
