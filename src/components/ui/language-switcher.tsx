"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useId, useTransition } from "react";
import { isLocale, LOCALE_COOKIE, LOCALE_NAMES, LOCALES } from "@/i18n/locales";

const ONE_YEAR_S = 365 * 24 * 60 * 60;

/**
 * The language of every screen, switchable from every screen. The choice is this device's
 * cookie (it applies at once, signed in or not, and works offline) and, for a signed-in
 * person, remembered with the account so a new device starts in it after sign-in.
 * Each language is named in itself, so it can be found by someone who cannot read the
 * current one.
 */
export function LanguageSwitcher({ signedIn = false }: { signedIn?: boolean }) {
  const t = useTranslations("common.language");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const id = useId();

  function choose(value: string) {
    if (!isLocale(value) || value === current) return;
    // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie; the Cookie Store API is missing on the older phones this serves
    document.cookie = `${LOCALE_COOKIE}=${value}; path=/; max-age=${ONE_YEAR_S}; samesite=lax`;
    startTransition(async () => {
      if (signedIn) {
        // Remembering it with the account is a convenience: on failure (offline) this
        // device keeps the choice anyway.
        const { trpcClient } = await import("@/lib/trpc-vanilla");
        await trpcClient.account.setLocale.mutate({ locale: value }).catch(() => undefined);
      }
      router.refresh();
    });
  }

  return (
    <div className="language-switcher">
      <label htmlFor={id} className="sr-only">
        {t("label")}
      </label>
      <select
        id={id}
        value={current}
        disabled={pending}
        aria-busy={pending}
        onChange={(event) => choose(event.target.value)}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
    </div>
  );
}
