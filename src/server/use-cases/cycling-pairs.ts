import {
  CYCLING_LIST_LIMIT,
  CYCLING_MIN_CASH_INS,
  CYCLING_MIN_CASH_OUTS,
  CYCLING_WINDOW_DAYS,
} from "@/domain/cycling";
import { inTransaction } from "../db/transaction";
import { cyclingPairs } from "../repositories/cycling-pairs";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Customer–agent pairs that both cash in and cash out with each other within the window: the
 * pattern of two people cycling money to earn commission, for an operator to look into.
 */
export async function listCyclingPairs(now = new Date()) {
  const since = new Date(now.getTime() - CYCLING_WINDOW_DAYS * DAY_MS);
  const rows = await inTransaction((tx) =>
    cyclingPairs(tx, {
      since,
      minCashIns: CYCLING_MIN_CASH_INS,
      minCashOuts: CYCLING_MIN_CASH_OUTS,
      limit: CYCLING_LIST_LIMIT,
    }),
  );
  return {
    windowDays: CYCLING_WINDOW_DAYS,
    minCashIns: CYCLING_MIN_CASH_INS,
    minCashOuts: CYCLING_MIN_CASH_OUTS,
    pairs: rows.map((r) => ({
      customer: { id: r.customer_id, name: r.customer_name, phone: r.customer_phone },
      agent: { id: r.agent_id, shopName: r.shop_name },
      currency: r.currency,
      cashIns: Number(r.cash_ins),
      cashOuts: Number(r.cash_outs),
      cashInVolume: r.cash_in_volume,
      cashOutVolume: r.cash_out_volume,
      commission: r.commission,
      lastSeen: r.last_seen,
    })),
  };
}
