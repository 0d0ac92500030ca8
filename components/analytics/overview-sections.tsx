import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { OrderStatusBadge } from "@/components/orders/status-badge";
import { ProviderLabel } from "@/components/payments/provider-label";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { DisplayFormatter } from "@/lib/admin/format/core";
import { routing } from "@/lib/admin/i18n/routing";
import { PROVIDER_NAMES, type ProviderName } from "@/lib/payments/constants";
import type { AnalyticsOverview } from "@/lib/sdk";
import { BreakdownCard, type BreakdownRow } from "./breakdown-card";

type Overview = AnalyticsOverview;

/** Sources the admin itself writes; integrations name their own, shown as they are. */
const KNOWN_SOURCES = ["admin", "api"] as const;

function moneyOf(format: DisplayFormatter, currency: string) {
  return (value: number) => format.number(value, { style: "currency", currency });
}

/** Each row's part of the total of `value`, as a bar width and in words. */
function useShares(format: DisplayFormatter) {
  const t = useTranslations("Analytics.breakdowns");
  return <T,>(items: T[], value: (item: T) => number) => {
    const total = items.reduce((sum, item) => sum + value(item), 0);
    return items.map((item) => {
      const share = total > 0 ? value(item) / total : 0;
      return {
        share,
        shareLabel: t("share", {
          pct: format.number(share, { style: "percent", maximumFractionDigits: 0 }),
        }),
      };
    });
  };
}

/** The best sellers by revenue, named in the page's language (else the other one, marked). */
export function TopProducts({
  overview,
  format,
}: {
  overview: Overview;
  format: DisplayFormatter;
}) {
  const t = useTranslations("Analytics.topProducts");
  const locale = useLocale();
  const money = moneyOf(format, overview.currency);
  const other = routing.locales.find((l) => l !== locale) ?? locale;
  const otherName = new Intl.DisplayNames(locale, { type: "language" }).of(other) ?? other;

  return (
    <Card className="min-w-0">
      <CardHeader className="pb-3">
        <CardTitle className="text-base">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        {overview.topProducts.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("empty")}</p>
        ) : (
          <ol className="flex flex-col">
            {overview.topProducts.map((product, index) => {
              const own = product.name[locale as "en" | "ar"]?.trim();
              const name = own || product.name[other as "en" | "ar"]?.trim() || "—";
              return (
                <li
                  key={product.productId}
                  className="flex items-center gap-3 border-b border-border py-2.5 text-sm last:border-b-0"
                >
                  <span
                    aria-hidden
                    className="flex size-6 shrink-0 items-center justify-center rounded-full bg-muted text-xs font-medium tabular-nums"
                  >
                    {format.number(index + 1)}
                  </span>
                  <span className="flex min-w-0 flex-1 flex-col">
                    <span
                      lang={own ? locale : other}
                      className="font-medium [overflow-wrap:anywhere]"
                    >
                      {name}
                    </span>
                    {own ? null : (
                      <span className="text-xs text-muted-foreground">
                        {t("otherLanguage", { language: otherName })}
                      </span>
                    )}
                  </span>
                  <span className="flex shrink-0 flex-col items-end">
                    <span className="font-medium tabular-nums">{money(product.revenue)}</span>
                    <span className="text-xs text-muted-foreground tabular-nums">
                      {t("unitsValue", { count: product.unitsSold })}
                    </span>
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}

/** Orders and revenue per status or source, each row with its share of the orders. */
function OrdersBreakdown({
  overview,
  format,
  title,
  column,
  rows,
}: {
  overview: Overview;
  format: DisplayFormatter;
  title: string;
  column: string;
  rows: { key: string; label: ReactNode; orders: number; revenue: number }[];
}) {
  const t = useTranslations("Analytics.breakdowns");
  const money = moneyOf(format, overview.currency);
  const shares = useShares(format)(rows, (row) => row.orders);
  return (
    <BreakdownCard
      title={title}
      columns={[column, t("orders"), t("revenue")]}
      rows={rows.map((row, index) => ({
        key: row.key,
        label: row.label,
        cells: [format.number(row.orders), money(row.revenue)],
        ...shares[index]!,
      }))}
      empty={t("empty")}
    />
  );
}

export function ByStatus({ overview, format }: { overview: Overview; format: DisplayFormatter }) {
  const t = useTranslations("Analytics.breakdowns.byStatus");
  return (
    <OrdersBreakdown
      overview={overview}
      format={format}
      title={t("title")}
      column={t("status")}
      rows={overview.byStatus.map((row) => ({
        ...row,
        key: row.status,
        label: <OrderStatusBadge status={row.status} className="w-fit" />,
      }))}
    />
  );
}

export function BySource({ overview, format }: { overview: Overview; format: DisplayFormatter }) {
  const t = useTranslations("Analytics.breakdowns.bySource");
  const tSources = useTranslations("orders.sources");
  return (
    <OrdersBreakdown
      overview={overview}
      format={format}
      title={t("title")}
      column={t("source")}
      rows={overview.bySource.map((row) => ({
        ...row,
        key: row.source,
        label: (KNOWN_SOURCES as readonly string[]).includes(row.source) ? (
          <span>{tSources(row.source as (typeof KNOWN_SOURCES)[number])}</span>
        ) : (
          <bdi dir="ltr" className="font-mono text-xs">
            {row.source}
          </bdi>
        ),
      }))}
    />
  );
}

export function ByProvider({ overview, format }: { overview: Overview; format: DisplayFormatter }) {
  const t = useTranslations("Analytics.breakdowns");
  const money = moneyOf(format, overview.currency);
  const shares = useShares(format)(overview.byPaymentProvider, (row) => row.amount);
  const rows: BreakdownRow[] = overview.byPaymentProvider.map((row, index) => ({
    key: row.provider,
    label: (PROVIDER_NAMES as readonly string[]).includes(row.provider) ? (
      <ProviderLabel provider={row.provider as ProviderName} method={null} />
    ) : (
      <bdi dir="ltr">{row.provider}</bdi>
    ),
    cells: [format.number(row.payments), money(row.amount), money(row.refunded)],
    ...shares[index]!,
  }));
  return (
    <BreakdownCard
      title={t("byProvider.title")}
      columns={[
        t("byProvider.provider"),
        t("byProvider.payments"),
        t("byProvider.amount"),
        t("byProvider.refunded"),
      ]}
      rows={rows}
      empty={t("empty")}
    />
  );
}

/** Orders placed in another currency: each apart, in its own currency, never summed with ours. */
export function OtherCurrencies({
  overview,
  format,
}: {
  overview: Overview;
  format: DisplayFormatter;
}) {
  const t = useTranslations("Analytics.otherCurrencies");
  const locale = useLocale();
  if (overview.otherCurrencies.length === 0) return null;
  const currencyName =
    new Intl.DisplayNames(locale, { type: "currency" }).of(overview.currency) ?? overview.currency;
  return (
    <BreakdownCard
      title={t("title")}
      columns={[t("currency"), t("orders"), t("revenue"), t("refunded")]}
      rows={overview.otherCurrencies.map((row) => {
        const money = (value: number) =>
          format.number(value, { style: "currency", currency: row.currency });
        return {
          key: row.currency,
          label: <bdi dir="ltr">{row.currency}</bdi>,
          cells: [
            format.number(row.totalOrders),
            money(row.totalRevenue),
            money(row.refundedAmount),
          ],
        };
      })}
      empty=""
    >
      <CardDescription>{t("description", { currency: currencyName })}</CardDescription>
    </BreakdownCard>
  );
}
