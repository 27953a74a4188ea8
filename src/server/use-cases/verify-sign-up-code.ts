import { DomainError } from "@/domain/errors";
import { CODE_ATTEMPTS } from "@/domain/phone-codes";
import { inTransaction } from "../db/transaction";
import { markCodeVerified, spendCodeAttempt } from "../repositories/phone-codes";
import { newSignUpTicket, phoneCodeMatches, ticketHash } from "../security/phone-code";

const USED_UP = "This code has expired or was used up. Ask for a new code";

/**
 * Step 2 of sign-up: the code from the SMS. Each guess is spent before it is checked, in
 * its own statement (so a wrong guess stays counted). The right code is spent at once and
 * exchanged for a ticket that the last step (name and PIN) spends.
 */
export async function verifySignUpCode(input: {
  codeId: string;
  code: string;
}): Promise<{ ticket: string }> {
  const attempt = await inTransaction((tx) => spendCodeAttempt(tx, input.codeId, CODE_ATTEMPTS));
  if (!attempt) throw new DomainError("WRONG_CODE", USED_UP);
  if (!phoneCodeMatches(attempt.codeHash, input.codeId, input.code)) {
    const left = CODE_ATTEMPTS - attempt.attempts;
    throw new DomainError(
      "WRONG_CODE",
      left > 0
        ? `That code is not right. ${left === 1 ? "1 try" : `${left} tries`} left`
        : "That code is not right. Ask for a new code",
    );
  }
  const ticket = newSignUpTicket();
  const marked = await inTransaction((tx) =>
    markCodeVerified(tx, input.codeId, ticketHash(ticket)),
  );
  if (!marked) throw new DomainError("WRONG_CODE", USED_UP);
  return { ticket };
}
