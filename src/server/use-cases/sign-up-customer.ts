import { randomUUID } from "node:crypto";
import { DomainError } from "@/domain/errors";
import { TICKET_TTL_SECONDS } from "@/domain/phone-codes";
import { inTransaction } from "../db/transaction";
import { ensureUserAccount } from "../repositories/accounts";
import { spendTicket } from "../repositories/phone-codes";
import { currentSettings } from "../repositories/settings";
import { insertUser } from "../repositories/users";
import { ticketHash } from "../security/phone-code";
import { hashPin } from "../security/pin";

/**
 * Step 3 of sign-up: customers open their own wallet on a phone number they proved with a
 * one-time code (the ticket from verifySignUpCode), with a name and a PIN (docs/security.md,
 * "Sign-up and enumeration"). The ticket is spent in the same transaction as the wallet is opened.
 */
export async function signUpCustomer(input: {
  ticket: string;
  pin: string;
  name: string;
}): Promise<{ userId: string }> {
  return inTransaction(async (tx) => {
    const phone = await spendTicket(tx, ticketHash(input.ticket), TICKET_TTL_SECONDS);
    if (!phone) {
      throw new DomainError("WRONG_CODE", "signUpExpired");
    }
    // Hashed only once the ticket is good: a made-up ticket costs no argon2 time (this
    // call has no rate limit of its own; the code step before it has).
    const pinHash = await hashPin(input.pin);
    const id = randomUUID();
    const created = await insertUser(tx, {
      id,
      role: "CUSTOMER",
      phone,
      name: input.name,
      pinHash,
    });
    // Reachable only with the code texted to this number, i.e. by its holder (the owner of
    // an existing wallet is sent no code), so saying so reveals nothing to a stranger.
    if (!created) {
      throw new DomainError("CONFLICT", "phoneHasAccountSignIn");
    }
    const { settings } = await currentSettings(tx);
    await ensureUserAccount(tx, id, "WALLET", settings.currency);
    return { userId: id };
  });
}
