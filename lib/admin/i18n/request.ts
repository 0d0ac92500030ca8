import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { routing } from "./routing";

// The tenant's own zone is passed explicitly where it matters; this is the fallback that keeps
// server and client formatting identical (no hydration mismatch).
export const DEFAULT_TIME_ZONE = "Asia/Riyadh";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    timeZone: DEFAULT_TIME_ZONE,
    messages: (await import(`../../../messages/${locale}.json`)).default,
  };
});
