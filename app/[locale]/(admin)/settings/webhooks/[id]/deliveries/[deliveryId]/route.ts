import { hasLocale } from "next-intl";
import { getDisplayFormatter } from "@/lib/admin/format/server";
import { storeTimeZone } from "@/components/settings/format";
import { DELIVERY_DATE_STYLE, deliveryFormatter } from "@/components/webhooks/delivery-rows";
import { requireSession, sessionStore } from "@/lib/admin/session";
import { routing } from "@/lib/admin/i18n/routing";
import { StoreApiError } from "@/lib/sdk";

/** One delivery with its exact body and every attempt, for the log's detail view. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ locale: string; id: string; deliveryId: string }> },
) {
  const { locale, id, deliveryId } = await params;
  if (!hasLocale(routing.locales, locale)) return new Response(null, { status: 404 });
  const session = await requireSession(locale);
  const store = sessionStore(session);
  try {
    const [delivery, me] = await Promise.all([
      store.webhooks.delivery(deliveryId),
      store.auth.me(),
    ]);
    // The URL names the endpoint too; a delivery of another endpoint is not found here.
    if (delivery.endpointId !== id)
      return Response.json({ code: "DELIVERY_NOT_FOUND" }, { status: 404 });
    const format = await getDisplayFormatter(locale, me.preferences);
    const shape = deliveryFormatter((date) =>
      format.dateTime(date, {
        ...DELIVERY_DATE_STYLE,
        timeZone: storeTimeZone(me.tenant.timeZone),
      }),
    );
    return Response.json(shape.detail(delivery), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (!(error instanceof StoreApiError)) throw error;
    return Response.json({ detail: error.detail, code: error.code }, { status: error.status });
  }
}
