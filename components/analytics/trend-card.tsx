import { useLocale, useTranslations } from "next-intl";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { directionOf } from "@/lib/admin/i18n/routing";
import type { DisplayFormatter } from "@/lib/admin/format/core";
import type { AnalyticsOverview } from "@/lib/sdk";
import { dayDate } from "./kpis";
import { TrendChart, type TrendChartPoint } from "./trend-chart";

/**
 * Revenue and orders per day: a sentence that sums it up, the chart, and the same numbers as a
 * table for screen readers (the chart itself is hidden from them).
 */
export function TrendCard({
  overview,
  format,
}: {
  overview: AnalyticsOverview;
  format: DisplayFormatter;
}) {
  const t = useTranslations("Analytics.chart");
  const locale = useLocale();
  const money = (value: number) =>
    format.number(value, { style: "currency", currency: overview.currency });
  const points: TrendChartPoint[] = overview.revenueTrend.map((point) => ({
    ...point,
    label: format.dateTime(dayDate(point.date), {
      month: "short",
      day: "numeric",
      timeZone: "UTC",
    }),
    fullLabel: format.dateTime(dayDate(point.date), { dateStyle: "full", timeZone: "UTC" }),
  }));
  const best = points.reduce<TrendChartPoint | undefined>(
    (top, point) => (!top || point.revenue > top.revenue ? point : top),
    undefined,
  );
  const days = points.length;
  const currencyName =
    new Intl.DisplayNames(locale, { type: "currency" }).of(overview.currency) ?? overview.currency;

  return (
    <Card className="min-w-0">
      <CardHeader className="pb-3">
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description", { currency: currencyName })}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <p className="text-sm">
          {best && best.revenue > 0
            ? t("summary", {
                days,
                revenue: money(overview.summary.totalRevenue),
                orders: overview.summary.totalOrders,
                bestDate: best.fullLabel,
                bestRevenue: money(best.revenue),
              })
            : t("summaryNoSales", { days })}
        </p>
        <TrendChart
          points={points}
          currency={overview.currency}
          rtl={directionOf(locale) === "rtl"}
          labels={{ revenue: t("revenue"), orders: t("orders") }}
        />
        {/* A table sizes to its content whatever its width: sr-only goes on a box around it. */}
        <div className="sr-only">
          <table>
            <caption>{t("tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("revenue")}</th>
                <th scope="col">{t("orders")}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.date}>
                  <th scope="row">{point.fullLabel}</th>
                  <td>{money(point.revenue)}</td>
                  <td>{format.number(point.orders)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </CardContent>
    </Card>
  );
}
