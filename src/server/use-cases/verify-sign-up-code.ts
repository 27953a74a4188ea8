import { DomainError } from "@/domain/errors";
import { CODE_ATTEMPTS } from "@/domain/phone-codes";
import { inTransaction } from "../db/transaction";
import { markCodeVerified, spendCodeAttempt } from "../repositories/phone-codes";
import { newSignUpTicket, phoneCodeMatches, ticketHash } from "../security/phone-code";

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
  if (!attempt) throw new DomainError("WRONG_CODE", "codeUsedUp");
  if (!phoneCodeMatches(attempt.codeHash, input.codeId, input.code)) {
    const left = CODE_ATTEMPTS - attempt.attempts;
    throw new DomainError("WRONG_CODE", left > 0 ? "codeWrongTriesLeft" : "codeWrongAskNew", {
      left,
    });
  }
  const ticket = newSignUpTicket();
  const marked = await inTransaction((tx) =>
    markCodeVerified(tx, input.codeId, ticketHash(ticket)),
  );
  if (!marked) throw new DomainError("WRONG_CODE", "codeUsedUp");
  return { ticket };
}
