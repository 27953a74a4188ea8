"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { CodeBadge } from "@/components/ui/status-badge";
import { useTRPC } from "@/lib/trpc";
import styles from "./agent.module.css";
import { AgentTopBar } from "./agent-top-bar";
import { useFormatWhen } from "./types";

interface Assistant {
  userId: string;
  name: string;
  phone: string;
  status: "ACTIVE" | "SUSPENDED";
  addedAt: Date;
}

/**
 * The owner's page for the shop's people: the assistants who serve on the shop's float, a
 * form to add one (their own phone and PIN), and suspend / reactivate, each confirmed first.
 * Render it inside AgentGate (the page does); the server refuses it to assistants.
 */
export function StaffScreen() {
  const trpc = useTRPC();
  const t = useTranslations("agent.staff");
  const overview = useQuery(trpc.agent.overview.queryOptions());
  const staff = useQuery(trpc.agent.staff.queryOptions());
  const active = staff.data?.assistants.filter((a) => a.status === "ACTIVE").length ?? 0;

  return (
    <>
      <AgentTopBar
        shopName={overview.data?.shopName}
        current="staff"
        isOwner={overview.data?.isOwner ?? false}
      />
      <main className="page stack">
        <div className="spread">
          <h1>{t("title")}</h1>
          <Link href="/agent" className="button ghost">
            {t("back")}
          </Link>
        </div>
        <p className="muted">{t("intro")}</p>

        {staff.isPending ? (
          <section className="card stack" aria-busy aria-label={t("loading")}>
            <div className="skeleton" style={{ height: "3rem" }} />
            <div className="skeleton" style={{ height: "3rem" }} />
          </section>
        ) : !staff.data ? (
          <section className="card stack">
            <ErrorNote error={staff.error} />
            <Button onClick={() => void staff.refetch()}>{t("tryAgain")}</Button>
          </section>
        ) : (
          <>
            <AddAssistantForm full={active >= staff.data.max} />
            <section className="card stack" aria-labelledby="assistants">
              <div className="spread">
                <h2 id="assistants">{t("assistants")}</h2>
                <span className="muted small" data-testid="staff-count">
                  {t("activeOf", { active, max: staff.data.max })}
                </span>
              </div>
              {staff.data.assistants.length === 0 ? (
                <p className="muted center" data-testid="staff-empty">
                  {t("empty")}
                </p>
              ) : (
                <ul className="list" data-testid="staff-list">
                  {staff.data.assistants.map((a) => (
                    <AssistantRow key={a.userId} assistant={a} />
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </main>
    </>
  );
}

function useRefreshStaff() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.agent.staff.queryKey() });
}

/** Name, phone and PIN, then a confirmation naming who will serve on the float. */
function AddAssistantForm({ full }: { full: boolean }) {
  const trpc = useTRPC();
  const t = useTranslations("agent.staff");
  const refresh = useRefreshStaff();
  const [name, setName] = useState("");
  const [phone, setPhone] = useState("");
  const [pin, setPin] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const add = useMutation(
    trpc.agent.addAssistant.mutationOptions({
      onSuccess: () => {
        setAdded(name.trim());
        setName("");
        setPhone("");
        setPin("");
        setConfirming(false);
        void refresh();
      },
      onError: () => setConfirming(false),
    }),
  );

  function review(event: FormEvent) {
    event.preventDefault();
    add.reset();
    setAdded(null);
    setConfirming(true);
  }

  return (
    <section className="card stack" aria-labelledby="add-assistant">
      <h2 id="add-assistant">{t("addTitle")}</h2>
      {full ? <p className="alert">{t("full")}</p> : null}
      {added ? (
        <p className="alert ok" role="status">
          {t("added", { name: added })}
        </p>
      ) : null}
      {confirming ? (
        <div className="stack" data-testid="confirm-add">
          <p>{t("confirmAdd", { name: name.trim(), phone: phone.trim() })}</p>
          <div className="row">
            <Button
              variant="primary"
              busy={add.isPending}
              onClick={() => add.mutate({ name: name.trim(), phone: phone.trim(), pin })}
            >
              {t("confirmAddButton", { name: name.trim() })}
            </Button>
            <Button variant="ghost" disabled={add.isPending} onClick={() => setConfirming(false)}>
              {t("change")}
            </Button>
          </div>
        </div>
      ) : (
        <form className="stack" onSubmit={review}>
          <label className="field">
            {t("name")}
            <input
              name="name"
              value={name}
              maxLength={80}
              autoComplete="off"
              onChange={(e) => setName(e.target.value)}
              required
            />
          </label>
          <label className="field">
            {t("phone")}
            <input
              name="phone"
              type="tel"
              inputMode="tel"
              autoComplete="off"
              placeholder="+2547…"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              required
            />
          </label>
          <label className="field">
            {t("pin")}
            <input
              name="pin"
              type="password"
              inputMode="numeric"
              autoComplete="new-password"
              pattern="\d{4,6}"
              value={pin}
              onChange={(e) => setPin(e.target.value)}
              required
            />
          </label>
          <p className="muted small">{t("pinAdvice")}</p>
          <Button type="submit" variant="primary" disabled={full}>
            {t("add")}
          </Button>
        </form>
      )}
      <ErrorNote error={add.error} />
    </section>
  );
}

/** One assistant: who, since when, and suspend or reactivate after a confirmation. */
function AssistantRow({ assistant }: { assistant: Assistant }) {
  const trpc = useTRPC();
  const t = useTranslations("agent.staff");
  const formatWhen = useFormatWhen();
  const refresh = useRefreshStaff();
  const [confirming, setConfirming] = useState(false);
  const options = {
    onSuccess: () => {
      setConfirming(false);
      void refresh();
    },
  };
  const suspend = useMutation(trpc.agent.suspendAssistant.mutationOptions(options));
  const reactivate = useMutation(trpc.agent.reactivateAssistant.mutationOptions(options));
  const active = assistant.status === "ACTIVE";
  const change = active ? suspend : reactivate;

  return (
    <li className="stack" data-testid="staff-row">
      <div className="spread">
        <span>
          <strong>{assistant.name}</strong> <span className="muted">{assistant.phone}</span>
        </span>
        <CodeBadge group="accountStatus" code={assistant.status} />
      </div>
      <span className="muted small">{t("addedAt", { when: formatWhen(assistant.addedAt) })}</span>
      {confirming ? (
        <div className="stack">
          <p>
            {active
              ? t("confirmSuspend", { name: assistant.name })
              : t("confirmReactivate", { name: assistant.name })}
          </p>
          <div className={`row ${styles.staffActions}`}>
            <Button
              variant={active ? "danger" : "primary"}
              busy={change.isPending}
              onClick={() => change.mutate({ userId: assistant.userId })}
            >
              {active ? t("suspendNow") : t("reactivateNow")}
            </Button>
            <Button
              variant="ghost"
              disabled={change.isPending}
              onClick={() => setConfirming(false)}
            >
              {t("keep")}
            </Button>
          </div>
        </div>
      ) : (
        <div className={`row ${styles.staffActions}`}>
          <Button
            variant={active ? "ghost" : "plain"}
            onClick={() => {
              change.reset();
              setConfirming(true);
            }}
          >
            {active ? t("suspend") : t("reactivate")}
          </Button>
        </div>
      )}
      <ErrorNote error={change.error} />
    </li>
  );
}
