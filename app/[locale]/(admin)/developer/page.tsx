import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { APP_DATE_STYLE, appName } from "@/components/apps/app-view";
import { storeTimeZone } from "@/components/settings/format";
import { getDisplayFormatter } from "@/lib/admin/format/server";
import { requireMe, sessionStore } from "@/lib/admin/session";
import { resolveLocale } from "@/lib/admin/i18n/params";
import { SCOPES } from "@/lib/auth/permissions";
import type { DeveloperView } from "./_components/developer-view";
import { DeveloperClient } from "./developer-client";

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "developer" });
  return { title: t("title") };
}

/** The signed-in person's developer accounts and apps; any member may register (docs/apps.md). */
export default async function DeveloperPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const { session, me } = await requireMe(locale);
  const store = sessionStore(session);
  const format = await getDisplayFormatter(locale, me.preferences);
  const timeZone = storeTimeZone(me.tenant.timeZone);
  const when = (iso: string) => ({
    iso,
    text: format.dateTime(new Date(iso), { ...APP_DATE_STYLE, timeZone }),
  });

  const { data } = await store.developers.list();
  // Formatted here, on the server, so the browser hydrates exactly the same text.
  const accounts: DeveloperView[] = await Promise.all(
    data.map(async (developer) => ({
      ref: developer.developerRef,
      name: developer.name,
      email: developer.email,
      token: developer.developerToken,
      registered: when(developer.createdAt),
      rotated: developer.secretRotatedAt ? when(developer.secretRotatedAt) : null,
      apps: (await store.developers.apps(developer.developerRef)).data.map((app) => ({
        ref: app.appRef,
        title: appName(app.name, locale),
        name: app.name,
        description: app.description,
        installCallbackUrl: app.installCallbackUrl,
        scopes: app.scopes,
        kind: app.kind,
        installs: app.installs,
      })),
    })),
  );

  return <DeveloperClient accounts={accounts} scopes={SCOPES} />;
}
