import { revalidatePath } from "next/cache";
import { verifyWebhook, WebhookVerificationError } from "@/lib/sdk";
import { log } from "@/lib/log";
import { rememberReceivedEvent } from "@/lib/admin/received-events";

/**
 * The bundled receiver for this store's own webhooks. An admin that talks to a remote Store API
 * (STORE_API_URL) points an endpoint here (with STORE_WEBHOOK_SECRET set to its signing secret)
 * so its pages are refreshed when products, orders or settings change elsewhere, and the event
 * shows in the home page's activity feed at once. The raw body is
 * verified before it is parsed; repeats of one webhook-id are acknowledged and ignored.
 */
const seen = new Map<string, number>();
const AREAS: Record<string, string[]> = {
  product: ["products"],
  order: ["orders", "products"],
  tenant: [""],
  user: ["settings/team"],
  webhook: ["settings/webhooks"],
};

// No rejectCrossOrigin (lib/admin/same-origin.ts) here: the sender is a server, not a browser, and
// no cookie is used; the signature over the raw body is what authenticates each delivery.
export async function POST(request: Request) {
  const secret = process.env.STORE_WEBHOOK_SECRET;
  if (!secret) {
    return Response.json(
      {
        detail: "STORE_WEBHOOK_SECRET is not set on this server",
        type: "api_error",
        code: "RECEIVER_NOT_CONFIGURED",
      },
      { status: 503 },
    );
  }
  const body = await request.text();
  let event;
  try {
    event = verifyWebhook({ secret, body, headers: request.headers });
  } catch (err) {
    if (!(err instanceof WebhookVerificationError || err instanceof SyntaxError)) throw err;
    return Response.json(
      {
        detail: "Invalid signature",
        type: "authentication_error",
        code: "WEBHOOK_SIGNATURE_INVALID",
      },
      { status: 401 },
    );
  }
  const id = request.headers.get("webhook-id") ?? event.id;
  if (seen.has(id)) return new Response(null, { status: 204 });
  seen.set(id, Date.now());
  if (seen.size > 5000) seen.delete(seen.keys().next().value!);

  rememberReceivedEvent(event);
  for (const area of AREAS[event.event.split(".")[0] ?? ""] ?? []) {
    for (const locale of ["en", "ar"])
      revalidatePath(`/${locale}${area ? `/${area}` : ""}`, "page");
  }
  log.info("store webhook received", { event: event.event, id });
  return new Response(null, { status: 204 });
}
