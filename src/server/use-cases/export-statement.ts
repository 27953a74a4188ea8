import { DomainError } from "@/domain/errors";
import { CURRENCY_EXPONENTS, isCurrencyCode } from "@/domain/money";
import { inTransaction } from "../db/transaction";
import { appendAudit } from "../repositories/audit";
import { accountInfo, statementLines } from "../repositories/statements";
import type { Actor } from "./actor";

const BATCH = 1_000;

/** Minor units as a plain decimal for spreadsheets: 125050 KES -> "1250.50". */
function decimal(amount: bigint, currency: string): string {
  const exponent = isCurrencyCode(currency) ? CURRENCY_EXPONENTS[currency] : 2;
  if (exponent === 0) return amount.toString();
  const abs = amount < 0n ? -amount : amount;
  const scale = 10n ** BigInt(exponent);
  return `${amount < 0n ? "-" : ""}${abs / scale}.${(abs % scale).toString().padStart(exponent, "0")}`;
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break; formulas defused. */
function field(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * A whole account statement as CSV lines, oldest first, read in batches so memory stays
 * flat however long the history. The export itself is audited.
 */
export async function* statementCsv(actor: Actor, accountId: bigint): AsyncGenerator<string> {
  const account = await inTransaction(async (tx) => {
    const found = await accountInfo(tx, accountId);
    if (!found) throw new DomainError("NOT_FOUND", "noSuchAccount");
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "statement.export",
      entityType: "account",
      entityId: accountId.toString(),
      ip: actor.ip,
    });
    return found;
  });
  yield "posting_id,entry_id,time,kind,description,order_id,order_reference,bank_reference,currency,amount,balance_after\r\n";
  let after = 0n;
  for (;;) {
    const rows = await inTransaction((tx) =>
      statementLines(tx, accountId, { limit: BATCH, afterId: after }),
    );
    for (const r of rows) {
      yield `${[
        r.id.toString(),
        r.entry_id.toString(),
        r.created_at.toISOString(),
        r.kind,
        field(r.description),
        r.order_id ?? "",
        r.order_reference ?? "",
        field(r.external_ref ?? ""),
        account.currency,
        decimal(r.amount, account.currency),
        decimal(r.balance_after, account.currency),
      ].join(",")}\r\n`;
    }
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]!.id;
  }
}
