"use client";

import { PagedTable } from "../shared/data-table";
import { AGENT_COLUMNS, AgentRows } from "./agent-rows";
import { useAgentPages } from "./use-agent-pages";

export function AgentsTable() {
  return (
    <PagedTable
      pages={useAgentPages()}
      label="Loading agents"
      testId="agents"
      columns={AGENT_COLUMNS}
      empty="No agents yet. Onboard the first shop with “Onboard agent”."
      noun={["agent", "agents"]}
    >
      {(rows) => rows.map((agent) => <AgentRows key={agent.id} agent={agent} />)}
    </PagedTable>
  );
}
