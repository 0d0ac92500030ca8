import type { DisplayFormatter } from "@/lib/admin/format/core";
import type { AnalyticsOverview } from "@/lib/sdk";
import type { Kpi } from "./kpi-card";

type Summary = AnalyticsOverview["summary"];
type SummaryKey = keyof Summary;

/** Each figure the dashboard shows, in its order: its label key and whether it is money. */
export const KPI_FIGURES = [
  { key: "totalRevenue", label: "revenue", money: true },
  { key: "totalOrders", label: "orders", money: false },
  { key: "averageOrderValue", label: "averageOrderValue", money: true },
  { key: "paidOrders", label: "paidOrders", money: false },
  { key: "refundedAmount", label: "refunds", money: true, inverted: true },
  { key: "newCustomers", label: "newCustomers", money: false },
  { key: "returningCustomers", label: "returningCustomers", money: false },
] as const satisfies readonly {
  key: SummaryKey;
  label: string;
  money: boolean;
  inverted?: boolean;
}[];

export type KpiLabel = (typeof KPI_FIGURES)[number]["label"];

/** The overview's figures as cards: value, change and the previous period's value, formatted. */
export function overviewKpis(
  overview: AnalyticsOverview,
  format: DisplayFormatter,
  label: (key: KpiLabel) => string,
  only?: readonly SummaryKey[],
): Kpi[] {
  const figure = (value: number, money: boolean) =>
    money
      ? format.number(value, { style: "currency", currency: overview.currency })
      : format.number(value);
  return KPI_FIGURES.filter((f) => !only || only.includes(f.key)).map((f) => ({
    label: label(f.label),
    value: figure(overview.summary[f.key], f.money),
    change: overview.comparison.changePct[f.key],
    changeText: format.number(Math.abs(overview.comparison.changePct[f.key] ?? 0) / 100, {
      style: "percent",
      maximumFractionDigits: 1,
    }),
    previous: figure(overview.comparison.previousPeriod[f.key], f.money),
    inverted: "inverted" in f ? f.inverted : false,
  }));
}

/** A day (YYYY-MM-DD) as a Date that formats as that same day with `timeZone: "UTC"`. */
export function dayDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
