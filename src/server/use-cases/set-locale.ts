import { DomainError } from "@/domain/errors";
import { isLocale } from "@/i18n/locales";
import { setUserLocale } from "../repositories/users";
import type { Actor } from "./actor";

/** Remembers the caller's language, so their next sign-in on any device starts in it. */
export async function setLocale(actor: Actor, locale: string): Promise<{ locale: string }> {
  if (!isLocale(locale)) throw new DomainError("INVALID_INPUT", "unknownLanguage");
  await setUserLocale(null, actor.userId, locale);
  return { locale };
}
