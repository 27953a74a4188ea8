import { randomUUID } from "node:crypto";
import { maskPhone } from "@/domain/codes";
import { DomainError } from "@/domain/errors";
import { CODE_TTL_SECONDS, CODES_PER_IP, CODES_PER_PHONE } from "@/domain/phone-codes";
import type { Locale } from "@/i18n/locales";
import { renderError } from "@/i18n/translate";
import { inTransaction } from "../db/transaction";
import { log } from "../observability/log";
import { insertPhoneCode, purgeOldPhoneCodes } from "../repositories/phone-codes";
import { findUserByPhone } from "../repositories/users";
import { newPhoneCode, phoneCodeHash } from "../security/phone-code";
import { otpSender } from "../sms/otp-sender";
import { admitAttempt } from "./failure-limits";

export interface SignUpCodeSent {
  /** Names the code in the next step (the code itself went by SMS). */
  codeId: string;
  expiresAt: Date;
  sentTo: string;
}

/**
 * Step 1 of sign-up: texts a one-time code to the number. The caller cannot tell whether
 * the number already has a wallet: both cases count against the same limits, look the
 * number up, make and store a code hash, send one SMS and answer "we sent a code". Only
 * the SMS differs: a new number gets the code, an existing wallet's owner gets a note that
 * someone tried (and no code, so that sign-up can never complete).
 *
 * The SMS's language: a wallet's owner gets their stored choice (English when they never
 * chose; not the asker's, who may be someone else); a new number gets the language of the
 * screen that asked, since whoever reads the code is the one signing up there.
 */
export async function requestSignUpCode(
  input: { phone: string },
  ip: string | null,
  locale?: Locale,
): Promise<SignUpCodeSent> {
  await admitAttempt(
    [
      { key: `otp:phone:${input.phone}`, policy: CODES_PER_PHONE },
      ...(ip ? [{ key: `otp:ip:${ip}`, policy: CODES_PER_IP }] : []),
    ],
    "tooMany.codesAsked",
  );
  const id = randomUUID();
  const code = newPhoneCode();
  const { expiresAt, exists, ownerLocale } = await inTransaction(async (tx) => {
    const existing = await findUserByPhone(tx, input.phone);
    await purgeOldPhoneCodes(tx);
    const expiresAt = await insertPhoneCode(tx, {
      id,
      phone: input.phone,
      codeHash: phoneCodeHash(id, code),
      ttlSeconds: CODE_TTL_SECONDS,
    });
    return { expiresAt, exists: existing !== null, ownerLocale: existing?.locale ?? null };
  });
  try {
    await otpSender().send(
      input.phone,
      exists
        ? renderError(ownerLocale, "sms.accountExists")
        : renderError(locale, "sms.signUpCode", { code }),
    );
  } catch (error) {
    // The message only: the phone and the text (with its code) stay out of the log.
    log().error(
      { err: { message: error instanceof Error ? error.message : String(error) } },
      "SMS not sent",
    );
    throw new DomainError("SMS_NOT_SENT", "smsNotSent");
  }
  return { codeId: id, expiresAt, sentTo: maskPhone(input.phone) };
}
