import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ErrorNote } from "@/components/ui/error-note";
import { RefreshOnReturn } from "@/components/ui/refresh-on-return";
import { TryAgainButton } from "@/components/ui/try-again-button";
import { getSession, serverCaller } from "@/lib/session";
import { ActivityList } from "./activity-list";
import { CustomerShell } from "./customer-shell";
import { OpenOrderBanner } from "./open-order-banner";
import { HomeTopBar } from "./top-bar";
import { WalletCard } from "./wallet-card";

const PAGE_SIZE = 10;

/**
 * The wallet home, rendered on the server with its figures: the balance, the recent orders
 * and the Cash in / Cash out actions arrive in the first response, and the page needs no API
 * client to show them (a phone on a slow line can act as soon as the page's scripts run).
 */
export async function CustomerHome() {
  const t = await getTranslations("customer.home");
  const session = await getSession();
  const caller = await serverCaller(session);
  const [overview, activity] = await Promise.allSettled([
    caller.customer.overview(),
    caller.customer.activity({ limit: PAGE_SIZE }),
  ]);
  const failures = [overview, activity].flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
  // The session ended between the gate and here (locked, signed out elsewhere).
  if (failures.some((e) => e instanceof TRPCError && e.code === "UNAUTHORIZED")) {
    redirect("/customer/login");
  }
  const problem = failures[0] ? shownError(failures[0], t("internalError")) : null;
  const renderedAt = Date.now();
  const wallet = overview.status === "fulfilled" ? overview.value.wallets[0] : undefined;
  const rows = activity.status === "fulfilled" ? activity.value : null;

  return (
    <CustomerShell
      bar={
        <HomeTopBar
          name={
            overview.status === "fulfilled" ? overview.value.name : (session?.user.name ?? null)
          }
        />
      }
    >
      <RefreshOnReturn renderId={crypto.randomUUID()} />
      <OpenOrderBanner rows={rows ?? []} renderedAt={renderedAt} />
      {problem ? (
        <div className="stack">
          <ErrorNote error={problem} />
          <TryAgainButton />
        </div>
      ) : null}
      {wallet ? <WalletCard wallet={wallet} /> : null}
      {overview.status === "fulfilled" && !wallet ? (
        <p className="alert warn">{t("notOpen")}</p>
      ) : null}
      <div className="grid-2">
        <Link className="button primary big" href="/customer/new?type=CASH_IN">
          {t("cashIn")}
        </Link>
        <Link className="button primary big" href="/customer/new?type=CASH_OUT">
          {t("cashOut")}
        </Link>
      </div>
      <p className="small muted center">{t("anyAgent")}</p>
      <Link className="small center tap" href="/customer/card">
        {t("cardLink")}
      </Link>
      {rows ? <ActivityList firstPage={rows} pageSize={PAGE_SIZE} renderedAt={renderedAt} /> : null}
    </CustomerShell>
  );
}

/** What the person may read: the server's refusal in its words, never an internal error. */
function shownError(error: unknown, internal: string): { message: string } {
  if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") return error;
  console.error("[customer home]", error);
  return { message: internal };
}
