import { type KindGroup, type Look, type StatusGroup, useCodeNames } from "./labels";

/** A status pill, coloured by what the status means (labels.ts, Tone), not by which it is. */
export function Badge({ look }: { look: Look }) {
  return <span className={`badge tone-${look.tone}`}>{look.label}</span>;
}

/** An order's status pill; the close reason tells a customer's reject apart. */
export function StatusBadge({
  status,
  closeReason = null,
}: {
  status: string;
  closeReason?: string | null;
}) {
  return <Badge look={useCodeNames().orderStatus(status, closeReason)} />;
}

/** Any other status's pill (reversals, disputes, money requests, accounts). */
export function CodeBadge({ group, code }: { group: StatusGroup; code: string }) {
  return <Badge look={useCodeNames().look(group, code)} />;
}

/** A kind's word (order type, journal-entry kind, dispute kind) in the screen's language. */
export function CodeName({ group, code }: { group: KindGroup; code: string }) {
  return <>{useCodeNames().kind(group, code)}</>;
}

/** A ledger account kind's word: one account, or `all` of the kind together. */
export function AccountKindName({ kind, all = false }: { kind: string; all?: boolean }) {
  return <>{useCodeNames().accountKind(kind, all)}</>;
}
