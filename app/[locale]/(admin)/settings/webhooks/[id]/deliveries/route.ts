import { hasLocale } from "next-intl";
import { getDisplayFormatter } from "@/lib/admin/format/server";
import type { NextRequest } from "next/server";
import { storeTimeZone } from "@/components/settings/format";
import {
  DELIVERY_DATE_STYLE,
  deliveryFormatter,
  type DeliveryPage,
} from "@/components/webhooks/delivery-rows";
import { requireSession, sessionStore } from "@/lib/admin/session";
import { routing } from "@/lib/admin/i18n/routing";
import { StoreApiError } from "@/lib/sdk";
import { parseDeliverySearchParams, toDeliveryParams } from "../../search-params";

/** One page of an endpoint's delivery log, for the log's polling (react-query). */
export async function GET(
  request: NextRequest,
  { params }: { params: Promise<{ locale: string; id: string }> },
) {
  const { locale, id } = await params;
  if (!hasLocale(routing.locales, locale)) return new Response(null, { status: 404 });
  const session = await requireSession(locale);
  const store = sessionStore(session);
  const state = parseDeliverySearchParams(Object.fromEntries(request.nextUrl.searchParams));
  try {
    const [list, me] = await Promise.all([
      store.webhooks.deliveries(id, toDeliveryParams(state)),
      store.auth.me(),
    ]);
    const format = await getDisplayFormatter(locale, me.preferences);
    const shape = deliveryFormatter((date) =>
      format.dateTime(date, {
        ...DELIVERY_DATE_STYLE,
        timeZone: storeTimeZone(me.tenant.timeZone),
      }),
    );
    const page: DeliveryPage = { rows: list.data.map(shape.row), pagination: list.pagination };
    return Response.json(page, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (!(error instanceof StoreApiError)) throw error;
    return Response.json({ detail: error.detail, code: error.code }, { status: error.status });
  }
}
