"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "../shared/notice";
import { AgentsTable } from "./agents-table";
import { MoneyRequestsCard } from "./money-requests-card";
import { OnboardAgentForm } from "./onboard-agent-form";

export function AgentsScreen() {
  const [onboarding, setOnboarding] = useState(false);
  const [created, setCreated] = useState<string | null>(null);

  return (
    <>
      <div className="spread">
        <div>
          <h1>Agents</h1>
          <p className="muted small" style={{ margin: 0 }}>
            Shops serving cash-in and cash-out, newest first. Record every bank movement with the
            bank&apos;s reference.
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
          Onboard agent
        </Button>
      </div>

      {created ? (
        <Notice onDismiss={() => setCreated(null)}>
          {`${created} is onboarded. The owner can now sign in to the agent app with the phone number and the initial PIN; fund its float before it serves customers.`}
        </Notice>
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
    </>
  );
}
