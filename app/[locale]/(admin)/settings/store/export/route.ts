import { hasLocale } from "next-intl";
import { rejectCrossOrigin } from "@/lib/admin/same-origin";
import { requireSession, sessionStore } from "@/lib/admin/session";
import { routing } from "@/lib/admin/i18n/routing";
import { StoreApiError } from "@/lib/sdk";

/**
 * The whole store as one zip, for its owner (the API checks the role and audits it). A POST, so
 * the browser sends its Origin and a cross-site page cannot start the download with the owner's
 * cookie. The API's stream is passed through as it arrives, never held in this server's memory.
 */
export async function POST(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const refused = rejectCrossOrigin(request);
  if (refused) return refused;
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return new Response(null, { status: 404 });
  const session = await requireSession(locale);
  try {
    const archive = await sessionStore(session).settings.export();
    const headers = new Headers({
      "Content-Type": archive.headers.get("content-type") ?? "application/zip",
      "Cache-Control": "no-store",
    });
    for (const name of ["content-disposition", "content-length", "x-export-rows"]) {
      const value = archive.headers.get(name);
      if (value) headers.set(name, value);
    }
    return new Response(archive.body, { status: 200, headers });
  } catch (error) {
    if (!(error instanceof StoreApiError)) throw error;
    return Response.json(
      { detail: error.detail, type: error.type, code: error.code },
      { status: error.status, headers: { "Cache-Control": "no-store" } },
    );
  }
}
