"use client";

import { useTranslations } from "next-intl";
import { PagedTable } from "../shared/data-table";
import { AgentRows, useAgentColumns } from "./agent-rows";
import { useAgentPages } from "./use-agent-pages";

export function AgentsTable() {
  const t = useTranslations("admin.agents.list");
  return (
    <PagedTable
      pages={useAgentPages()}
      label={t("loading")}
      testId="agents"
      columns={useAgentColumns()}
      empty={t("empty")}
      noun={(count) => t("count", { count })}
    >
      {(rows) => rows.map((agent) => <AgentRows key={agent.id} agent={agent} />)}
    </PagedTable>
  );
}
