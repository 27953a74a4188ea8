"use client";

import { useTranslations } from "next-intl";
import { endOfDay, startOfDay } from "../shared/types";
import { useRefreshAdmin } from "../shared/use-refresh-admin";
import { oneOf, useUrlFilters } from "../shared/use-url-filters";
import {
  ACTION,
  AuditFilterForm,
  type AuditFilterValues,
  ENTITY_ID,
  ENTITY_TYPES,
  UUID,
} from "./audit-filter-form";
import { AuditTable } from "./audit-table";
import type { AuditSearch } from "./use-audit-pages";

export function AuditScreen() {
  const t = useTranslations("control.audit");
  const refresh = useRefreshAdmin();
  const { params, apply, key } = useUrlFilters(refresh);
  const valid = (name: string, pattern: RegExp) => {
    const value = params.get(name) ?? "";
    return pattern.test(value) ? value : "";
  };
  const values: AuditFilterValues = {
    action: valid("action", ACTION),
    entityType:
      oneOf(
        params.get("entity"),
        ENTITY_TYPES.map((t) => t.value),
      ) ?? "",
    entityId: valid("id", ENTITY_ID),
    actorId: valid("actor", UUID),
    from: startOfDay(params.get("from") ?? "") ? (params.get("from") ?? "") : "",
    to: startOfDay(params.get("to") ?? "") ? (params.get("to") ?? "") : "",
  };
  const search = toSearch(values);

  return (
    <>
      <div>
        <h1>{t("title")}</h1>
        <p className="muted small" style={{ margin: 0 }}>
          {t("intro")}
        </p>
      </div>
      <section className="card">
        <AuditFilterForm
          key={key}
          initial={values}
          onSearch={(v) =>
            apply({
              action: v.action,
              entity: v.entityType,
              id: v.entityId,
              actor: v.actorId,
              from: v.from,
              to: v.to,
            })
          }
          onClear={() => apply({})}
        />
      </section>
      <section className="card">
        <AuditTable search={search} filtered={Object.keys(search).length > 0} />
      </section>
    </>
  );
}

function toSearch(v: AuditFilterValues): AuditSearch {
  const entityType = oneOf(
    v.entityType,
    ENTITY_TYPES.map((t) => t.value),
  );
  const from = startOfDay(v.from);
  const to = endOfDay(v.to);
  return {
    ...(v.action ? { action: v.action } : {}),
    ...(entityType ? { entityType } : {}),
    ...(v.entityId ? { entityId: v.entityId } : {}),
    ...(v.actorId ? { actorId: v.actorId } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}
