"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "../shared/notice";
import { AgentsTable } from "./agents-table";
import { MoneyRequestsCard } from "./money-requests-card";
import { OnboardAgentForm } from "./onboard-agent-form";
import { OverchargeReportsCard } from "./overcharge-reports-card";

export function AgentsScreen() {
  const t = useTranslations("admin.agents");
  const [onboarding, setOnboarding] = useState(false);
  const [created, setCreated] = useState<string | null>(null);

  return (
    <>
      <div className="spread">
        <div>
          <h1>{t("title")}</h1>
          <p className="muted small" style={{ margin: 0 }}>
            {t("intro")}
          </p>
        </div>
        <Button
          variant="primary"
          aria-expanded={onboarding}
          onClick={() => {
            setCreated(null);
            setOnboarding(true);
          }}
        >
          {t("onboardButton")}
        </Button>
      </div>

      {created ? (
        <Notice onDismiss={() => setCreated(null)}>{t("onboarded", { shop: created })}</Notice>
      ) : null}

      {onboarding ? (
        <OnboardAgentForm
          onCreated={(shopName) => {
            setOnboarding(false);
            setCreated(shopName);
          }}
          onCancel={() => setOnboarding(false)}
        />
      ) : null}

      <MoneyRequestsCard />

      <section className="card">
        <AgentsTable />
      </section>

      <OverchargeReportsCard />
    </>
  );
}
