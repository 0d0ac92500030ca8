import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NoAccess } from "@/components/settings/parts";
import { roleCan } from "@/components/settings/sections";
import { requireMe, sessionStore } from "@/lib/admin/session";
import { resolveLocale } from "@/lib/admin/i18n/params";
import { routing } from "@/lib/admin/i18n/routing";
import { storeOptions } from "@/components/stores/options";
import { toFormValues, type Option } from "./_components/store-form";
import { ExportSection } from "./export-client";
import { StoreSettingsForm } from "./store-client";

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "settings.store" });
  return { title: t("title") };
}

export default async function StoreSettingsPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const { session, me } = await requireMe(locale);
  const role = me.user.role;
  if (!roleCan(role, "settings:write")) return <NoAccess />;

  const isOwner = role === "owner";
  // A suspended store's API still lets its owner export; the settings themselves are refused.
  if (me.storeStatus === "suspended" && isOwner) return <ExportSection />;

  const store = sessionStore(session);
  const settings = await store.settings.get();
  const languageNames = new Intl.DisplayNames(locale, { type: "language" });
  const { currencies, timeZones } = await storeOptions(locale, {
    currency: settings.currency,
    timeZone: settings.timeZone,
  });
  const languages: Option[] = routing.locales.map((code) => ({
    value: code,
    label: languageNames.of(code) ?? code,
  }));

  return (
    <div className="flex flex-col gap-10">
      <StoreSettingsForm
        settings={toFormValues(settings)}
        logoUrl={settings.logoUrl}
        canEditBilling={roleCan(role, "settings:billing")}
        currencies={currencies}
        timeZones={timeZones}
        languages={languages}
      />
      {isOwner ? <ExportSection /> : null}
    </div>
  );
}
