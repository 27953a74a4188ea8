// Prices are checked so that a round trip of one amount never pays (round-trip.ts). What
// prices cannot rule out, people watch: a customer and an agent who both cash in and cash out
// with each other again and again within a week are listed on the operator's overview.

/** How far back the overview looks for cycling pairs. */
export const CYCLING_WINDOW_DAYS = 7;
/** Completed cash-ins between the same customer and agent in the window, at least. */
export const CYCLING_MIN_CASH_INS = 2;
/** Completed cash-outs between the same customer and agent in the window, at least. */
export const CYCLING_MIN_CASH_OUTS = 2;
/** The overview lists this many pairs, the best-paid agents first. */
export const CYCLING_LIST_LIMIT = 50;
