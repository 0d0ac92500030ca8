import type { AppCallback, StoreApp } from "@/lib/sdk";
import {
  deliveryFormatter,
  type AttemptView,
  type When,
} from "@/components/webhooks/delivery-rows";

export type { When };

/** The install callback's delivery, as the directory reports it. */
export type CallbackStatus = "pending" | "succeeded" | "failed";

/** One app of the directory as the pages show it: names in the page's language, dates formatted. */
export interface AppView {
  ref: string;
  name: string;
  developer: string;
  description: string;
  scopes: string[];
  kind: StoreApp["kind"];
  install: {
    at: When;
    by: string | null;
    scopes: string[];
    callbackStatus: CallbackStatus | null;
  } | null;
}

/** An install or uninstall callback with every attempt, newest attempt first. */
export interface CallbackView {
  id: string;
  event: AppCallback["event"];
  url: string;
  status: CallbackStatus;
  created: When;
  nextAttempt: When | null;
  attemptLog: AttemptView[];
}

/** The app's name in `locale`, else in the other language (an app must carry both). */
export function appName(name: { en: string; ar: string }, locale: string): string {
  const own = locale === "ar" ? name.ar : name.en;
  return own.trim() || (locale === "ar" ? name.en : name.ar);
}

/** Shapes SDK results for the client; `formatDate` formats in the store's time zone. */
export function appFormatter(locale: string, formatDate: (date: Date) => string) {
  const when = (iso: string): When => ({ iso, text: formatDate(new Date(iso)) });
  // A callback's attempts are shown as a webhook delivery's are (components/webhooks).
  const delivery = deliveryFormatter(formatDate);

  const app = (a: StoreApp): AppView => ({
    ref: a.appRef,
    name: appName(a.name, locale),
    developer: a.developer.name,
    description: a.description,
    scopes: a.scopes,
    kind: a.kind,
    install: a.install
      ? {
          at: when(a.install.installedAt),
          by: a.install.installedBy?.name ?? null,
          scopes: a.install.scopes,
          callbackStatus: a.install.callbackStatus,
        }
      : null,
  });

  const callback = (c: AppCallback): CallbackView => ({
    id: c.id,
    event: c.event,
    url: c.url,
    status: c.status,
    created: when(c.createdAt),
    nextAttempt: c.status === "pending" && c.nextAttemptAt ? when(c.nextAttemptAt) : null,
    attemptLog: [...c.attemptLog]
      .sort((a, b) => b.number - a.number)
      .map((a) => delivery.attempt({ ...a, id: `${c.id}:${a.number}` })),
  });

  return { app, callback };
}

/** Installed apps first (newest install first), then the rest by name. */
export function directoryOrder(apps: AppView[], locale: string): AppView[] {
  const collator = new Intl.Collator(locale);
  return [...apps].sort((a, b) => {
    if (a.install && b.install) return b.install.at.iso.localeCompare(a.install.at.iso);
    if (a.install || b.install) return a.install ? -1 : 1;
    return collator.compare(a.name, b.name);
  });
}

/** The options every app date is shown with (pass them with the store's time zone). */
export const APP_DATE_STYLE = { dateStyle: "medium", timeStyle: "short" } as const;
