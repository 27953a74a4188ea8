import styles from "./admin.module.css";
import { FieldError } from "./field-error";

interface Props {
  /** Unique per form (useId), so hint and error ids never clash between forms. */
  formId: string;
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem: string | undefined;
  type?: string;
  inputMode?: "numeric" | "tel" | "decimal";
  autoComplete?: string;
  hint?: string;
  placeholder?: string;
  maxLength?: number;
  /** Codes and references: no spelling marks, in the monospace face. */
  code?: boolean;
  /** Put the cursor here when the form opens. */
  autoFocus?: boolean;
  /** A smaller input, for a form inside a table row. */
  compact?: boolean;
}

/** A labelled input with its hint and its error wired to it for screen readers. */
export function FormField({
  formId,
  name,
  label,
  value,
  onChange,
  problem,
  type = "text",
  inputMode,
  autoComplete = "off",
  hint,
  placeholder,
  maxLength,
  code = false,
  autoFocus,
  compact = false,
}: Props) {
  const errorId = `${formId}-${name}-error`;
  const hintId = `${formId}-${name}-hint`;
  const described = [hint ? hintId : "", problem ? errorId : ""].filter(Boolean);
  return (
    <div className={styles.fieldCell}>
      <label className={`field${compact ? ` small ${styles.compactField}` : ""}`}>
        {label}
        <input
          name={name}
          className={compact ? styles.compactInput : code ? styles.mono : undefined}
          type={type}
          inputMode={inputMode}
          step={type === "number" ? "any" : undefined}
          autoComplete={autoComplete}
          placeholder={placeholder}
          maxLength={maxLength}
          spellCheck={code ? false : undefined}
          // biome-ignore lint/a11y/noAutofocus: the form was opened by the operator for this field
          autoFocus={autoFocus}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={described.length > 0 ? described.join(" ") : undefined}
        />
      </label>
      {hint ? (
        <span id={hintId} className="muted small">
          {hint}
        </span>
      ) : null}
      <FieldError id={errorId} message={problem} />
    </div>
  );
}
