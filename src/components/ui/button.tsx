"use client";

import type { ButtonHTMLAttributes } from "react";

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: "primary" | "danger" | "ghost" | "plain";
  size?: "normal" | "big";
  busy?: boolean;
};

/** A button that shows it is working and cannot be pressed twice meanwhile. */
export function Button({
  variant = "plain",
  size = "normal",
  busy = false,
  disabled,
  children,
  className,
  ...rest
}: Props) {
  const classes = [
    "button",
    variant === "plain" ? "" : variant,
    size === "big" ? "big" : "",
    className ?? "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <button
      type="button"
      className={classes}
      disabled={disabled || busy}
      aria-busy={busy}
      {...rest}
    >
      {busy ? <span className="spinner" aria-hidden /> : null}
      {children}
    </button>
  );
}
