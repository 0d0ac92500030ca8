import { forwardProviderWebhook } from "@/lib/admin/provider-webhooks";

// No same-origin check: PayPal's servers send this; the Store API checks the signature over the raw body.
export async function POST(request: Request, { params }: { params: Promise<{ store: string }> }) {
  return forwardProviderWebhook("paypal", (await params).store, request);
}
