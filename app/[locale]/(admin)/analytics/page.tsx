import { CalendarX, CircleAlert } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import {
  BySource,
  ByProvider,
  ByStatus,
  OtherCurrencies,
  TopProducts,
} from "@/components/analytics/overview-sections";
import { GettingStarted } from "@/components/analytics/getting-started";
import { KpiGrid } from "@/components/analytics/kpi-card";
import { dayDate, overviewKpis } from "@/components/analytics/kpis";
import { RangePicker } from "@/components/analytics/range-picker";
import { TrendCard } from "@/components/analytics/trend-card";
import { canWriteOrders } from "@/components/orders/permissions";
import { canWriteProducts } from "@/components/products/permissions";
import { dateInZone, storeTimeZone } from "@/components/settings/format";
import { roleCan } from "@/components/settings/sections";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ExportLink, ListHeader } from "@/components/ui/list-header";
import { getDisplayFormatter } from "@/lib/admin/format/server";
import { requireMe, sessionStore } from "@/lib/admin/session";
import { Link } from "@/lib/admin/i18n/navigation";
import { resolveLocale, type LocalePageProps } from "@/lib/admin/i18n/params";
import { parseAnalyticsRange, RANGE_PRESETS, rangeSearch } from "./search-params";

export async function generateMetadata({
  params,
}: Pick<LocalePageProps, "params">): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "Analytics.metadata" });
  return { title: t("title") };
}

export default async function AnalyticsPage({ params, searchParams }: LocalePageProps) {
  const locale = await resolveLocale(params);
  const { session, me } = await requireMe(locale);
  const timeZone = storeTimeZone(me.tenant.timeZone);
  const range = parseAnalyticsRange(await searchParams, timeZone);
  const store = sessionStore(session);
  const overview = await store.analytics.getOverview({
    startDate: range.startDate,
    endDate: range.endDate,
  });
  const quiet =
    overview.summary.totalOrders === 0 && overview.comparison.previousPeriod.totalOrders === 0;
  // Nothing now or before: is the store new (no order ever), or is this range just quiet?
  const newStore = quiet && (await store.orders.list({ limit: 1 })).pagination.total === 0;

  const t = await getTranslations({ locale, namespace: "Analytics" });
  const format = await getDisplayFormatter(locale, me.preferences);
  const role = me.user.role;
  const days = (start: string, end: string) =>
    format.dateTimeRange(dayDate(start), dayDate(end), { dateStyle: "medium", timeZone: "UTC" });
  const search = rangeSearch(range);

  return (
    <div className="flex flex-col gap-6">
      <ListHeader title={t("title")} description={t("description")}>
        {newStore ? null : (
          <ExportLink href={`/${locale}/analytics/export${search}`}>{t("export")}</ExportLink>
        )}
      </ListHeader>

      <RangePicker
        action={`/${locale}/analytics`}
        choices={RANGE_PRESETS.map((preset) => ({
          preset,
          href: `/analytics${rangeSearch({ preset, startDate: "", endDate: "" })}`,
        }))}
        current={range.preset}
        start={overview.startDate}
        end={overview.endDate}
        max={dateInZone(new Date(), timeZone)}
        note={t("timeZoneNote", { zone: timeZone })}
      />

      {range.invalid ? (
        <Alert variant="destructive">
          <CircleAlert aria-hidden />
          <AlertDescription>{t("invalidRange")}</AlertDescription>
        </Alert>
      ) : null}

      <p className="text-sm text-muted-foreground" data-testid="analytics-period">
        {t("period", {
          range: days(overview.startDate, overview.endDate),
          previous: days(overview.comparison.startDate, overview.comparison.endDate),
        })}
      </p>

      {newStore ? (
        <GettingStarted
          canAddProduct={canWriteProducts(role)}
          canCreateOrder={canWriteOrders(role)}
          canConnectPayments={roleCan(role, "settings:write")}
        />
      ) : (
        <>
          <section aria-labelledby="analytics-kpis">
            <h2 id="analytics-kpis" className="sr-only">
              {t("kpis.label")}
            </h2>
            <KpiGrid
              className="grid-cols-2 lg:grid-cols-4"
              kpis={overviewKpis(overview, format, (key) => t(`kpis.${key}`))}
            />
          </section>

          {quiet ? (
            <EmptyState
              icon={<CalendarX />}
              level={2}
              title={t("noOrdersInRange.title")}
              description={t("noOrdersInRange.description")}
            >
              <Link href="/analytics" className={buttonVariants({ variant: "outline" })}>
                {t("noOrdersInRange.last30")}
              </Link>
              <Link href="/analytics?range=year" className={buttonVariants({ variant: "outline" })}>
                {t("noOrdersInRange.year")}
              </Link>
            </EmptyState>
          ) : (
            <>
              <TrendCard overview={overview} format={format} />
              <div className="grid gap-6 lg:grid-cols-2">
                <TopProducts overview={overview} format={format} />
                <ByStatus overview={overview} format={format} />
                <BySource overview={overview} format={format} />
                <ByProvider overview={overview} format={format} />
              </div>
              <OtherCurrencies overview={overview} format={format} />
            </>
          )}
        </>
      )}
    </div>
  );
}
