import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { APP_DATE_STYLE, appFormatter, directoryOrder } from "@/components/apps/app-view";
import { NoAccess } from "@/components/settings/parts";
import { openSettingsPage } from "@/components/settings/settings-page";
import { roleCan } from "@/components/settings/sections";
import { resolveLocale } from "@/lib/admin/i18n/params";
import { AppsClient } from "./apps-client";

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "apps" });
  return { title: t("title") };
}

export default async function AppsPage({ params }: Props) {
  const page = await openSettingsPage(params, "apps:manage");
  if (!page) return <NoAccess />;
  const locale = await resolveLocale(params);
  const { me, store, format, timeZone } = page;
  const { data } = await store.apps.list();
  // Formatted here, on the server, so the browser hydrates exactly the same text.
  const shape = appFormatter(locale, (date) =>
    format.dateTime(date, { ...APP_DATE_STYLE, timeZone }),
  );
  return (
    <AppsClient
      apps={directoryOrder(data.map(shape.app), locale)}
      canManage={roleCan(me.user.role, "apps:manage")}
    />
  );
}
