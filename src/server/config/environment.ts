// Secrets come from the environment; a production server refuses to start without them
// rather than run with a guessable default (DESIGN.md section 5).
export function assertProductionSecrets(): void {
  if (process.env.NODE_ENV !== "production") return;
  const missing: string[] = [];
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret || secret.length < 32) missing.push("NEXTAUTH_SECRET (at least 32 characters)");
  const url = process.env.NEXTAUTH_URL;
  if (!url) missing.push("NEXTAUTH_URL");
  // Session cookies are Secure only over HTTPS; plain HTTP is tolerated for this machine only.
  else if (
    !url.startsWith("https://") &&
    !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(url)
  ) {
    missing.push("an https:// NEXTAUTH_URL (plain http is allowed only for localhost)");
  }
  if (!process.env.DATABASE_URL) missing.push("DATABASE_URL");
  if (!process.env.PIN_PEPPERS) missing.push("PIN_PEPPERS (id:secret, see docs/security.md)");
  // Sign-up codes must reach people: production names its sender, never a silent default.
  // OTP_SENDER=console is accepted for demos and end-to-end runs of the production build
  // (codes then go to the server log only; docs/security.md).
  const sender = process.env.OTP_SENDER;
  if (sender === "http") {
    if (!process.env.SMS_GATEWAY_URL?.startsWith("https://")) {
      missing.push("an https:// SMS_GATEWAY_URL for OTP_SENDER=http");
    }
  } else if (sender !== "console") {
    missing.push("OTP_SENDER (http with SMS_GATEWAY_URL, or console for a demo)");
  }
  if (missing.length > 0) {
    throw new Error(`ProxyPay will not start without: ${missing.join(", ")}`);
  }
}
