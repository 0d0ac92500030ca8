import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { APP_DATE_STYLE, appName } from "@/components/apps/app-view";
import { storeTimeZone } from "@/components/settings/format";
import { BackLink } from "@/components/settings/parts";
import { ScopeBadges } from "@/components/settings/scope-badges";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CardFields } from "@/components/ui/card-list";
import { getDisplayFormatter } from "@/lib/admin/format/server";
import { requireMe, sessionStore } from "@/lib/admin/session";
import { resolveLocale } from "@/lib/admin/i18n/params";
import { StoreApiError } from "@/lib/sdk";
import { InstallsList, type InstallView } from "./_components/installs-list";

interface Props {
  params: Promise<{ locale: string; developerRef: string; appRef: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "developer" });
  return { title: t("title") };
}

/** One of the developer's apps: its details and the stores that installed it, with their tokens. */
export default async function DeveloperAppPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const { developerRef, appRef } = await params;
  const { session, me } = await requireMe(locale);
  const store = sessionStore(session);
  let app;
  let accounts;
  try {
    [app, accounts] = await Promise.all([
      store.developers.app(decodeURIComponent(developerRef), decodeURIComponent(appRef)),
      store.developers.installedAccounts(
        decodeURIComponent(developerRef),
        decodeURIComponent(appRef),
      ),
    ]);
  } catch (error) {
    if (error instanceof StoreApiError && [403, 404, 422].includes(error.status)) notFound();
    throw error;
  }
  const t = await getTranslations({ locale, namespace: "developer" });
  const tApps = await getTranslations({ locale, namespace: "apps" });
  const format = await getDisplayFormatter(locale, me.preferences);
  const timeZone = storeTimeZone(me.tenant.timeZone);
  const name = appName(app.name, locale);
  const installs: InstallView[] = accounts.map((account) => ({
    account: account.accountCode,
    token: account.accountToken,
    installed: {
      iso: account.installedAt,
      text: format.dateTime(new Date(account.installedAt), { ...APP_DATE_STYLE, timeZone }),
    },
    scopes: account.scopes,
  }));

  return (
    <div className="flex max-w-6xl flex-col gap-6">
      <div className="flex flex-col gap-3">
        <BackLink href="/developer">{t("installs.back")}</BackLink>
        <div className="flex min-w-0 flex-col gap-1">
          <h1 className="text-2xl font-semibold tracking-tight [overflow-wrap:anywhere] sm:text-3xl">
            {t("installs.title", { name })}
          </h1>
          <p className="max-w-3xl text-muted-foreground">{t("installs.description")}</p>
        </div>
      </div>

      <Card className="flex flex-col gap-4 p-5">
        <h2 className="text-lg font-semibold">{t("installs.details")}</h2>
        <CardFields
          fields={[
            {
              label: t("apps.ref"),
              value: (
                <code dir="ltr" className="font-mono text-xs">
                  {app.appRef}
                </code>
              ),
            },
            {
              label: t("apps.kind"),
              value: <Badge variant="secondary">{tApps(`kind.${app.kind}`)}</Badge>,
            },
            {
              label: t("installs.callbackUrl"),
              value: (
                <bdi dir="ltr" className="font-mono text-xs [overflow-wrap:anywhere]">
                  {app.installCallbackUrl}
                </bdi>
              ),
            },
            {
              label: t("apps.scopes"),
              value: <ScopeBadges scopes={app.scopes} label={t("apps.scopes")} />,
            },
          ]}
        />
      </Card>

      <section className="flex flex-col gap-3" aria-labelledby="installs-title">
        <h2 id="installs-title" className="text-lg font-semibold">
          {t("apps.installs")}
        </h2>
        <InstallsList installs={installs} />
      </section>
    </div>
  );
}
