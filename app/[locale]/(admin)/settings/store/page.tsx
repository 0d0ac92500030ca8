import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NoAccess } from "@/components/settings/parts";
import { roleCan } from "@/components/settings/sections";
import { requireMe, sessionStore } from "@/lib/admin/session";
import { resolveLocale } from "@/lib/admin/i18n/params";
import { routing } from "@/lib/admin/i18n/routing";
import { toFormValues, type Option } from "./_components/store-form";
import { StoreSettingsForm } from "./store-client";

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "settings.store" });
  return { title: t("title") };
}

const CURRENCIES = ["SAR", "AED", "KWD", "BHD", "QAR", "OMR", "EGP", "JOD", "USD", "EUR", "GBP"];
const TIME_ZONES = [
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
];

/** The zone's current offset from UTC in the page's language, e.g. "GMT+3". */
function zoneOffset(zone: string, locale: string, now: Date): string {
  return (
    new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "shortOffset" })
      .formatToParts(now)
      .find((p) => p.type === "timeZoneName")?.value ?? ""
  );
}

export default async function StoreSettingsPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const { session, me } = await requireMe(locale);
  const role = me.user.role;
  if (!roleCan(role, "settings:write")) return <NoAccess />;

  const store = sessionStore(session);
  const settings = await store.settings.get();
  const now = new Date();
  const currencyNames = new Intl.DisplayNames(locale, { type: "currency" });
  const languageNames = new Intl.DisplayNames(locale, { type: "language" });

  // Labels are made here, on the server, so the browser hydrates exactly the same text.
  const withCurrent = (list: string[], current: string) =>
    list.includes(current) ? list : [current, ...list];
  const currencies: Option[] = withCurrent(CURRENCIES, settings.currency).map((code) => ({
    value: code,
    label: `${currencyNames.of(code) ?? code} (${code})`,
  }));
  // Several Gulf zones share one generic name ("Arabian Standard Time"): label them by city.
  const tZones = await getTranslations({ locale, namespace: "settings.store.region.zones" });
  const timeZones: Option[] = withCurrent(TIME_ZONES, settings.timeZone).map((zone) => {
    const key = zone.replace("/", "_") as "Asia_Riyadh";
    const offset = zoneOffset(zone, locale, now);
    return {
      value: zone,
      label: tZones.has(key)
        ? tZones("option", { city: tZones(key), offset })
        : tZones("option", { city: zone, offset }),
    };
  });
  const languages: Option[] = routing.locales.map((code) => ({
    value: code,
    label: languageNames.of(code) ?? code,
  }));

  return (
    <StoreSettingsForm
      settings={toFormValues(settings)}
      logoUrl={settings.logoUrl}
      canEditBilling={roleCan(role, "settings:billing")}
      currencies={currencies}
      timeZones={timeZones}
      languages={languages}
    />
  );
}
