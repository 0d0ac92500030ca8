import { hasLocale } from "next-intl";
import { getDisplayFormatter } from "@/lib/admin/format/server";
import { APP_DATE_STYLE, appFormatter, type CallbackView } from "@/components/apps/app-view";
import { storeTimeZone } from "@/components/settings/format";
import { requireSession, sessionStore } from "@/lib/admin/session";
import { routing } from "@/lib/admin/i18n/routing";
import { StoreApiError } from "@/lib/sdk";

/** An app's install and uninstall callbacks, for the app page's polling (react-query). */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ locale: string; appRef: string }> },
) {
  const { locale, appRef } = await params;
  if (!hasLocale(routing.locales, locale)) return new Response(null, { status: 404 });
  const store = sessionStore(await requireSession(locale));
  try {
    const [list, me] = await Promise.all([store.apps.callbacks(appRef), store.auth.me()]);
    const format = await getDisplayFormatter(locale, me.preferences);
    const timeZone = storeTimeZone(me.tenant.timeZone);
    const shape = appFormatter(locale, (date) =>
      format.dateTime(date, { ...APP_DATE_STYLE, timeZone }),
    );
    const rows: CallbackView[] = list.data.map(shape.callback);
    return Response.json(rows, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (!(error instanceof StoreApiError)) throw error;
    return Response.json({ detail: error.detail, code: error.code }, { status: error.status });
  }
}
