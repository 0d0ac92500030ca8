import { hasLocale } from "next-intl";
import type { NextRequest } from "next/server";
import { requireSession, sessionStore } from "@/lib/admin/session";
import { routing } from "@/lib/admin/i18n/routing";
import { type BrainSAITStore, StoreApiError } from "@/lib/sdk";

type RouteContext = { params: Promise<{ locale: string }> };

/**
 * A list's CSV export route: the signed-in store's CSV for the list's query, with the API's stream
 * passed through as it arrives, so a long list never sits in this server's memory. API errors go
 * back as JSON with their status.
 */
export function csvExportRoute(
  exportCsv: (store: BrainSAITStore, query: Record<string, string>) => Promise<Response>,
) {
  return async function GET(request: NextRequest, { params }: RouteContext) {
    const { locale } = await params;
    if (!hasLocale(routing.locales, locale)) return new Response(null, { status: 404 });
    const session = await requireSession(locale);
    const query = Object.fromEntries(request.nextUrl.searchParams);
    try {
      const csv = await exportCsv(sessionStore(session), query);
      const headers = new Headers({
        "Content-Type": csv.headers.get("content-type") ?? "text/csv; charset=utf-8",
        "Cache-Control": "no-store",
      });
      const disposition = csv.headers.get("content-disposition");
      if (disposition) headers.set("Content-Disposition", disposition);
      return new Response(csv.body, { status: 200, headers });
    } catch (error) {
      if (!(error instanceof StoreApiError)) throw error;
      return Response.json({ detail: error.detail, code: error.code }, { status: error.status });
    }
  };
}
