import { hasLocale } from "next-intl";
import type { NextRequest } from "next/server";
import { storeTimeZone } from "@/components/settings/format";
import { requireMe, sessionStore } from "@/lib/admin/session";
import { routing } from "@/lib/admin/i18n/routing";
import { StoreApiError } from "@/lib/sdk";
import { parseAnalyticsRange } from "../search-params";
import { trendCsv } from "../trend-csv";

type RouteContext = { params: Promise<{ locale: string }> };

/** The dashboard's revenue and orders per day, for the range in the dashboard's URL. */
export async function GET(request: NextRequest, { params }: RouteContext) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return new Response(null, { status: 404 });
  const { session, me } = await requireMe(locale);
  const query = Object.fromEntries(request.nextUrl.searchParams);
  const range = parseAnalyticsRange(query, storeTimeZone(me.tenant.timeZone));
  try {
    const overview = await sessionStore(session).analytics.getOverview({
      startDate: range.startDate,
      endDate: range.endDate,
    });
    const filename = `revenue-trend-${overview.startDate}-to-${overview.endDate}.csv`;
    return new Response(trendCsv(overview), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (!(error instanceof StoreApiError)) throw error;
    return Response.json({ detail: error.detail, code: error.code }, { status: error.status });
  }
}
