// Prints a new Ed25519 key pair for signing receipts (docs/operations.md, "Receipt keys").
// The secret goes into the server's environment only; the public key is what verifiers trust
// and, after a rotation, what RECEIPT_RETIRED_KEYS lists.
//
//   npm run receipts:keygen            key id receipts-<yyyymmdd>
//   npm run receipts:keygen -- live-2  key id of your choice
import { newReceiptKey } from "../src/domain/receipt-keys";
import { RECEIPT_KID_PATTERN } from "../src/domain/receipts";

const kid =
  process.argv[2] ?? `receipts-${new Date().toISOString().slice(0, 10).replaceAll("-", "")}`;
if (!RECEIPT_KID_PATTERN.test(kid) || kid === "dev-1") {
  console.error(`Key id "${kid}": use a-z, 0-9 and -, at most 24 characters, not dev-1`);
  process.exit(2);
}
const { secret, publicKey } = newReceiptKey();
console.log(`RECEIPT_KEY_ID=${kid}`);
console.log(`RECEIPT_SIGNING_KEY=${secret}`);
console.log(`# public key (for RECEIPT_RETIRED_KEYS after the next rotation): ${kid}:${publicKey}`);
