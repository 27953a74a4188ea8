import {
  DEV_RECEIPT_KEY,
  parseReceiptSecret,
  parseRetiredKeys,
  type ReceiptSigningKey,
  receiptKeyList,
} from "@/domain/receipt-keys";
import { type ReceiptFacts, type ReceiptPublicKey, signReceipt } from "@/domain/receipts";
import { type ServerEnv, serverEnv } from "../config/env";

let keysFor: { env: ServerEnv; signing: ReceiptSigningKey; list: ReceiptPublicKey[] } | undefined;

/**
 * The server's receipt key (RECEIPT_SIGNING_KEY named RECEIPT_KEY_ID) and the public keys a
 * verifier trusts. Outside production with no key set, the published development key signs;
 * production refuses to start without its own (src/server/config/env.ts), and refuses here
 * too, so no code path signs a production receipt with the development key.
 */
function receiptKeys() {
  const env = serverEnv();
  if (keysFor?.env === env) return keysFor;
  let signing: ReceiptSigningKey;
  if (env.RECEIPT_SIGNING_KEY && env.RECEIPT_KEY_ID) {
    signing = {
      kid: env.RECEIPT_KEY_ID,
      secret: parseReceiptSecret(env.RECEIPT_SIGNING_KEY),
      development: false,
    };
  } else {
    if (env.production) throw new Error("RECEIPT_SIGNING_KEY and RECEIPT_KEY_ID are required");
    signing = {
      kid: DEV_RECEIPT_KEY.kid,
      secret: parseReceiptSecret(DEV_RECEIPT_KEY.secret),
      development: true,
    };
  }
  const retired = env.RECEIPT_RETIRED_KEYS ? parseRetiredKeys(env.RECEIPT_RETIRED_KEYS) : [];
  keysFor = { env, signing, list: receiptKeyList(signing, retired, env.production) };
  return keysFor;
}

export function signedReceipt(facts: ReceiptFacts): string {
  return signReceipt(facts, receiptKeys().signing);
}

/** What the verify pages carry: public keys only. */
export function receiptPublicKeys(): ReceiptPublicKey[] {
  return receiptKeys().list;
}
