import { inTransaction } from "../db/transaction";
import { agentsPage } from "../repositories/ledger-reports";

/** The operator's list of shops with their money, newest first. */
export async function listAgents(page: {
  limit: number;
  before?: { createdAt: Date; id: string } | undefined;
}) {
  const rows = await inTransaction((tx) => agentsPage(tx, page.limit, page.before));
  return rows.map((a) => {
    const balance = (kind: "FLOAT" | "COMMISSION") =>
      a.user.accounts
        .filter((acc) => acc.kind === kind)
        .reduce((sum, acc) => sum + acc.balance, 0n);
    return {
      id: a.id,
      shopName: a.shopName,
      ownerName: a.user.name,
      ownerPhone: a.user.phone,
      locationText: a.locationText,
      status: a.status,
      suspendedReason: a.suspendedReason,
      float: balance("FLOAT"),
      commission: balance("COMMISSION"),
      createdAt: a.createdAt,
    };
  });
}
