import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_DISPLAY_PREFERENCES } from "@/lib/admin/format/core";
import { signedInPreferences } from "@/lib/admin/session";
import { routing } from "./routing";
import { DEFAULT_TIME_ZONE } from "./time-zone";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  const digits = ((await signedInPreferences()) ?? DEFAULT_DISPLAY_PREFERENCES).digits;
  return {
    locale,
    timeZone: DEFAULT_TIME_ZONE,
    // Counts inside sentences are written `{count, number, digits}` (never ICU's `#`, which
    // takes the locale's digits), so they follow the person's digits like the rest of the admin
    // (docs/display-preferences.md). The client provider inherits these formats.
    formats: { number: { digits: { numberingSystem: digits } } },
    messages: (await import(`../../../messages/${locale}.json`)).default,
  };
});
