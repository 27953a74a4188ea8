"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { useTRPC } from "@/lib/trpc";
import { FormField } from "../shared/form-field";
import type { AdminAgent } from "../shared/types";

interface Props {
  agent: AdminAgent;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** A decimal degree as typed ("-1.2921"), or null when it is not one within the bound. */
function degrees(text: string, bound: number): number | null {
  const trimmed = text.trim();
  if (!/^-?\d{1,3}(\.\d{1,6})?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Math.abs(value) <= bound ? value : null;
}

/** Places a shop on the customers' finder map and names the area they type to find it. */
export function LocationForm({ agent, onDone, onCancel }: Props) {
  const t = useTranslations("admin.agents.locationForm");
  const trpc = useTRPC();
  const id = useId();
  const [latitude, setLatitude] = useState("");
  const [longitude, setLongitude] = useState("");
  const [area, setArea] = useState("");
  const [problems, setProblems] = useState<Record<string, string | undefined>>({});
  const place = useMutation(
    trpc.finder.setAgentLocation.mutationOptions({
      onSuccess: () => onDone(t("done", { shop: agent.shopName, area: area.trim() })),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const lat = degrees(latitude, 90);
    const lng = degrees(longitude, 180);
    const areaName = area.trim();
    const found = {
      latitude: lat === null ? t("latitudeWrong") : undefined,
      longitude: lng === null ? t("longitudeWrong") : undefined,
      area: areaName ? undefined : t("areaMissing"),
    };
    setProblems(found);
    if (lat === null || lng === null || !areaName) return;
    place.mutate({ agentId: agent.id, latitude: lat, longitude: lng, areaName });
  }

  return (
    <form
      className="stack"
      onSubmit={submit}
      noValidate
      aria-label={t("title", { shop: agent.shopName })}
    >
      <strong>{t("title", { shop: agent.shopName })}</strong>
      <p className="small muted">{t("explain")}</p>
      <div className="row">
        <FormField
          formId={id}
          name="latitude"
          label={t("latitude")}
          inputMode="decimal"
          placeholder="-1.2921"
          value={latitude}
          onChange={setLatitude}
          problem={problems.latitude}
          autoFocus
        />
        <FormField
          formId={id}
          name="longitude"
          label={t("longitude")}
          inputMode="decimal"
          placeholder="36.8219"
          value={longitude}
          onChange={setLongitude}
          problem={problems.longitude}
        />
        <FormField
          formId={id}
          name="area"
          label={t("area")}
          maxLength={80}
          placeholder={t("areaExample")}
          value={area}
          onChange={setArea}
          problem={problems.area}
        />
      </div>
      <ErrorNote error={place.error} />
      <div className="row">
        <Button type="submit" variant="primary" busy={place.isPending}>
          {t("submit")}
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={place.isPending}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
