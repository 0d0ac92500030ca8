import { hasLocale } from "next-intl";
import { requireSession, sessionStore } from "@/lib/admin/session";
import { routing } from "@/lib/admin/i18n/routing";
import { StoreApiError } from "@/lib/sdk";
import { withReceivedEvents } from "@/lib/admin/received-events";

/**
 * The store's latest events for the home page's activity feed (polled by react-query), with those
 * the bundled receiver took in.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return new Response(null, { status: 404 });
  const session = await requireSession(locale);
  const store = sessionStore(session);
  try {
    const { data } = await store.webhooks.recentEvents();
    return Response.json(
      { data: withReceivedEvents(session.tenant, data) },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    if (!(error instanceof StoreApiError)) throw error;
    return Response.json({ detail: error.detail, code: error.code }, { status: error.status });
  }
}
