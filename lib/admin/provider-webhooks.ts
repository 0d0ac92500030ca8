import { BrainSAITStore, StoreApiError } from "@/lib/sdk";
import { adminClientIp } from "@/lib/client-ip";

/** The headers each provider signs with; nothing else is passed on. */
const SIGNATURE_HEADERS = {
  stripe: ["stripe-signature"],
  paypal: [
    "paypal-transmission-id",
    "paypal-transmission-time",
    "paypal-transmission-sig",
    "paypal-cert-url",
    "paypal-auth-algo",
  ],
} as const;

/**
 * The bundled receivers for Stripe's and PayPal's webhooks: the raw body and the signature
 * headers go to the Store API untouched, where verification and every state change live
 * (docs/payments.md, "Webhooks"). Its answer goes back to the provider as it is: 2xx, or 4xx for
 * a bad signature, or 5xx so the provider retries later. No retries here: the provider retries.
 */
export async function forwardProviderWebhook(
  provider: "stripe" | "paypal",
  store: string,
  request: Request,
): Promise<Response> {
  const body = await request.text();
  const headers: Record<string, string> = {};
  for (const name of SIGNATURE_HEADERS[provider]) {
    const value = request.headers.get(name);
    if (value) headers[name] = value;
  }
  const client = new BrainSAITStore({
    tenantId: store.slice(0, 100),
    maxRetries: 0,
    forwardedFor: adminClientIp(request.headers.get("x-forwarded-for")) || undefined,
  });
  try {
    const res = await client.payments.forwardWebhook(provider, body, headers);
    return new Response(await res.text(), {
      status: res.status,
      headers: { "content-type": "application/json" },
    });
  } catch (err) {
    if (!(err instanceof StoreApiError)) throw err;
    return Response.json(
      { detail: err.detail, type: err.type, code: err.code },
      { status: err.status },
    );
  }
}
