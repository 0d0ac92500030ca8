import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { COMMON_CURRENCIES } from "@/lib/money";

export interface Option {
  value: string;
  label: string;
}

/** The time zones the store forms offer (setup, sign-up, store settings); currencies: lib/money. */
export const TIME_ZONES = [
  "Asia/Riyadh",
  "Asia/Dubai",
  "Asia/Kuwait",
  "Asia/Qatar",
  "Asia/Bahrain",
  "Asia/Muscat",
  "Africa/Cairo",
  "Asia/Amman",
  "Europe/London",
  "UTC",
] as const;

/** The zone's current offset from UTC in the page's language, e.g. "GMT+3". */
function zoneOffset(zone: string, locale: string, now: Date): string {
  return (
    new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "shortOffset" })
      .formatToParts(now)
      .find((p) => p.type === "timeZoneName")?.value ?? ""
  );
}

const withCurrent = (list: readonly string[], current?: string) =>
  !current || list.includes(current) ? [...list] : [current, ...list];

/**
 * Labels are made on the server, so the browser hydrates exactly the same text. `current` keeps
 * a value outside the lists selectable.
 */
export async function storeOptions(
  locale: Locale,
  current: { currency?: string; timeZone?: string } = {},
): Promise<{ currencies: Option[]; timeZones: Option[] }> {
  const now = new Date();
  const currencyNames = new Intl.DisplayNames(locale, { type: "currency" });
  const currencies = withCurrent(COMMON_CURRENCIES, current.currency).map((code) => ({
    value: code,
    label: `${currencyNames.of(code) ?? code} (${code})`,
  }));
  // Several Gulf zones share one generic name ("Arabian Standard Time"): label them by city.
  const tZones = await getTranslations({ locale, namespace: "settings.store.region.zones" });
  const timeZones = withCurrent(TIME_ZONES, current.timeZone).map((zone) => {
    const key = zone.replace("/", "_") as "Asia_Riyadh";
    const offset = zoneOffset(zone, locale, now);
    return {
      value: zone,
      label: tZones("option", { city: tZones.has(key) ? tZones(key) : zone, offset }),
    };
  });
  return { currencies, timeZones };
}
