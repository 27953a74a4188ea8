import type { ReactNode } from "react";
import styles from "./admin.module.css";

/** One labelled fact in a `styles.facts` list; `wide` takes two columns (a sentence). */
export function Fact({
  label,
  wide = false,
  children,
}: {
  label: string;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={wide ? styles.span2 : undefined}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
