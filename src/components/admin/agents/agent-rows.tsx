"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { CodeBadge } from "@/components/ui/status-badge";
import { useTRPC } from "@/lib/trpc";
import styles from "../shared/admin.module.css";
import { type Column, RowPanel } from "../shared/data-table";
import { Notice } from "../shared/notice";
import type { AdminAgent } from "../shared/types";
import { useAdminFormats } from "../shared/use-admin-formats";
import { useRefreshAdmin } from "../shared/use-refresh-admin";
import { DrawerPanel } from "./drawer-panel";
import { LocationForm } from "./location-form";
import { type MoneyMove, MoneyMoveForm } from "./money-move-form";
import { PlanForm } from "./plan-form";
import { SuspendForm } from "./suspend-form";

/** How many columns the agents table has: an open form under a row spans all of them. */
const COLUMN_COUNT = 8;

/** The agents table's headings, in the screen's language. */
export function useAgentColumns(): readonly Column[] {
  const t = useTranslations("admin.agents.columns");
  return [
    // The shop's place goes under its name: one column fewer lets the name stay on one line.
    { label: t("shop") },
    { label: t("owner") },
    { label: t("status") },
    { label: t("float"), num: true },
    { label: t("commission"), num: true },
    { label: t("week"), num: true },
    { label: t("onboarded") },
    { label: t("actions"), num: true },
  ];
}

type Panel = MoneyMove | "SUSPEND" | "PLAN" | "LOCATION" | "DRAWER";

const MONEY_MOVES: MoneyMove[] = ["FUND_FLOAT", "DEFLOAT", "PAY_COMMISSION"];

/**
 * One agent: its row, and under it the one form the operator opened for it (or what the
 * last action did). A tbody of its own keeps the form with its agent.
 */
