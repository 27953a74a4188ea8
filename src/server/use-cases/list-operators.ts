import { inTransaction } from "../db/transaction";

/** Everyone who can act as an operator (bounded: operators are few). */
export async function listOperators() {
  return inTransaction((tx) =>
    tx.user.findMany({
      where: { role: "ADMIN" },
      orderBy: { createdAt: "asc" },
      take: 200,
      select: { id: true, name: true, phone: true, status: true, createdAt: true },
    }),
  );
}
