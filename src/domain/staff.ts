/**
 * Shop assistants: people a shop's owner adds to serve at the counter on the shop's float.
 * The cap keeps a shop's counter a shop's (and bounds what one owner can hand out); the
 * database enforces the same number (trigger shop_assistants_limit, migration
 * shop_assistants).
 */
export const MAX_ACTIVE_ASSISTANTS = 10;

export type AssistantStatus = "ACTIVE" | "SUSPENDED";
