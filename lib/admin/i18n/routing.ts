import { defineRouting } from "next-intl/routing";

export const routing = defineRouting({
  locales: ["en", "ar"],
  defaultLocale: "en",
  // Every URL carries its locale, so `/en/x` and `/ar/x` are stable, shareable addresses.
  localePrefix: "always",
  // Accept-Language (then the NEXT_LOCALE cookie) picks the locale for a bare `/`.
  localeDetection: true,
});

export type AppLocale = (typeof routing.locales)[number];

export function isRtl(locale: string): boolean {
  return locale === "ar";
}

export function directionOf(locale: string): "rtl" | "ltr" {
  return isRtl(locale) ? "rtl" : "ltr";
}
