import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CustomerShell } from "@/components/customer/customer-shell";
import { SignInForm } from "@/components/ui/sign-in-form";
import { getSession } from "@/lib/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function CustomerLoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // The installed app opens on the sign-in page only once: a signed-in customer goes home.
  if ((await getSession())?.user.role === "CUSTOMER") redirect("/customer");
  const { created } = await searchParams;
  return (
    <CustomerShell>
      <h1 className="brand">ProxyPay</h1>
      {created ? (
        <p className="alert ok" role="status">
          Your wallet is ready. Sign in with your phone number and PIN.
        </p>
      ) : (
        <p className="muted">Sign in to your wallet with your phone number and PIN.</p>
      )}
      <SignInForm audience="customer" next="/customer" />
      <p className="center">
        New to ProxyPay? <Link href="/customer/signup">Create a wallet</Link>
      </p>
      <p className="center small">
        <Link className="tap" href="/">
          Back to the start page
        </Link>
      </p>
    </CustomerShell>
  );
}
