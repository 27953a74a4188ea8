"use client";

import { useTranslations } from "next-intl";
import { type CodeNames, NAMED_CODES, useCodeNames } from "@/components/ui/labels";
import styles from "../shared/admin.module.css";
import { changedLines, type Line } from "../shared/json-change";

/** Fields are listed one per line up to this many; the rest wait behind "more". */
const SHOWN = 4;

/**
 * A before and after reduced to the fields that changed, each field named in the screen's
 * language where `name` knows it and always followed by its dotted path: the path is what
 * the audit search and the settings document use, and what an unknown field still reads as.
 * (The shared JsonChange shows paths only; both read the changes with its changedLines.)
 */
export function NamedChange({
  before,
  after,
  name,
}: {
  before: unknown;
  after: unknown;
  name: (path: string) => string | null;
}) {
  const t = useTranslations("control.change");
  const lines = changedLines(before, after);
  if (lines.length === 0) return <span className="muted">{t("none")}</span>;
  const shown = lines.slice(0, SHOWN);
  const rest = lines.slice(SHOWN);
  return (
    <div className={styles.change}>
      {shown.map((line) => (
        <ChangeLine key={line.path} line={line} name={name(line.path)} />
      ))}
      {rest.length > 0 ? (
        <details>
          <summary className="small">{t("more", { count: rest.length })}</summary>
          {rest.map((line) => (
            <ChangeLine key={line.path} line={line} name={name(line.path)} />
          ))}
        </details>
      ) : null}
    </div>
  );
}

/** The groups a recorded value may be a code of, in the order their words are looked up. */
const VALUE_GROUPS = ["disputeKind", "orderType", "entryKind", "accountKind"] as const;

/**
 * A recorded value as people read it: a code ("CASH_NOT_CREDITED") by its name in the
 * screen's language, anything else as recorded (a JSON leaf).
 */
function valueWord(names: CodeNames, value: string): string {
  const code = /^"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)"$/.exec(value)?.[1];
  if (!code) return value;
  const group = VALUE_GROUPS.find((g) => NAMED_CODES[g]?.includes(code));
  if (!group) return value;
  return group === "accountKind" ? names.accountKind(code) : names.kind(group, code);
}

function ChangeLine({ line, name }: { line: Line; name: string | null }) {
  const names = useCodeNames();
  const before = line.before === undefined ? undefined : valueWord(names, line.before);
  const after = line.after === undefined ? undefined : valueWord(names, line.after);
  return (
    <div>
      {name ? <span>{name} </span> : null}
      {line.path ? (
        <span className={`muted ${name ? "small" : ""}`}>
          {name ? <span className={styles.mono}>({line.path})</span> : line.path}:{" "}
        </span>
      ) : null}
      {before !== undefined ? <span className={styles.before}>{before}</span> : null}
      {before !== undefined && after !== undefined ? " → " : null}
      {after !== undefined ? <span className={styles.after}>{after}</span> : null}
    </div>
  );
}