export function AgentRows({ agent }: { agent: AdminAgent }) {
  const t = useTranslations("admin.agents.row");
  const tMoves = useTranslations("admin.agents.moves");
  const format = useAdminFormats();
  const trpc = useTRPC();
  const refresh = useRefreshAdmin();
  const [panel, setPanel] = useState<Panel | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const reactivate = useMutation(
    trpc.admin.reactivateAgent.mutationOptions({
      onSuccess: async () => {
        await refresh();
        setNotice(t("reactivated", { shop: agent.shopName }));
      },
    }),
  );

  function open(next: Panel) {
    setNotice(null);
    reactivate.reset();
    setPanel((current) => (current === next ? null : next));
  }

  function done(message: string) {
    setPanel(null);
    setNotice(message);
  }

  const suspended = agent.status === "SUSPENDED";
  const hasPanel = panel !== null || notice !== null || reactivate.error !== null;

  return (
    <tbody data-testid="agent-row">
      <tr>
        <td className={styles.shopCell}>
          <strong>{agent.shopName}</strong>
          <div className="small muted">{agent.locationText}</div>
          {/* Where an operator goes next about this shop: its orders and its books. */}
          <div className={`small ${styles.agentLinks}`}>
            <Link href={`/admin/orders?agent=${agent.id}`}>{t("orders")}</Link>
            {agent.floatAccountId !== null ? (
              <Link href={`/admin/ledger/accounts/${agent.floatAccountId}`}>
                {t("floatStatement")}
              </Link>
            ) : null}
            {agent.commissionAccountId !== null ? (
              <Link href={`/admin/ledger/accounts/${agent.commissionAccountId}`}>
                {t("commissionStatement")}
              </Link>
            ) : null}
          </div>
        </td>
        <td>
          {agent.ownerName}
          <div className={`muted small ${styles.nowrap}`}>{agent.ownerPhone}</div>
        </td>
        <td>
          {suspended ? (
            <>
              <CodeBadge group="accountStatus" code={"SUSPENDED"} />
              {agent.suspendedReason ? (
                <div className={`small ${styles.reason}`}>{agent.suspendedReason}</div>
              ) : null}
            </>
          ) : (
            <CodeBadge group="accountStatus" code={"ACTIVE"} />
          )}
          <div className="small muted" data-testid="overcharge-count">
            {t("overchargeReports", { count: agent.overchargeReports })}
            {agent.overchargeFlagged ? (
              <>
                {" "}
                <span className="badge tone-problem">{t("overchargeFlagged")}</span>
              </>
            ) : null}
          </div>
        </td>
        <td className={styles.num}>
          <Money amount={agent.float} currency={agent.currency} />
          {/* The shop's alerts, as its tablet shows them (thresholds: its own or the default). */}
          {agent.lowFloat ? (
            <div>
              <span className="badge tone-problem" data-testid="low-float">
                {t("lowFloat")}
              </span>
            </div>
          ) : null}
          {agent.cashOnHand !== null ? (
            <div className="small muted">
              {t.rich("cash", {
                money: () => <Money amount={agent.cashOnHand ?? 0n} currency={agent.currency} />,
              })}
            </div>
          ) : null}
          {agent.lowCash ? (
            <div>
              <span className="badge tone-problem" data-testid="low-cash">
                {t("lowCash")}
              </span>
            </div>
          ) : null}
        </td>
        <td className={styles.num}>
          <Money amount={agent.commission} currency={agent.currency} />
          <div className="small muted">{t("plan", { plan: agent.commissionPlanName })}</div>
        </td>
        <td className={styles.num}>
          <Money amount={agent.weekVolume} currency={agent.currency} />
          <div className="small muted">{t("orderCount", { count: agent.weekOrders })}</div>
        </td>
        <td className={styles.nowrap}>{format.day(agent.createdAt)}</td>
        <td>
          <div className={styles.actions}>
            {MONEY_MOVES.map((move) => (
              <Button
                key={move}
                className={styles.tableButton}
                aria-expanded={panel === move}
                onClick={() => open(move)}
              >
                {tMoves(`${move}.label`)}
              </Button>
            ))}
            <Button
              className={styles.tableButton}
              aria-expanded={panel === "PLAN"}
              onClick={() => open("PLAN")}
            >
              {t("planButton")}
            </Button>
            <Button
              className={styles.tableButton}
              aria-expanded={panel === "LOCATION"}
              onClick={() => open("LOCATION")}
            >
              {t("locationButton")}
            </Button>
            <Button
              className={styles.tableButton}
              aria-expanded={panel === "DRAWER"}
              onClick={() => open("DRAWER")}
            >
              {t("drawerButton")}
            </Button>
            {suspended ? (
              <Button
                className={styles.tableButton}
                busy={reactivate.isPending}
                onClick={() => {
                  setPanel(null);
                  setNotice(null);
                  reactivate.mutate({ agentId: agent.id });
                }}
              >
                {t("reactivate")}
              </Button>
            ) : (
              <Button
                className={styles.tableButton}
                aria-expanded={panel === "SUSPEND"}
                onClick={() => open("SUSPEND")}
              >
                {t("suspend")}
              </Button>
            )}
          </div>
        </td>
      </tr>
      {hasPanel ? (
        <RowPanel columns={COLUMN_COUNT}>
          {panel === "SUSPEND" ? (
            <div className={styles.panelBox}>
              <SuspendForm agent={agent} onDone={done} onCancel={() => setPanel(null)} />
            </div>
          ) : panel === "DRAWER" ? (
            <div className={styles.panelBox}>
              <DrawerPanel agent={agent} onDone={done} onCancel={() => setPanel(null)} />
            </div>
          ) : panel === "PLAN" ? (
            <div className={styles.panelBox}>
              <PlanForm agent={agent} onDone={done} onCancel={() => setPanel(null)} />
            </div>
          ) : panel === "LOCATION" ? (
            <div className={styles.panelBox}>
              <LocationForm agent={agent} onDone={done} onCancel={() => setPanel(null)} />
            </div>
          ) : panel ? (
            <div className={styles.panelBox}>
              <MoneyMoveForm
                key={panel}
                agent={agent}
                move={panel}
                onDone={done}
                onCancel={() => setPanel(null)}
              />
            </div>
          ) : notice ? (
            <Notice onDismiss={() => setNotice(null)}>{notice}</Notice>
          ) : (
            <ErrorNote error={reactivate.error} />
          )}
        </RowPanel>
      ) : null}
    </tbody>
  );
}
