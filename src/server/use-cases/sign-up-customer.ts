import { randomUUID } from "node:crypto";
import { DomainError } from "@/domain/errors";
import { inTransaction } from "../db/transaction";
import { ensureUserAccount } from "../repositories/accounts";
import { currentSettings } from "../repositories/settings";
import { insertUser } from "../repositories/users";
import { hashPin } from "../security/pin";

/** Customers open their own wallet with a phone number and a PIN (DESIGN.md section 5). */
export async function signUpCustomer(input: {
  phone: string;
  pin: string;
  name: string;
}): Promise<{ userId: string }> {
  const pinHash = await hashPin(input.pin);
  return inTransaction(async (tx) => {
    const id = randomUUID();
    const created = await insertUser(tx, {
      id,
      role: "CUSTOMER",
      phone: input.phone,
      name: input.name,
      pinHash,
    });
    if (!created) {
      throw new DomainError(
        "CONFLICT",
        "This phone number already has a ProxyPay account. Sign in instead",
      );
    }
    const { settings } = await currentSettings(tx);
    await ensureUserAccount(tx, id, "WALLET", settings.currency);
    return { userId: id };
  });
}
