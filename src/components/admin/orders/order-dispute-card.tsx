"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Money } from "@/components/ui/money";
import { CodeName } from "@/components/ui/status-badge";
import { ActorLabel } from "../shared/actor-label";
import styles from "../shared/admin.module.css";
import { DisputeBadge } from "../shared/dispute-badge";
import { Fact } from "../shared/fact";
import type { OrderDossier } from "../shared/types";
import { useAdminFormats } from "../shared/use-admin-formats";

/** A party's report of a problem with this order, and what operators decided. */
export function OrderDisputeCard({
  dispute,
  currency,
}: {
  dispute: NonNullable<OrderDossier["dispute"]>;
  currency: string;
}) {
  const t = useTranslations("admin.orders.dispute");
  const format = useAdminFormats();
  const open = dispute.status === "OPEN" || dispute.status === "UPHOLD_REQUESTED";
  return (
    <section className="card stack" aria-labelledby="dispute-title" data-testid="order-dispute">
      <div className="spread">
        <h2 id="dispute-title">{t("title")}</h2>
        <DisputeBadge status={dispute.status} />
      </div>
      {open ? (
        <p className="alert warn" style={{ margin: 0 }}>
          {dispute.status === "UPHOLD_REQUESTED" ? t("upholdRequested") : t("waiting")}{" "}
          <Link href="/admin/disputes">{t("openQueue")}</Link>
        </p>
      ) : null}
      <dl className={styles.facts}>
        <Fact label={t("problem")}>
          <CodeName group="disputeKind" code={dispute.kind} />
        </Fact>
        <Fact label={t("reportedBy")}>
          <CodeName group="disputeParty" code={dispute.party} />
        </Fact>
        <Fact label={t("reported")}>{format.moment(dispute.openedAt)}</Fact>
        <Fact label={dispute.party === "SHOP" ? t("heldWallet") : t("held")}>
          <Money amount={dispute.held} currency={currency} />{" "}
          <span className="muted small">{open ? t("untilDecided") : t("releasedWhenDecided")}</span>
        </Fact>
        <Fact label={t("upholdAskedBy")}>
          {dispute.upholdRequestedBy ? (
            <>
              <ActorLabel id={dispute.upholdRequestedBy} />
              {dispute.upholdRequestedAt ? (
                <div className="muted small">{format.moment(dispute.upholdRequestedAt)}</div>
              ) : null}
            </>
          ) : (
            <span className="muted">{t("nobodyYet")}</span>
          )}
        </Fact>
        <Fact label={dispute.party === "SHOP" ? t("shopNote") : t("customerNote")} wide>
          <span className={styles.reasonCell}>{t("quoted", { note: dispute.note })}</span>
        </Fact>
        {dispute.decidedBy && dispute.decidedAt ? (
          <Fact label={dispute.status === "UPHELD" ? t("upheldBy") : t("rejectedBy")}>
            <ActorLabel id={dispute.decidedBy} />
            <div className="muted small">{format.moment(dispute.decidedAt)}</div>
          </Fact>
        ) : null}
        {dispute.decisionNote ? (
          <Fact label={t("decisionNote")}>{dispute.decisionNote}</Fact>
        ) : null}
      </dl>
    </section>
  );
}
