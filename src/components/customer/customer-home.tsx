"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSession } from "next-auth/react";
import { ErrorNote } from "@/components/ui/error-note";
import { useTRPC } from "@/lib/trpc";
import { ActivityList, useActivity } from "./activity-list";
import { CustomerShell } from "./customer-shell";
import { OpenOrderBanner } from "./open-order-banner";
import { HomeTopBar } from "./top-bar";
import { WalletCard, WalletCardSkeleton } from "./wallet-card";

export function CustomerHome() {
  const trpc = useTRPC();
  const { data: session } = useSession();
  const overview = useQuery(trpc.customer.overview.queryOptions());
  const activity = useActivity();
  const wallet = overview.data?.wallets[0];

  return (
    <CustomerShell bar={<HomeTopBar name={overview.data?.name ?? session?.user.name ?? null} />}>
      <OpenOrderBanner rows={activity.data?.pages[0] ?? []} />
      {overview.isPending ? <WalletCardSkeleton /> : null}
      <ErrorNote error={overview.error} />
      {wallet ? <WalletCard wallet={wallet} /> : null}
      {overview.data && !wallet ? (
        <p className="alert warn">Your wallet is not open yet. Please call ProxyPay support.</p>
      ) : null}
      <div className="grid-2">
        <Link className="button primary big" href="/customer/new?type=CASH_IN">
          Cash in
        </Link>
        <Link className="button primary big" href="/customer/new?type=CASH_OUT">
          Cash out
        </Link>
      </div>
      <p className="small muted center">Cash in or out at any ProxyPay agent shop.</p>
      <ActivityList activity={activity} />
    </CustomerShell>
  );
}
