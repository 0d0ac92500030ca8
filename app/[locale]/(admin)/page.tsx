import { Building2 } from "lucide-react";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import {
  checklistCookie,
  checklistProgress,
  SetupChecklist,
} from "@/components/admin/setup-checklist";
import { HomeKpis } from "@/components/analytics/home-kpis";
import { roleCan } from "@/components/settings/sections";
import { Badge } from "@/components/ui/badge";
import { ActivityFeed, type RecentEvent } from "@/components/webhooks/activity-feed";
import { Card, CardContent, IconCardHeader } from "@/components/ui/card";
import { requireMe, sessionStore, type Me } from "@/lib/admin/session";
import { DEFAULT_TIME_ZONE } from "@/lib/admin/i18n/time-zone";
import { resolveLocale } from "@/lib/admin/i18n/params";
import { BrainSAITStore } from "@/lib/sdk";
import { withReceivedEvents } from "@/lib/admin/received-events";
import { dismissChecklist } from "./actions";

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "Metadata" });
  return { title: t("homeTitle") };
}

type DayPart = "morning" | "afternoon" | "evening";

function validTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

/** Morning, afternoon or evening where the store is, not where the server runs. */
function dayPart(now: Date, timeZone: string): DayPart {
  const hourPart = new Intl.DateTimeFormat("en", { hour: "numeric", hourCycle: "h23", timeZone })
    .formatToParts(now)
    .find((part) => part.type === "hour");
  const hour = Number(hourPart?.value ?? 12);
  if (hour >= 5 && hour < 12) return "morning";
  if (hour >= 12 && hour < 17) return "afternoon";
  return "evening";
}

function timeZoneLongName(now: Date, timeZone: string, locale: string): string | undefined {
  return new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "longGeneric" })
    .formatToParts(now)
    .find((part) => part.type === "timeZoneName")?.value;
}

export default async function HomePage({ params }: Props) {
  const locale = await resolveLocale(params);
  const { session, me } = await requireMe(locale);
  const { tenant, user } = me;
  const [recent, checklist] = await Promise.all([
    recentEvents(session.tenant, session.accessToken),
    checklistFor(me, session),
  ]);

  const t = await getTranslations({ locale, namespace: "Home" });
  const tCommon = await getTranslations({ locale, namespace: "Common" });
  const format = await getFormatter({ locale });
  const now = new Date();
  const timeZone = validTimeZone(tenant.timeZone);
  const currencyName = new Intl.DisplayNames(locale, { type: "currency" }).of(tenant.currency);
  const languageName = new Intl.DisplayNames(locale, { type: "language" }).of(tenant.defaultLocale);
  const zoneName = timeZoneLongName(now, timeZone, locale);
  const notSet = <span className="text-muted-foreground">{tCommon("notSet")}</span>;

  return (
    <div className="flex max-w-4xl flex-col gap-8">
      <section aria-labelledby="greeting" className="flex flex-col gap-1">
        <h1 id="greeting" className="text-2xl font-semibold tracking-tight sm:text-3xl">
          {t(`greeting.${dayPart(now, timeZone)}`, { name: user.name })}
        </h1>
        <p className="text-muted-foreground">
          {t("subtitle")}{" "}
          {t("today", { date: format.dateTime(now, { dateStyle: "full", timeZone }) })}
        </p>
      </section>

      {checklist ? (
        <SetupChecklist
          locale={locale}
          progress={checklist}
          dismiss={dismissChecklist.bind(null, locale)}
        />
      ) : null}

      <HomeKpis store={sessionStore(session)} locale={locale} />

      <Card>
        <IconCardHeader
          icon={<Building2 />}
          title={t("store.title")}
          description={t("store.description")}
        />
        <CardContent>
          <dl className="grid gap-x-8 gap-y-5 border-t border-border pt-6 sm:grid-cols-2">
            <Detail label={t("store.nameEn")}>
              {tenant.name.en ? <bdi lang="en">{tenant.name.en}</bdi> : notSet}
            </Detail>
            <Detail label={t("store.nameAr")}>
              {tenant.name.ar ? <bdi lang="ar">{tenant.name.ar}</bdi> : notSet}
            </Detail>
            <Detail label={t("store.slug")}>
              <bdi className="font-mono text-sm">{tenant.slug}</bdi>
            </Detail>
            <Detail label={t("store.currency")}>
              <span className="flex flex-wrap items-center gap-2">
                {currencyName && currencyName !== tenant.currency ? (
                  <span>{currencyName}</span>
                ) : null}
                <Badge variant="outline">
                  <bdi>{tenant.currency}</bdi>
                </Badge>
              </span>
            </Detail>
            <Detail label={t("store.vatRate")}>
              {format.number(tenant.vatRate / 100, { style: "percent", maximumFractionDigits: 2 })}
            </Detail>
            <Detail label={t("store.prices")}>
              <Badge variant={tenant.pricesIncludeVat ? "default" : "secondary"}>
                {tenant.pricesIncludeVat
                  ? t("store.pricesIncludeVat")
                  : t("store.pricesExcludeVat")}
              </Badge>
            </Detail>
            <Detail label={t("store.timeZone")}>
              {zoneName ? <span className="block">{zoneName}</span> : null}
              <bdi className={zoneName ? "text-sm font-normal text-muted-foreground" : undefined}>
                {timeZone}
              </bdi>
            </Detail>
            <Detail label={t("store.defaultLanguage")}>
              {languageName ?? tenant.defaultLocale}
            </Detail>
          </dl>
        </CardContent>
      </Card>

      {/* A suspended store's API refuses the feed: nothing would ever load. */}
      {me.storeStatus === "suspended" ? null : (
        <ActivityFeed initial={recent} now={now.getTime()} timeZone={timeZone} />
      )}
    </div>
  );
}

/**
 * The setup checklist's progress, or null when it is not shown: dismissed in this browser, every
 * step that can be done is done, the store is suspended, or the role cannot act on the steps.
 */
async function checklistFor(
  me: Me,
  session: Parameters<typeof sessionStore>[0],
): Promise<Awaited<ReturnType<typeof checklistProgress>> | null> {
  const role = me.user.role;
  if (!roleCan(role, "team:manage") || !roleCan(role, "api_keys:manage")) return null;
  if (me.storeStatus === "suspended") return null;
  if ((await cookies()).get(checklistCookie(session.tenant))?.value === "dismissed") return null;
  const progress = await checklistProgress(sessionStore(session));
  return progress.product && progress.team && progress.apiKey ? null : progress;
}

/** The feed's first page, rendered with the page; if the API fails, the feed loads it itself. */
async function recentEvents(tenant: string, accessToken: string): Promise<RecentEvent[] | null> {
  try {
    const { data } = await new BrainSAITStore({
      tenantId: tenant,
      accessToken,
    }).webhooks.recentEvents();
    return withReceivedEvents(tenant, data);
  } catch {
    return null;
  }
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}
