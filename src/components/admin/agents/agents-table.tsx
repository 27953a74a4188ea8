"use client";

import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import styles from "../shared/admin.module.css";
import { PagesFooter } from "../shared/pages-footer";
import { AgentRows } from "./agent-rows";
import { useAgentPages } from "./use-agent-pages";

export function AgentsTable() {
  const agents = useAgentPages();
  const rows = agents.data?.pages.flat() ?? [];

  if (agents.isPending) return <AgentsSkeleton />;
  if (!agents.data) {
    return (
      <div className="stack">
        <ErrorNote error={agents.error} />
        <Button onClick={() => void agents.refetch()}>Try again</Button>
      </div>
    );
  }
  if (rows.length === 0) {
    return (
      <p className="muted center" data-testid="agents-empty">
        No agents yet. Onboard the first shop with &ldquo;Onboard agent&rdquo;.
      </p>
    );
  }
  return (
    <div className="stack">
      <table className={styles.table} data-testid="agents-table">
        <thead>
          <tr>
            <th scope="col">Shop</th>
            <th scope="col">Owner</th>
            <th scope="col">Location</th>
            <th scope="col">Status</th>
            <th scope="col" className={styles.num}>
              Float
            </th>
            <th scope="col" className={styles.num}>
              Commission
            </th>
            <th scope="col" className={styles.num}>
              Last 7 days
            </th>
            <th scope="col">Onboarded</th>
            <th scope="col" className={styles.num}>
              Actions
            </th>
          </tr>
        </thead>
        {rows.map((agent) => (
          <AgentRows key={agent.id} agent={agent} />
        ))}
      </table>
      <PagesFooter pages={agents} count={rows.length} noun={["agent", "agents"]} />
    </div>
  );
}

function AgentsSkeleton() {
  return (
    <div className="stack" role="status" aria-busy aria-label="Loading agents">
      <div className="skeleton" style={{ height: "2rem" }} />
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="skeleton" style={{ height: "3rem" }} />
      ))}
    </div>
  );
}
