/**
 * How the phone draws the order QR. Shared with the decoder's test, which proves that every
 * code drawn this way is read by the agent's scanner.
 */
export const ORDER_QR = { size: 260, marginSize: 4, level: "M" } as const;
