"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/lib/trpc";
import { useMoment } from "../audit/use-moment";
import { ActorLabel } from "../shared/actor-label";
import styles from "../shared/admin.module.css";
import { LoadFailed, TableSkeleton } from "../shared/load-states";
import { Notice } from "../shared/notice";
import type { SettingsVersion } from "../shared/types";
import { useRefreshAdmin } from "../shared/use-refresh-admin";
import { SettingsForm } from "./settings-form";
import { SettingsHistory } from "./settings-history";

/** Versions listed in the history; the form always starts from the newest. */
const HISTORY = 10;

export function SettingsScreen() {
  const t = useTranslations("control.settings");
  return (
    <>
      <div>
        <h1>{t("title")}</h1>
        <p className="muted small" style={{ margin: 0 }}>
          {t("intro")}
        </p>
      </div>
      <Settings />
    </>
  );
}

function Settings() {
  const t = useTranslations("control.settings");
  const trpc = useTRPC();
  const history = useQuery(trpc.admin.settings.queryOptions({ limit: HISTORY }));

  if (history.isPending) {
    return (
      <section className="card stack" aria-busy aria-label={t("loading")}>
        <div className="skeleton" style={{ height: "2rem", width: "40%" }} />
        <div className="skeleton" style={{ height: "18rem" }} />
        <TableSkeleton label={t("loadingHistory")} rows={2} />
      </section>
    );
  }
  if (!history.data || history.data.length === 0) {
    return (
      <section className="card stack">
        <LoadFailed
          error={history.error}
          busy={history.isFetching}
          onRetry={() => void history.refetch()}
        />
      </section>
    );
  }
  return <SettingsEditor history={history.data} />;
}

function SettingsEditor({ history }: { history: SettingsVersion[] }) {
  const t = useTranslations("control.settings");
  const { moment } = useMoment();
  const refresh = useRefreshAdmin();
  const latest = history[0]!;
  // Pinned to the version the form was opened on: a refetch that brings someone else's
  // save must not silently swap the values under the operator's typing.
  const [baseVersion, setBaseVersion] = useState(latest.version);
  const [saved, setSaved] = useState<number | null>(null);
  const base = history.find((v) => v.version === baseVersion) ?? latest;
  const overtaken = latest.version !== base.version;

  return (
    <>
      {saved !== null ? (
        <Notice onDismiss={() => setSaved(null)}>{t("saved", { version: saved })}</Notice>
      ) : null}
      {overtaken ? (
        <div className="alert warn spread" role="alert">
          <span>
            {t.rich("overtaken", {
              latest: latest.version,
              when: moment(latest.createdAt),
              base: base.version,
              actor: () => <ActorLabel id={latest.createdBy} />,
            })}
          </span>
          <Button className={styles.nowrap} onClick={() => setBaseVersion(latest.version)}>
            {t("startAgain", { version: latest.version })}
          </Button>
        </div>
      ) : null}
      <section className="card stack" data-testid="settings-current">
        <div className="spread">
          <h2 style={{ margin: 0 }}>{t("version", { version: base.version })}</h2>
          <span className="muted small">
            {t.rich("savedBy", {
              when: moment(base.createdAt),
              actor: () => <ActorLabel id={base.createdBy} />,
            })}
          </span>
        </div>
        <SettingsForm
          key={base.version}
          base={base}
          onSaved={async (version) => {
            await refresh();
            setBaseVersion(version);
            setSaved(version);
          }}
          // A refusal may mean someone saved meanwhile; fetching shows who and what.
          onRefused={() => {
            setSaved(null);
            void refresh();
          }}
        />
      </section>
      <section className="card stack">
        <h2>{t("history")}</h2>
        <SettingsHistory history={history} editing={base.version} />
      </section>
    </>
  );
}
