import styles from "./admin.module.css";

/** The one thing wrong with a field, under it; nothing when the field is fine. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <span id={id} className={styles.fieldError} role="alert">
      {message}
    </span>
  );
}
