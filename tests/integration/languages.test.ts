import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { handleTrpcRequest } from "../../src/server/api/http";
import { requestLocale } from "../../src/server/api/request-locale";
import { statementDownload } from "../../src/server/api/statement-download";
import { authorizeCredentials } from "../../src/server/auth/options";
import { setUserLocale } from "../../src/server/repositories/users";
import type { Actor } from "../../src/server/use-cases/actor";
import { requestSignUpCode } from "../../src/server/use-cases/request-sign-up-code";
import { key, lastSmsTo, newCustomer, uniquePhone } from "./helpers";

// Refusals come back in the caller's language over real HTTP: the context is built from the
// request's headers exactly as src/app/api/trpc/[trpc]/route.ts builds it (the device's
// pp_locale cookie, else Accept-Language), and the words come from messages/*/errors.json.

interface ErrorBody {
  error?: { json: { message: string; data: { reason: string | null; domainCode: string | null } } };
}

/** Fixed-width spaces of French and others as plain spaces: what a reader sees. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

async function post(actor: Actor | null, path: string, input: unknown, headers: HeadersInit) {
  const req = new Request(`http://localhost/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: superjson.stringify(input),
  });
  const res = await handleTrpcRequest(req, async () => ({
    actor,
    ip: "127.0.0.1",
    locale: requestLocale(req.headers),
  }));
  const body = (await res.json()) as ErrorBody;
  return { status: res.status, ...body.error!.json };
}

describe("refusals in the caller's language", () => {
  it("answers a short wallet in Kiswahili (Accept-Language) and French (cookie), money per language", async () => {
    const customer = await newCustomer(150_000n);
    const input = { type: "CASH_OUT", amount: 500_000n, currency: "KES", idempotencyKey: key() };

    const sw = await post(customer.actor, "customer.createOrder", input, {
      "accept-language": "sw-KE,sw;q=0.9,en;q=0.5",
    });
    expect(sw.status).toBe(422);
    expect(sw.data.domainCode).toBe("INSUFFICIENT_BALANCE");
    expect(sw.data.reason).toBe("cashOutShort");
    expect(plain(sw.message)).toMatch(
      /^Una KES 1,500\.00 zinazopatikana; kutoa pesa huku kunahitaji KES 5,\d{3}\.\d\d pamoja na ada$/,
    );

    const fr = await post(
      customer.actor,
      "customer.createOrder",
      { ...input, idempotencyKey: key() },
      // The device's choice wins over the browser's languages.
      { cookie: "pp_locale=fr", "accept-language": "sw" },
    );
    expect(fr.data.reason).toBe("cashOutShort");
    expect(plain(fr.message)).toMatch(
      /^Vous avez 1 500,00 KES disponibles ; ce retrait demande 5 \d{3},\d\d KES, frais compris$/,
    );

    // No language asked for: the English words, exactly as before.
    const en = await post(
      customer.actor,
      "customer.createOrder",
      { ...input, idempotencyKey: key() },
      {},
    );
    expect(en.message).toMatch(
      /^You have KES 1,500\.00 available; this cash-out needs KES 5,\d{3}\.\d\d including the fee$/,
    );
  });

  it("words the API's own refusals and input checks in the caller's language", async () => {
    const signedOut = await post(null, "customer.createOrder", {}, { cookie: "pp_locale=fr" });
    expect(signedOut.status).toBe(401);
    expect(signedOut.message).toBe("Veuillez vous connecter");
    expect(signedOut.data.reason).toBe("access.signIn");

    const customer = await newCustomer();
    const bad = await post(
      customer.actor,
      "customer.createOrder",
      { type: "CASH_IN", amount: 0n, currency: "KES", idempotencyKey: key() },
      { "accept-language": "zh-CN,zh;q=0.9" },
    );
    expect(bad.status).toBe(400);
    expect(bad.message).toBe("amount: 金额必须大于零");
    expect(bad.data.reason).toBe("input.amountPositive");
  });

  it("words a download's refusal in the request's language", async () => {
    const res = await statementDownload(
      new Request("http://localhost/api/admin/statement?accountId=1", {
        headers: { "accept-language": "sw" },
      }),
      null,
    );
    expect(res.status).toBe(401);
    expect(await res.text()).toBe("Tafadhali ingia");
  });

  it("words sign-in refusals in the sign-in request's language", async () => {
    const customer = await newCustomer();
    const locale = requestLocale({ cookie: "pp_locale=fr", "accept-language": "en" });
    await expect(
      authorizeCredentials(
        { phone: customer.phone, pin: "9999", audience: "customer" },
        null,
        null,
        locale,
      ),
    ).rejects.toThrow(/^Numéro de téléphone ou code PIN incorrect$/);
    await expect(
      authorizeCredentials(
        { phone: customer.phone, pin: "1234", audience: "agent" },
        null,
        null,
        "sw",
      ),
    ).rejects.toThrow(/^Akaunti hii inaingia kupitia \/customer, si hapa$/);
  });
});

describe("SMS in the recipient's language", () => {
  it("texts a new number in the asking screen's language, an owner in their stored one", async () => {
    const fresh = uniquePhone();
    await requestSignUpCode({ phone: fresh }, null, "fr");
    expect(lastSmsTo(fresh)).toMatch(/^\d{6} est votre code ProxyPay pour ouvrir un portefeuille/);

    const owner = await newCustomer();
    await setUserLocale(null, owner.userId, "sw");
    // The asker's screen is French; the owner chose Kiswahili and reads their own language.
    await requestSignUpCode({ phone: owner.phone }, null, "fr");
    expect(lastSmsTo(owner.phone)).toMatch(/^Mtu aliomba kufungua pochi ya ProxyPay/);

    const never = await newCustomer();
    await requestSignUpCode({ phone: never.phone }, null, "zh");
    expect(lastSmsTo(never.phone)).toMatch(/^Someone asked to open a ProxyPay wallet/);
  });
});
