import Link from "next/link";

export default function Home() {
  return (
    <main className="page narrow">
      <h1 className="brand">ProxyPay</h1>
      <p className="muted">Cash in and cash out of your wallet at a shop near you.</p>
      <nav className="stack">
        <Link className="button primary" href="/customer">
          I am a customer
        </Link>
        <Link className="button" href="/agent">
          I am an agent
        </Link>
        <Link className="button ghost" href="/admin">
          Operator dashboard
        </Link>
      </nav>
    </main>
  );
}
