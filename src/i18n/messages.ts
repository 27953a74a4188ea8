// The message catalogues, one JSON file per language and audience under messages/. All are
// imported statically: the server renders any language per request, and the audience
// layouts hand the browser only the namespaces their screens use (pickMessages).
import adminEn from "../../messages/en/admin.json";
import agentEn from "../../messages/en/agent.json";
import commonEn from "../../messages/en/common.json";
import controlEn from "../../messages/en/control.json";
import customerEn from "../../messages/en/customer.json";
import errorsEn from "../../messages/en/errors.json";
import adminFr from "../../messages/fr/admin.json";
import agentFr from "../../messages/fr/agent.json";
import commonFr from "../../messages/fr/common.json";
import controlFr from "../../messages/fr/control.json";
import customerFr from "../../messages/fr/customer.json";
import errorsFr from "../../messages/fr/errors.json";
import adminSw from "../../messages/sw/admin.json";
import agentSw from "../../messages/sw/agent.json";
import commonSw from "../../messages/sw/common.json";
import controlSw from "../../messages/sw/control.json";
import customerSw from "../../messages/sw/customer.json";
import errorsSw from "../../messages/sw/errors.json";
import adminZh from "../../messages/zh/admin.json";
import agentZh from "../../messages/zh/agent.json";
import commonZh from "../../messages/zh/common.json";
import controlZh from "../../messages/zh/control.json";
import customerZh from "../../messages/zh/customer.json";
import errorsZh from "../../messages/zh/errors.json";
import type { Locale } from "./locales";

const EN = {
  common: commonEn,
  customer: customerEn,
  agent: agentEn,
  admin: adminEn,
  control: controlEn,
  errors: errorsEn,
};

/** The English catalogue's shape: every other language must have exactly these keys. */
export type Messages = typeof EN;
export type Namespace = keyof Messages;

// Typed as Messages so a language file missing a namespace fails to compile; a missing key
// inside one is caught by tests/unit/messages.test.ts (JSON imports are typed loosely).
export const CATALOGUES: Readonly<Record<Locale, Messages>> = {
  en: EN,
  sw: {
    common: commonSw,
    customer: customerSw,
    agent: agentSw,
    admin: adminSw,
    control: controlSw,
    errors: errorsSw,
  },
  fr: {
    common: commonFr,
    customer: customerFr,
    agent: agentFr,
    admin: adminFr,
    control: controlFr,
    errors: errorsFr,
  },
  zh: {
    common: commonZh,
    customer: customerZh,
    agent: agentZh,
    admin: adminZh,
    control: controlZh,
    errors: errorsZh,
  },
} as Record<Locale, Messages>;

/** The namespaces one audience's screens read, for the browser (smaller pages on 3G). */
export function pickMessages(locale: Locale, namespaces: readonly Namespace[]): Partial<Messages> {
  const all = CATALOGUES[locale];
  return Object.fromEntries(namespaces.map((ns) => [ns, all[ns]])) as Partial<Messages>;
}
