import { hasLocale } from "next-intl";
import type { NextRequest } from "next/server";
import { requireSession, sessionStore } from "@/lib/admin/session";
import { routing } from "@/lib/admin/i18n/routing";
import { StoreApiError } from "@/lib/sdk";
import { parseProductSearchParams, toExportParams } from "../search-params";

/**
 * The catalogue as CSV, with the list's filters. The API's stream is passed through as it
 * arrives, so a large catalogue never sits in this server's memory.
 */
export async function GET(
  request: NextRequest,
  { params }: { params: Promise<{ locale: string }> },
) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return new Response(null, { status: 404 });
  const session = await requireSession(locale);
  const state = parseProductSearchParams(Object.fromEntries(request.nextUrl.searchParams));
  const store = sessionStore(session);
  try {
    const csv = await store.products.exportCsv(toExportParams(state));
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
}
