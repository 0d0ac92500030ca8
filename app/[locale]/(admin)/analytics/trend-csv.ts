import type { AnalyticsOverview } from "@/lib/sdk";

/**
 * The trend as CSV: one line per day of the range, amounts with the currency's own decimals (two
 * for SAR, three for KWD, none for JPY) and a point, whatever the admin's language.
 */
export function trendCsv(overview: Pick<AnalyticsOverview, "revenueTrend" | "currency">): string {
  const { maximumFractionDigits: digits = 2 } = new Intl.NumberFormat("en", {
    style: "currency",
    currency: overview.currency,
  }).resolvedOptions();
  const lines = ["date,orders,revenue,currency"];
  for (const point of overview.revenueTrend) {
    lines.push(
      `${point.date},${point.orders},${point.revenue.toFixed(digits)},${overview.currency}`,
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
