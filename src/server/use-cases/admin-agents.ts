import { cashOnHand, isLow } from "@/domain/cash-drawer";
import { planOf } from "@/domain/settings";
import { inTransaction } from "../db/transaction";
import { agentsPage, agentVolumes } from "../repositories/admin-agents";
import { openDaysOf } from "../repositories/cash-drawer";
import { overchargeMonthOf } from "../repositories/overcharge";
import { currentSettings } from "../repositories/settings";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The operator's list of shops with their money and last-7-days volume, newest first. */
export async function listAgents(page: {
  limit: number;
  before?: { createdAt: Date; id: string } | undefined;
}) {
  const { rows, volumes, overcharge, settings, drawers } = await inTransaction(async (tx) => {
    const { settings } = await currentSettings(tx);
    const rows = await agentsPage(tx, page.limit, page.before);
    const volumes = await agentVolumes(
      tx,
      rows.map((a) => a.id),
      new Date(Date.now() - WEEK_MS),
      settings.currency,
    );
    const overcharge = await overchargeMonthOf(
      tx,
      rows.map((a) => a.id),
    );
    const drawers = await openDaysOf(
      tx,
      rows.map((a) => a.id),
    );
    return { rows, volumes, overcharge, settings, drawers };
  });
  // Balances and volumes in the operating currency: amounts in different currencies are
  // never added together.
  const currency = settings.currency;
  return rows.map((a) => {
    const week = volumes.find((v) => v.agent_id === a.id);
    const reported = overcharge.find((o) => o.agent_id === a.id);
    const account = (kind: "FLOAT" | "COMMISSION") =>
      a.user.accounts.find((acc) => acc.kind === kind && acc.currency === currency);
    const floatAccount = account("FLOAT");
    // The drawer's cash when a day is open in the operating currency; its alert as the tablet's.
    const drawer = drawers.find((d) => d.agentId === a.id && d.currency === currency);
    const cash = drawer ? cashOnHand(drawer) : null;
    return {
      id: a.id,
      shopName: a.shopName,
      ownerName: a.user.name,
      ownerPhone: a.user.phone,
      locationText: a.locationText,
      status: a.status,
      suspendedReason: a.suspendedReason,
      commissionPlan: a.commissionPlan,
      // The name under today's settings (the plan a version lacks pays as STANDARD).
      commissionPlanName: planOf(settings, a.commissionPlan).name,
      currency,
      float: account("FLOAT")?.balance ?? 0n,
      commission: account("COMMISSION")?.balance ?? 0n,
      // For links to their statements.
      floatAccountId: account("FLOAT")?.id ?? null,
      commissionAccountId: account("COMMISSION")?.id ?? null,
      weekOrders: Number(week?.orders ?? 0n),
      weekVolume: week?.volume ?? 0n,
      // Customers' overcharge reports this calendar month, and whether they flagged the shop.
      overchargeReports: reported?.reports ?? 0,
      overchargeFlagged: reported?.flagged ?? false,
      cashOnHand: cash,
      lowFloat: isLow(
        (floatAccount?.balance ?? 0n) - (floatAccount?.onHold ?? 0n),
        a.lowFloatThreshold ?? settings.liquidity.lowFloat,
      ),
      lowCash: cash !== null && isLow(cash, a.lowCashThreshold ?? settings.liquidity.lowCash),
      createdAt: a.createdAt,
    };
  });
}
