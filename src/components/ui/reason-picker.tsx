"use client";

import type { DisputeKind } from "@/domain/disputes";
import { Button } from "./button";

/**
 * The reasons a party may report an order for, one pressed at a time: the words are the
 * caller's (a customer and a shop describe the same reason from their own side).
 */
export function ReasonPicker({
  legend,
  reasons,
  value,
  onChange,
  label,
}: {
  legend: string;
  reasons: readonly DisputeKind[];
  value: DisputeKind | null;
  onChange: (kind: DisputeKind) => void;
  label: (kind: DisputeKind) => string;
}) {
  return (
    <fieldset className="stack choices" data-testid="dispute-reasons">
      <legend className="small muted">{legend}</legend>
      {reasons.map((kind) => (
        <Button key={kind} aria-pressed={value === kind} onClick={() => onChange(kind)}>
          {label(kind)}
        </Button>
      ))}
    </fieldset>
  );
}
