// Kept apart from settings.ts (and its zod schemas) so that screens can name the default
// plan without shipping the schemas to the browser.

/** Every settings version has this plan; an agent on a plan a version lacks is paid by it. */
export const DEFAULT_PLAN = "STANDARD";

/** Plan codes as stored on agents and as keys of the settings' commissionPlans. */
export const PLAN_CODE = /^[A-Z][A-Z0-9_]{1,23}$/;

/**
 * The order plans are listed in: STANDARD first, then by code. (PostgreSQL's jsonb keeps an
 * object's keys in its own order, not the order they were written in.)
 */
export function planOrder(a: string, b: string): number {
  if (a === b) return 0;
  if (a === DEFAULT_PLAN) return -1;
  if (b === DEFAULT_PLAN) return 1;
  return a < b ? -1 : 1;
}
