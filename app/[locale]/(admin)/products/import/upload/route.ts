import { hasLocale } from "next-intl";
import type { NextRequest } from "next/server";
import type { ImportLine } from "@/components/products/import-lines";
import { MAX_IMPORT_BYTES } from "@/components/products/product-limits";
import { rejectCrossOrigin } from "@/lib/admin/same-origin";
import { requireSession, sessionStore } from "@/lib/admin/session";
import { routing } from "@/lib/admin/i18n/routing";
import { StoreApiError } from "@/lib/sdk";

/**
 * Receives a CSV and streams the import's progress as NDJSON (see ImportLine), so the page can
 * show a real progress bar. The API imports all or nothing.
 */
export async function POST(
  request: NextRequest,
  { params }: { params: Promise<{ locale: string }> },
) {
  const refused = rejectCrossOrigin(request);
  if (refused) return refused;
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return new Response(null, { status: 404 });
  const session = await requireSession(locale);
  if (Number(request.headers.get("content-length")) > MAX_IMPORT_BYTES)
    return Response.json({ code: "PAYLOAD_TOO_LARGE" }, { status: 413 });
  const csv = await request.text();
  const store = sessionStore(session);

  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: ImportLine) =>
        controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        const result = await store.products.importCsv(csv, {
          onProgress: (progress) => send({ type: "progress", ...progress }),
        });
        send({ type: "result", ...result });
      } catch (error) {
        if (error instanceof StoreApiError) {
          send({ type: "error", code: error.code, detail: error.detail, errors: error.errors });
        } else {
          console.error("product import failed", error);
          send({ type: "error", code: "INTERNAL_ERROR", detail: "The import failed", errors: [] });
        }
      }
      controller.close();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      "Cache-Control": "no-store",
      // Proxies such as nginx would otherwise hold the lines back until the end.
      "X-Accel-Buffering": "no",
    },
  });
}
