import { ArrowRight } from "lucide-react";
import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { getDisplayFormatter } from "@/lib/admin/format/server";
import { Link } from "@/lib/admin/i18n/navigation";
import type { BrainSAITStore } from "@/lib/sdk";
import { KpiGrid } from "./kpi-card";
import { overviewKpis } from "./kpis";

/**
 * The home page's last 30 days: revenue, orders and average order value with their change, and
 * the way to the dashboard. Left out when the API cannot answer, so home still loads.
 */
export async function HomeKpis({ store, locale }: { store: BrainSAITStore; locale: Locale }) {
  const overview = await store.analytics.getOverview().catch(() => null);
  if (!overview) return null;
  const t = await getTranslations({ locale, namespace: "Analytics.kpis" });
  const tHome = await getTranslations({ locale, namespace: "Home.kpis" });
  const format = await getDisplayFormatter(locale);
  const kpis = overviewKpis(overview, format, (key) => t(key), [
    "totalRevenue",
    "totalOrders",
    "averageOrderValue",
  ]);
  return (
    <section aria-labelledby="home-kpis" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="home-kpis" className="text-lg font-semibold">
          {tHome("title")}
        </h2>
        <Link
          href="/analytics"
          className="inline-flex items-center gap-1 text-sm font-medium text-primary underline-offset-4 hover:underline"
        >
          {tHome("viewAll")}
          <ArrowRight aria-hidden className="size-4 rtl:rotate-180" />
        </Link>
      </div>
      <KpiGrid className="sm:grid-cols-3" kpis={kpis} />
    </section>
  );
}
