import { useTranslations } from "next-intl";
import styles from "./admin.module.css";

export interface Line {
  path: string;
  before?: string;
  after?: string;
}

/** Fields are listed one per line up to this many; the rest wait behind "more". */
const SHOWN = 4;

/**
 * An audit row's before and after, reduced to the fields that changed: a settings version
 * is dozens of fields, and the operator is looking for the one that moved.
 */
export function JsonChange({ before, after }: { before: unknown; after: unknown }) {
  const t = useTranslations("admin.shared.change");
  const lines = changedLines(before, after);
  if (lines.length === 0) return <span className="muted">{t("none")}</span>;
  const shown = lines.slice(0, SHOWN);
  const rest = lines.slice(SHOWN);
  return (
    <div className={styles.change}>
      {shown.map((line) => (
        <ChangeLine key={line.path} line={line} />
      ))}
      {rest.length > 0 ? (
        <details>
          <summary className="small">{t("more", { count: rest.length })}</summary>
          {rest.map((line) => (
            <ChangeLine key={line.path} line={line} />
          ))}
        </details>
      ) : null}
    </div>
  );
}

function ChangeLine({ line }: { line: Line }) {
  return (
    <div>
      {line.path ? <span className="muted">{line.path}: </span> : null}
      {line.before !== undefined ? <span className={styles.before}>{line.before}</span> : null}
      {line.before !== undefined && line.after !== undefined ? " → " : null}
      {line.after !== undefined ? <span className={styles.after}>{line.after}</span> : null}
    </div>
  );
}

/** The fields that differ between a before and an after, as dotted paths to JSON leaves. */
export function changedLines(before: unknown, after: unknown): Line[] {
  const was = flatten(before);
  const now = flatten(after);
  const paths = [...new Set([...was.keys(), ...now.keys()])];
  const lines: Line[] = [];
  for (const path of paths) {
    const b = was.get(path);
    const a = now.get(path);
    if (b === a) continue;
    lines.push({
      path,
      ...(b !== undefined ? { before: b } : {}),
      ...(a !== undefined ? { after: a } : {}),
    });
  }
  return lines;
}

/** Dotted paths to compact JSON leaves; null and missing both mean "nothing recorded". */
function flatten(
  value: unknown,
  prefix = "",
  out = new Map<string, string>(),
): Map<string, string> {
  if (value === null || value === undefined) return out;
  if (typeof value === "object" && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) {
      flatten(inner, prefix ? `${prefix}.${key}` : key, out);
    }
    return out;
  }
  out.set(
    prefix,
    JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
  );
  return out;
}
